/**
 * Headless runner: `npm run --silent race -- FILE.json [--summary]` (FILE "-" reads stdin).
 * Prints the race as JSON on stdout; a bad experiment prints one line naming the field,
 * the value and what is allowed on stderr and exits 2, with no stack trace.
 */
import { readFileSync, writeSync } from "node:fs";
import { decodeText, formatError, parseExperiment } from "../core/experiment";
import { FORMULAS_LOADING } from "../core/surfaces/formulaSupport";
import { Race } from "../core/engine";
import { writeRaceJson } from "./writeJson";

const USAGE =
  "usage: npm run --silent race -- FILE.json [--summary] [--stats] [--all-errors]   (FILE may be - for stdin; --stats reports time and peak memory on stderr; --all-errors lists every problem of a bad experiment, not only the first)";

/** Prints each line as `race: line` on stderr and exits (2: the input is at fault). */
function fail(message: string | string[], code = 2): never {
  const lines = typeof message === "string" ? [message] : message;
  process.stderr.write(lines.map((line) => `race: ${line}\n`).join(""));
  process.exit(code);
}

/**
 * Synchronous writes through one reused buffer keep memory flat for huge outputs
 * (and work for pipes and files alike).
 */
const out = Buffer.alloc(1 << 16);
function writeAll(chunk: string): void {
  let pos = 0;
  while (pos < chunk.length) {
    // ≤ 4 UTF-8 bytes per UTF-16 unit: slice so the encoded text always fits the buffer.
    const part = chunk.slice(pos, pos + (out.length >> 2));
    pos += part.length;
    const len = out.write(part, 0);
    let off = 0;
    while (off < len) {
      try {
        off += writeSync(1, out, off, len - off);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // The reader has gone (`race … | head`): nothing left to say, and nothing went wrong.
        if (code === "EPIPE") process.exit(0);
        if (code !== "EAGAIN") throw err;
      }
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const flags = argv.filter((a) => a.startsWith("--"));
  const files = argv.filter((a) => !a.startsWith("--"));
  if (flags.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = flags.filter((f) => f !== "--summary" && f !== "--stats" && f !== "--all-errors");
  if (unknown.length) fail(`unknown option ${unknown[0]}; ${USAGE}`);
  if (files.length !== 1) fail(USAGE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(files[0] === "-" ? 0 : files[0]);
  } catch (err) {
    fail(`cannot read ${files[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  // UTF-8 with or without a byte-order mark, or UTF-16 with one: whatever the editor saved.
  const text = decodeText(bytes);
  if (text === null) fail(`${files[0]} is not text (expected UTF-8, or UTF-16 with a byte-order mark)`);
  let parsed = parseExperiment(text);
  // mathjs is loaded only for a typed surface (most races never need it): then read again.
  if (!parsed.ok && parsed.errors.some((e) => e.message === FORMULAS_LOADING)) {
    await import("../core/surfaces/typedSurfaces");
    parsed = parseExperiment(text);
  }
  if (!parsed.ok) {
    const errors = flags.includes("--all-errors") ? parsed.errors : parsed.errors.slice(0, 1);
    fail(errors.map(formatError));
  }
  const t0 = performance.now();
  // A summary needs no per-step records: 32 runs × 1,000,000 steps stay small.
  const race = new Race(parsed.experiment, { trace: !flags.includes("--summary") }).finish();
  const seconds = (performance.now() - t0) / 1000;
  writeRaceJson((chunk) => writeAll(chunk), race, flags.includes("--summary"));
  if (flags.includes("--stats")) {
    const steps = race.runs.reduce((s, r) => s + r.stepsDone, 0);
    const rss = process.resourceUsage().maxRSS * 1024;
    process.stderr.write(`race: ${steps} steps in ${seconds.toFixed(3)} s (${(steps / seconds / 1e6).toFixed(2)} M steps/s), peak memory ${(rss / 2 ** 20).toFixed(1)} MiB\n`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => fail(`internal error: ${(err as Error).message}`, 1));
