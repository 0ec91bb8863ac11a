/**
 * Headless runner: `npm run --silent race -- FILE.json [--summary]` (FILE "-" reads stdin).
 * Prints the race as JSON on stdout; a bad experiment prints one line naming the field,
 * the value and what is allowed on stderr and exits 2, with no stack trace.
 */
import { readFileSync, writeSync } from "node:fs";
import { formatError, parseExperiment } from "../core/experiment";
import { Race } from "../core/engine";
import { writeRaceJson } from "./writeJson";

const USAGE = "usage: npm run --silent race -- FILE.json [--summary] [--stats]   (FILE may be - for stdin; --stats reports time and peak memory on stderr)";

function fail(message: string, code = 2): never {
  process.stderr.write(`race: ${message}\n`);
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
        if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
      }
    }
  }
}

function main(argv: string[]): void {
  const flags = argv.filter((a) => a.startsWith("--"));
  const files = argv.filter((a) => !a.startsWith("--"));
  if (flags.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = flags.filter((f) => f !== "--summary" && f !== "--stats");
  if (unknown.length) fail(`unknown option ${unknown[0]}; ${USAGE}`);
  if (files.length !== 1) fail(USAGE);
  let text: string;
  try {
    text = readFileSync(files[0] === "-" ? 0 : files[0], "utf8");
  } catch (err) {
    fail(`cannot read ${files[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseExperiment(text);
  if (!parsed.ok) fail(formatError(parsed.errors[0]));
  const t0 = performance.now();
  const race = new Race(parsed.experiment).finish();
  const seconds = (performance.now() - t0) / 1000;
  writeRaceJson((chunk) => writeAll(chunk), race, flags.includes("--summary"));
  if (flags.includes("--stats")) {
    const steps = race.runs.reduce((s, r) => s + r.stepsDone, 0);
    const rss = process.resourceUsage().maxRSS * 1024;
    process.stderr.write(`race: ${steps} steps in ${seconds.toFixed(3)} s (${(steps / seconds / 1e6).toFixed(2)} M steps/s), peak memory ${(rss / 2 ** 20).toFixed(1)} MiB\n`);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  fail(`internal error: ${(err as Error).message}`, 1);
}
