import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParamSpec } from "../params";
import { createSchedule, schedules } from "../schedules";
import { formatError, parseExperiment, validateExperiment, type Validation } from "./validate";

/** zod's own wording; none of it may reach a user. */
const ZOD_WORDING = /Invalid input|Invalid option|expected \w+, received|Unrecognized key|\bRequired\b|Too (big|small)|Invalid (enum|literal|string|number)/;
const FIELD = /^(\(file\)|\(experiment\)|[A-Za-z_$][\w$]*|\[)/;

/** Every message names a path first and is ours: no zod wording, no null/undefined/[object Object] of our making. */
function expectHonestMessages(v: Validation, input: unknown): void {
  if (v.ok) return;
  expect(v.errors.length).toBeGreaterThan(0);
  for (const e of v.errors) {
    const line = formatError(e);
    expect(e.field).toMatch(FIELD);
    expect(line.startsWith(`${e.field}: `)).toBe(true);
    expect(line).not.toMatch(ZOD_WORDING);
    expect(line).not.toContain("[object Object]");
    expect(e.message).not.toMatch(/\bnull\b|\bundefined\b/);
    // "null" may only be shown where the input holds a null.
    if (e.value?.includes("null")) expect(JSON.stringify(input)).toContain("null");
    expect(e.value ?? "").not.toContain("undefined");
  }
}

describe("validation never crashes and always answers honestly", () => {
  it("on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        expectHonestMessages(validateExperiment(input), input);
      }),
      { numRuns: 2000 },
    );
  });

  it("on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json({ maxDepth: 6 }), fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', ",", ":", "1", "\\", " ") })), (text) => {
        const v = parseExperiment(text);
        if (!v.ok) for (const e of v.errors) expect(formatError(e)).not.toMatch(ZOD_WORDING);
      }),
      { numRuns: 2000 },
    );
  });

  const valid = {
    surface: "rosenbrock",
    start: [-2, 2],
    steps: 50,
    tolerance: 0.1,
    view: { x: [-3, 3], y: [-1, 4] },
    runs: [
      { id: "a", label: "A", color: "#1f77b4", hidden: false, start: [0, 1], optimizer: { name: "adam", lr: 0.01, amsgrad: true }, schedule: { name: "cosine", tMax: 50, warmup: 5 }, clip: { mode: "norm", maxNorm: 1 }, noise: { std: 0.1, seed: 7 } },
      { optimizer: { name: "sgd", momentum: 0.9 }, schedule: { name: "piecewise", boundaries: [10, 20], values: [0.1, 0.05, 0.01] }, clip: { mode: "value", clipValue: 2 } },
    ],
  };

  /** Every path in the valid experiment, containers included. */
  const paths: (string | number)[][] = [];
  (function collect(node: unknown, path: (string | number)[]) {
    if (path.length) paths.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => collect(v, [...path, i]));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) collect(v, [...path, k]);
  })(valid, []);

  const mutation = fc.record({
    path: fc.constantFrom(...paths),
    op: fc.constantFrom("set", "delete", "add"),
    key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "toString", "0", "my key")),
    value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e400, -1e400, 1e-400, 1e308, -0, 2 ** 53 + 1)),
  });

  it("on random mutations of a valid experiment, as an object and as text", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const exp = structuredClone(valid) as unknown as Record<string | number, unknown>;
        for (const { path, op, key, value } of mutations) {
          let node: unknown = exp;
          for (const k of path.slice(0, -1)) node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[k] : undefined;
          if (node === null || typeof node !== "object") continue;
          const parent = node as Record<string | number, unknown>;
          const last = path[path.length - 1];
          if (op === "delete") delete parent[last];
          // Copies: a later mutation must not edit fast-check's own values (it shrinks them).
          else if (op === "set") parent[last] = structuredClone(value);
          // An array's own "length" is no key a JSON text can hold (defining it as Infinity throws in this harness).
          else if (parent[last] !== null && typeof parent[last] === "object" && !(Array.isArray(parent[last]) && key === "length"))
            Object.defineProperty(parent[last], key, { value: structuredClone(value), enumerable: true, configurable: true, writable: true });
        }
        const v = validateExperiment(exp);
        expectHonestMessages(v, exp);
        const text = JSON.stringify(exp);
        const fromText = parseExperiment(text);
        expectHonestMessages(fromText, exp);
        if (v.ok) {
          // Accepted: every run has an id, all distinct.
          const ids = v.experiment.runs.map((r) => r.id);
          expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 3000, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  });
});

/** Values for one parameter: mostly inside its spec's range, extremes included, sometimes outside. */
function paramValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case "boolean":
      return fc.boolean();
    case "enum":
      return fc.constantFrom(...spec.options);
    case "numberList": {
      const item = spec.integer ? fc.integer({ min: spec.min ?? 0, max: 5000 }) : fc.double({ min: spec.min ?? 0, max: spec.max ?? 1e308, noNaN: true });
      return fc.array(item, { maxLength: 5 }).map((xs) => (spec.increasing ? [...new Set(xs)].sort((a, b) => a - b) : xs));
    }
    default: {
      const min = spec.min ?? -1e308;
      const max = spec.max ?? 1e308;
      const inside =
        spec.kind === "integer"
          ? fc.oneof(fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 5000) }), fc.constantFrom(min, 2 ** 31))
          : fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, 1e-310, 1e-300, 1e300, spec.default, ...spec.slider));
      return fc.oneof({ weight: 9, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(-1, 1e400, 0, 3.5) });
    }
  }
}

describe.each(Object.values(schedules).map((def) => [def.name, def] as const))("schedule %s", (name, def) => {
  const params = fc.record(
    Object.fromEntries(Object.entries(def.params).map(([key, spec]) => [key, paramValue(spec)])),
    { requiredKeys: [] },
  );
  const lr = fc.oneof(fc.double({ min: 1e-300, max: 1e308, noNaN: true }), fc.constantFrom(1e-3, 0.1, 1, 1e300, 1e308));

  it("whatever validation accepts has a finite lr ≥ 0 at every step; whatever it refuses is refused naming a field", () => {
    fc.assert(
      fc.property(params, lr, fc.integer({ min: 1, max: 1500 }), fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }), (p, eta, steps, warmup) => {
        const schedule = { name, ...p, ...(warmup === undefined ? {} : { warmup }) };
        const v = validateExperiment({ surface: "bowl", steps, runs: [{ optimizer: { name: "sgd", lr: eta }, schedule }] });
        if (!v.ok) {
          expectHonestMessages(v, schedule);
          expect(v.errors[0].field).toMatch(/^runs\[0\]\.(schedule|optimizer\.lr)/);
          return;
        }
        const s = createSchedule(schedule, eta);
        for (let t = 0; t < steps; t++) {
          const value = s.lr(t);
          if (!(Number.isFinite(value) && value >= 0)) throw new Error(`lr(${t}) = ${value}`);
          s.observe?.(1 / (t + 1));
        }
      }),
      { numRuns: 300 },
    );
  });
});
