import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Experiment } from "../experiment/types";
import { getSurface } from "../surfaces";
import { CSV_HEADER, csvText, raceCsv, raceCsvChunks, type CsvRun } from "./csv";
import { runExperiment } from "./output";

/** An RFC 4180 reader, written independently of the writer, so a round trip checks the format and not the code against itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

const shootout: Experiment = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 300,
  tolerance: 0.1,
  runs: [
    { id: "sgd", optimizer: { name: "sgd", lr: 0.001 } },
    { id: "adam", start: [0.5, -1], optimizer: { name: "adam", lr: 0.01 } },
  ],
};

/** The headless runner's output in the writer's shape (what the page's trajectory buffers hold). */
function csvRuns(e: Experiment, names: string[]): CsvRun[] {
  return runExperiment(e).runs.map((r, k) => ({
    name: names[k],
    count: r.points!.length,
    xy: r.points!.flat(),
    loss: r.loss!,
    lr: r.lr!,
    gradNorm: r.gradNorm!,
  }));
}

describe("raceCsv", () => {
  it("writes the header and one row per run and point, each number reading back as the engine's float64", () => {
    const runs = csvRuns(shootout, ["SGD", "Adam"]);
    const rows = parseCsv(raceCsv(runs));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(1 + 2 * 301);
    const rosenbrock = getSurface("rosenbrock")!;
    // First row of each run: the start and f(start), computed here by the surface itself.
    const adamFirst = rows[1 + 301];
    expect(adamFirst.slice(0, 4)).toEqual(["Adam", "0", "0.5", "-1"]);
    expect(Number(adamFirst[4])).toBe(rosenbrock.f(0.5, -1));
    expect(Number(rows[1][4])).toBe(rosenbrock.f(-2, 2));
    const out = runExperiment(shootout).runs;
    for (let k = 0; k < 2; k++) {
      for (const i of [0, 1, 150, 299]) {
        const r = rows[1 + k * 301 + i];
        expect(Number(r[1])).toBe(i);
        expect([Number(r[2]), Number(r[3])]).toEqual(out[k].points![i]);
        expect(Number(r[4])).toBe(out[k].loss![i]);
        expect(Number(r[5])).toBe(out[k].lr![i]);
        expect(Number(r[6])).toBe(out[k].gradNorm![i]);
      }
      // The last point has had no step leave it: no lr, no gradient norm.
      const last = rows[1 + k * 301 + 300];
      expect(last[1]).toBe("300");
      expect(last.slice(5)).toEqual(["", ""]);
    }
  });

  it("writes the same text in chunks as in one piece, chunk boundaries on row ends", () => {
    const runs = csvRuns(shootout, ["a", "b"]);
    const chunks = [...raceCsvChunks(runs, 7)];
    expect(chunks.length).toBeGreaterThan(80);
    for (const c of chunks) expect(c.endsWith("\r\n")).toBe(true);
    expect(chunks.join("")).toBe(raceCsv(runs));
  });

  it("keeps a diverged run's huge and infinite values as numbers a reader parses back", () => {
    const run: CsvRun = { name: "boom", count: 2, xy: [1e300, -5e-324, Infinity, -Infinity], loss: [1.7976931348623157e308, Infinity], lr: [0.1, NaN], gradNorm: [Infinity, NaN] };
    const rows = parseCsv(raceCsv([run]));
    expect(rows[1]).toEqual(["boom", "0", "1e+300", "-5e-324", "1.7976931348623157e+308", "0.1", "Infinity"]);
    expect(rows[2]).toEqual(["boom", "1", "Infinity", "-Infinity", "Infinity", "", ""]);
  });
});

describe("csvText", () => {
  it.each([
    ["SGD", "SGD"],
    ["Adam, β₂=0.99", '"Adam, β₂=0.99"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"http://x\")", '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-lr", "'-lr"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["<b>&\"x\"", '"<b>&""x"""'],
  ])("csvText(%j) is %j", (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it("any run name reads back as itself (an apostrophe before a formula start), one cell, never splitting the row", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        const run: CsvRun = { name, count: 1, xy: [1, 2], loss: [3], lr: [NaN], gradNorm: [NaN] };
        const rows = parseCsv(raceCsv([run]));
        expect(rows).toHaveLength(2);
        expect(rows[1]).toHaveLength(7);
        const expected = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
        expect(rows[1][0]).toBe(expected);
        expect(rows[1].slice(1)).toEqual(["0", "1", "2", "3", "", ""]);
      }),
      { numRuns: 500 },
    );
  });
});
