import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { salvageExperiment } from "./salvage";
import type { Experiment } from "./types";
import { validateExperiment } from "./validate";

const defaults: Experiment = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 5000,
  tolerance: 0.1,
  runs: [{ id: "sgd", label: "SGD", color: "#1f77b4", optimizer: { name: "sgd", lr: 0.001 } }],
};

/** A valid experiment touching every kind of field; none of its cross-field rules depends on another field's value being other than its default. */
const valid = {
  version: 1,
  title: "Two runs",
  caption: "A caption.",
  surface: "bowl",
  start: [1, 1],
  steps: 50,
  tolerance: 0.2,
  view: { x: [-3, 3], y: [-2, 2] },
  selected: "b",
  step: 10,
  stopWhenSettled: true,
  runs: [
    { id: "a", label: "A", color: "#1f77b4", hidden: false, start: [0, 1], optimizer: { name: "adam", lr: 0.01, amsgrad: true }, schedule: { name: "cosine", tMax: 50, warmup: 5 }, clip: { mode: "norm", maxNorm: 1 }, noise: { std: 0.1, seed: 7 } },
    { id: "b", label: "B", optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 }, schedule: { name: "piecewise", boundaries: [10, 20], values: [0.1, 0.05, 0.01] } },
  ],
};

const salvage = (input: unknown) => salvageExperiment(input, defaults, { maxRuns: 12, maxSteps: 200_000 });
const fields = (s: ReturnType<typeof salvage>) => s.ignored.map((i) => i.field);

describe("salvageExperiment", () => {
  it("returns a valid experiment as it is, with nothing ignored", () => {
    const s = salvage(structuredClone(valid));
    expect(s.ignored).toEqual([]);
    expect(s.experiment).toEqual(valid);
  });

  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["a string", "rosenbrock"],
    ["a number", 3],
  ])("replaces %s with the defaults and says so", (_, input) => {
    const s = salvage(input);
    expect(s.experiment.surface).toBe("rosenbrock");
    expect(s.experiment.runs.map((r) => r.id)).toEqual(["sgd"]);
    expect(s.ignored).toHaveLength(1);
    expect(s.ignored[0].field).toBe("(experiment)");
    expect(s.ignored[0].reason).toMatch(/is not an experiment.*default experiment is shown/);
  });

  it("drops one bad optimizer parameter and keeps the rest of its run", () => {
    const input = structuredClone(valid);
    (input.runs[0].optimizer as Record<string, unknown>).lr = -1;
    const s = salvage(input);
    expect(fields(s)).toEqual(["runs[0].optimizer.lr"]);
    expect(s.ignored[0].reason).toMatch(/^-1 must be a number > 0.*; its default is used$/);
    expect(s.experiment.runs[0]).toEqual({ ...valid.runs[0], optimizer: { name: "adam", amsgrad: true } });
    expect(s.experiment.runs[1]).toEqual(valid.runs[1]);
  });

  it("leaves out a run with an unknown optimizer, and the selection that pointed at it", () => {
    const input = structuredClone(valid);
    input.runs[1].optimizer.name = "adamz";
    const s = salvage(input);
    expect(fields(s)).toEqual(["runs[1].optimizer.name", "selected"]);
    expect(s.ignored[0].reason).toMatch(/unknown optimizer; allowed: .*; the run was left out/);
    expect(s.experiment.runs.map((r) => r.id)).toEqual(["a"]);
    expect(s.experiment.selected).toBeUndefined();
  });

  it("puts the default for a required field and keeps the others", () => {
    const s = salvage({ ...structuredClone(valid), surface: "moon", steps: -5 });
    expect(fields(s)).toEqual(["surface", "steps"]);
    expect(s.ignored[1].reason).toMatch(/^-5 must be a positive integer.*the default \(5000\) is used$/);
    expect(s.experiment.surface).toBe("rosenbrock");
    expect(s.experiment.steps).toBe(5000);
    expect(s.experiment.runs).toEqual(valid.runs);
  });

  it("drops forbidden keys, unknown fields, and a colour that is not #rrggbb", () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": 1}, "surface": "bowl", "steps": 20, "constructor": 1, "shiny": true, "runs": [{"id": "x", "color": "url(javascript:alert(1))", "prototype": 2, "label": "<img src=x onerror=window.pwned=1>", "optimizer": {"name": "sgd"}}]}',
    );
    const s = salvage(input);
    expect(fields(s)).toEqual(["__proto__", "constructor", "runs[0].prototype", "shiny", "runs[0].color"]);
    expect(s.experiment).toEqual({ surface: "bowl", steps: 20, runs: [{ id: "x", label: "<img src=x onerror=window.pwned=1>", optimizer: { name: "sgd" } }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a future version as format 1, keeping what it knows", () => {
    const s = salvage({ ...structuredClone(valid), version: 2, hologram: { on: true } });
    expect(s.ignored[0]).toEqual({ field: "version", reason: "2 is newer than this Downhill reads (1); fields it does not know were ignored" });
    expect(fields(s)).toContain("hologram");
    const { version: _v, ...rest } = valid;
    expect(s.experiment).toEqual(rest);
  });

  it("keeps the first runs of a list longer than the page holds", () => {
    const runs = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, optimizer: { name: "sgd" } }));
    const s = salvage({ surface: "bowl", steps: 10, runs });
    expect(s.experiment.runs.map((r) => r.id)).toEqual(runs.slice(0, 12).map((r) => r.id));
    expect(s.ignored).toEqual([{ field: "runs", reason: "holds 10,000 runs; at most 12 are allowed, the first 12 were kept" }]);
  });

  it("renames nothing but gives a duplicate id a fresh one", () => {
    const s = salvage({ surface: "bowl", steps: 10, runs: [{ id: "a", optimizer: { name: "sgd" } }, { id: "a", optimizer: { name: "adam" } }] });
    expect(fields(s)).toEqual(["runs[1].id"]);
    expect(s.experiment.runs.map((r) => r.id)).toEqual(["a", "adam"]);
  });

  it("drops a step beyond the horizon, a start with an infinite loss, a schedule's unknown parameter, and steps beyond the page's limit", () => {
    const s = salvage({
      surface: "bowl",
      steps: 1e6,
      step: 2e6,
      runs: [{ id: "a", start: [1e999, 0], optimizer: { name: "sgd", lr: 0.1 }, schedule: { name: "step", gamma: 0.5, stepSizee: 3 } }],
    });
    expect(validateExperiment(s.experiment).ok).toBe(true);
    expect(s.experiment.steps).toBe(5000);
    expect(s.experiment.step).toBeUndefined();
    expect(s.experiment.runs[0]).toEqual({ id: "a", optimizer: { name: "sgd", lr: 0.1 }, schedule: { name: "step", gamma: 0.5 } });
    expect(fields(s)).toEqual(expect.arrayContaining(["runs[0].start[0]", "runs[0].schedule.stepSizee", "step", "steps"]));
  });

  it("cuts a field nested deeper than an experiment without recursing into it", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const s = salvage({ surface: "bowl", steps: 10, caption: deep, title: "kept", runs: [{ optimizer: { name: "sgd" } }] });
    expect(s.experiment.title).toBe("kept");
    expect(s.experiment.caption).toBeUndefined();
    expect(fields(s)).toEqual(["caption"]);
    expect(s.ignored[0].reason).toMatch(/nested deeper than any experiment field/);
  });

  it("reads input built in code as JSON would: undefined is absent, a function is dropped", () => {
    const s = salvage({ surface: "bowl", steps: 10, title: undefined, caption: () => "x", runs: [{ label: undefined, optimizer: { name: "sgd" } }] });
    expect(s.experiment).toEqual({ surface: "bowl", steps: 10, runs: [{ id: "sgd", optimizer: { name: "sgd" } }] });
    expect(s.ignored).toEqual([{ field: "caption", reason: "is a function, not a JSON value; ignored" }]);
  });

  it("falls back to the default runs when none is left", () => {
    const s = salvage({ surface: "bowl", steps: 10, runs: [{ optimizer: { name: "nope" } }, 7] });
    expect(s.experiment.runs.map((r) => r.id)).toEqual(["sgd"]);
    expect(s.experiment.surface).toBe("bowl");
    expect(fields(s)).toEqual(["runs[0].optimizer.name", "runs[1]", "runs"]);
  });
});

/** Every path in the valid experiment, containers included. */
const paths: (string | number)[][] = [];
(function collect(node: unknown, path: (string | number)[]) {
  if (path.length) paths.push(path);
  if (Array.isArray(node)) node.forEach((v, i) => collect(v, [...path, i]));
  else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) collect(v, [...path, k]);
})(valid, []);

const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e400, -1e400, NaN, "<script>", "__proto__", { __proto__: 1 }, [[[[[[[1]]]]]]]));
const mutation = fc.record({
  path: fc.constantFrom(...paths),
  op: fc.constantFrom("set", "delete", "add"),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "prototype", "toString", "0")),
  value: junk,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(exp: Record<string | number, unknown>, { path, op, key, value }: Mutation): void {
  let node: unknown = exp;
  for (const k of path.slice(0, -1)) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[k] : undefined;
  if (node === null || typeof node !== "object") return;
  const parent = node as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (op === "delete" && !Array.isArray(parent)) delete parent[last];
  else if (op === "set") parent[last] = structuredClone(value);
  else if (op === "add" && parent[last] !== null && typeof parent[last] === "object" && !Array.isArray(parent[last]))
    Object.defineProperty(parent[last], key, { value: structuredClone(value), enumerable: true, configurable: true, writable: true });
}

/**
 * The part a salvage may take with a change at `path`: the field itself, or the whole it
 * belongs to (a schedule, clipping, noise, a start, the view; a run when its optimizer or id is hit).
 */
function unitOf(path: (string | number)[]): string {
  const [top, i, key, sub] = path;
  if (top !== "runs" || i === undefined) return String(top);
  if (key === undefined || key === "id" || (key === "optimizer" && (sub === undefined || sub === "name"))) return `runs.${i}`;
  if (key === "optimizer") return `runs.${i}.optimizer.${sub}`;
  return `runs.${i}.${key}`;
}

/** Leaves as "a.b.c" → JSON value, with runs keyed by their original position. */
function leaves(node: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (node !== null && typeof node === "object" && (!Array.isArray(node) || node.some((v) => v !== null && typeof v === "object")))
    for (const [k, v] of Object.entries(node)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, JSON.stringify(node));
  return out;
}

describe("salvageExperiment on random damage", () => {
  it("always returns an experiment that validates, and reports something exactly when the input was invalid", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const exp = structuredClone(valid) as unknown as Record<string | number, unknown>;
        for (const m of mutations) mutate(exp, m);
        const s = salvage(exp);
        expect(validateExperiment(s.experiment).ok).toBe(true);
        expect(s.experiment.runs.length).toBeLessThanOrEqual(12);
        const v = validateExperiment(exp);
        // Valid as it is, unless `selected` names no run once the missing ids are filled in.
        const clean = v.ok && (v.experiment.selected === undefined || v.experiment.runs.some((r) => r.id === v.experiment.selected));
        expect(s.ignored.length > 0).toBe(!clean);
        for (const i of s.ignored) expect(i.reason).not.toMatch(/undefined|\[object Object\]/);
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps every field outside the part one junk value spoiled", () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const exp = structuredClone(valid) as unknown as Record<string | number, unknown>;
        mutate(exp, m);
        const s = salvage(exp);
        // Runs are matched by position: only a run the change spoils may go, and it is the one at `path`.
        const lost = unitOf(m.path);
        const before = leaves(valid);
        const after = leaves(s.experiment);
        const runShift = (k: string) => {
          // When run 0 goes, run 1 becomes run 0 in the result.
          const droppedRun = /^runs\.(\d+)$/.exec(lost);
          if (!droppedRun || !k.startsWith("runs.")) return k;
          const idx = Number(k.split(".")[1]);
          return idx > Number(droppedRun[1]) && !after.has(`runs.${idx}.id`) ? k.replace(/^runs\.\d+/, `runs.${idx - 1}`) : k;
        };
        for (const [k, v] of before) {
          if (k === lost || k.startsWith(`${lost}.`)) continue;
          // A dropped run takes the selection with it; a field changed in place stays changed.
          if (k === "selected" && lost.startsWith("runs")) continue;
          if (m.op === "delete" && k.startsWith(m.path.join("."))) continue;
          expect(after.get(runShift(k)), `${k} after ${JSON.stringify(m)}`).toBe(v);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
