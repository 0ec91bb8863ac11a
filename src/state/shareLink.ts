/**
 * The link format: `#e=` + lz-string's compressToEncodedURIComponent(JSON of the experiment).
 * Decoding never throws and never refuses outright: whatever a link holds, the reader gets
 * a valid experiment (the defaults where the link gives nothing usable) and the list of
 * what was ignored, each with its reason.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { shapeProblem, stripBom } from "../core/experiment/jsonText";
import { pathToField } from "../core/experiment/messages";
import { salvageExperiment, type Ignored } from "../core/experiment/salvage";
import type { Experiment } from "../core/experiment/types";
import { MAX_BROWSER_STEPS } from "../worker/protocol";
import { MAX_UI_RUNS } from "./experimentSlice";

export const HASH_PREFIX = "#e=";
/** Caps checked before anything is decompressed or parsed: no link of a real experiment comes near them. */
export const MAX_HASH_CHARS = 64 * 1024;
export const MAX_JSON_CHARS = 256 * 1024;

export interface DecodedLink {
  experiment: Experiment;
  ignored: Ignored[];
}

/** The hash of a link to `e` (with its leading `#`). */
export function encodeLink(e: Experiment): string {
  return HASH_PREFIX + compressToEncodedURIComponent(JSON.stringify(e));
}

/** The experiment as a file: pretty-printed JSON, what `npm run race` reads as it is. */
export function experimentFileText(e: Experiment): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

const kB = (n: number) => `${Math.ceil(n / 1024).toLocaleString("en")} kB`;
const whole = (reason: string): Ignored[] => [{ field: "(link)", reason: `${reason}; the default experiment is shown` }];

/** The link's JSON text, or why there is none. */
function linkText(hash: string): { text: string } | { problem: string } {
  const packed = hash.slice(HASH_PREFIX.length);
  if (packed.length === 0) return { problem: "is empty" };
  if (packed.length > MAX_HASH_CHARS) return { problem: `is ${kB(packed.length)} long; a link holds at most ${kB(MAX_HASH_CHARS)}` };
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  // lz-string answers "" or null for text it did not write (a truncated or edited link).
  if (!text) return { problem: "is damaged (cut short or edited) and could not be unpacked" };
  if (text.length > MAX_JSON_CHARS) return { problem: `unpacks to ${kB(text.length)}; an experiment is at most ${kB(MAX_JSON_CHARS)}` };
  return { text: stripBom(text) };
}

/** Whether the hash holds a typed surface (`"surface": {…}`), which needs the formula compiler to be read. */
export function linkNeedsFormulas(hash: string): boolean {
  if (!hash.startsWith(HASH_PREFIX)) return false;
  const got = linkText(hash);
  return "text" in got && /"surface"\s*:\s*\{/.test(got.text);
}

/**
 * Reads a location hash. `null` when it holds no experiment (no hash, or another kind of
 * hash); otherwise always a valid experiment, with what was ignored and why.
 */
export function decodeLink(hash: string, defaults: Experiment): DecodedLink | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  const limits = { maxRuns: MAX_UI_RUNS, maxSteps: MAX_BROWSER_STEPS };
  const fallback = (reason: string): DecodedLink => ({ ...salvageExperiment(defaults, defaults, limits), ignored: whole(reason) });
  const got = linkText(hash);
  if ("problem" in got) return fallback(got.problem);
  // Before JSON.parse: text nested or spread wider than any experiment is refused unread.
  const shape = shapeProblem(got.text);
  if (shape) {
    const where = shape.path.length ? ` at ${pathToField(shape.path)}` : "";
    return fallback(shape.problem === "deep" ? `nests deeper than any experiment${where}` : `holds a list or object of ${shape.problem.items.toLocaleString("en")} items${where}, more than any experiment`);
  }
  let input: unknown;
  try {
    input = JSON.parse(got.text);
  } catch {
    return fallback("does not hold JSON");
  }
  return salvageExperiment(input, defaults, limits);
}

const WHOLE = new Set(["(link)", "(experiment)"]);
/** Past this an entry is cut: the header must not push the plot off a projector's 720 px. */
const MAX_ENTRY_CHARS = 110;
const cut = (text: string) => (text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS - 1)}…` : text);

/** Entries for a status line: at most `max`, each cut to 110 characters, joined by " · ". */
export function statusList(entries: readonly string[], max = 3): string {
  const shown = entries.slice(0, max).map(cut);
  const more = entries.length - shown.length;
  return `${shown.join(" · ")}${more > 0 ? ` · and ${more} more` : ""}`;
}

/**
 * One status line: "Link ignored: it is damaged …" when nothing of it could be used, else
 * "From the link, ignored: runs[0].color: … · steps: …" (a list of every allowed optimizer is cut).
 */
export function describeIgnored(ignored: readonly Ignored[], max = 3): string {
  const all = ignored.find((i) => WHOLE.has(i.field));
  if (all) return `Link ignored: ${cut(`${all.field === "(link)" ? "it " : ""}${all.reason}`)}.`;
  return `From the link, ignored: ${statusList(ignored.map((i) => `${i.field}: ${i.reason}`), max)}.`;
}
