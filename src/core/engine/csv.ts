/**
 * The race as CSV (RFC 4180): one row per run and point, `run,step,x,y,loss,lr,gradNorm`.
 *
 * Numbers are written as JavaScript's shortest round-trip form (String(n)), so reading
 * the file back gives the very float64 the engine computed. A point no step has left yet
 * (the last one of a run) has no lr and no gradient norm: those cells are empty rather
 * than "NaN", which spreadsheets would read as text.
 *
 * Text cells (run names) are quoted when they hold a comma, quote or line break, and a
 * name starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, the
 * OWASP advice against formula injection: a run named `=HYPERLINK(...)` must open in a
 * spreadsheet as text, not run. Number cells are never touched (−1.5 stays a number).
 */

export const CSV_HEADER = ["run", "step", "x", "y", "loss", "lr", "gradNorm"] as const;

/**
 * What the writer reads of one run: interleaved x, y and per-point columns, `count` points
 * long (the page's trajectory buffers; lr and gradNorm may be shorter, as the CLI's are).
 */
export interface CsvRun {
  name: string;
  count: number;
  xy: ArrayLike<number>;
  loss: ArrayLike<number>;
  lr: ArrayLike<number>;
  gradNorm: ArrayLike<number>;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell, neutralised against formula injection and quoted per RFC 4180 where needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: shortest round-trip digits; NaN or absent (no value, e.g. past the end of the CLI's shorter lr column) is an empty cell. */
export function csvNumber(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "" : String(value);
}

/**
 * Yields the CSV a chunk at a time (header first, then ~`rowsPerChunk` rows per string), so
 * 12 runs × 200,001 points never have to sit in one JavaScript string. Lines end in CRLF,
 * as RFC 4180 asks.
 */
export function* raceCsvChunks(runs: readonly CsvRun[], rowsPerChunk = 10_000): Generator<string> {
  yield CSV_HEADER.join(",") + "\r\n";
  for (const run of runs) {
    const name = csvText(run.name);
    let rows: string[] = [];
    for (let i = 0; i < run.count; i++) {
      rows.push(
        `${name},${i},${csvNumber(run.xy[2 * i])},${csvNumber(run.xy[2 * i + 1])},${csvNumber(run.loss[i])},${csvNumber(run.lr[i])},${csvNumber(run.gradNorm[i])}\r\n`,
      );
      if (rows.length >= rowsPerChunk) {
        yield rows.join("");
        rows = [];
      }
    }
    if (rows.length) yield rows.join("");
  }
}

/** The whole CSV as one string (tests, small races). */
export function raceCsv(runs: readonly CsvRun[]): string {
  return [...raceCsvChunks(runs)].join("");
}
