import { describe, expect, it } from "vitest";
import { formatError, parseExperiment, validateExperiment } from "./validate";

const good = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 5000,
  runs: [
    {
      id: "adam",
      start: [0, 1],
      optimizer: { name: "adam", lr: 0.01 },
      schedule: { name: "cosine", tMax: 5000 },
      clip: { mode: "norm", maxNorm: 1 },
      noise: { std: 0.1, seed: 7 },
    },
  ],
};

/** Replaces one field of the good experiment (path as keys), or deletes it with `undefined`. */
function withField(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(good) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe("validateExperiment", () => {
  it("accepts the issue's example experiment", () => {
    expect(validateExperiment(good)).toMatchObject({ ok: true });
  });

  it.each([
    ["unknown optimizer", ["runs", 0, "optimizer", "name"], "adamm", "runs[0].optimizer.name", /unknown optimizer; allowed: sgd, .*adam/],
    ["unknown surface", ["surface"], "banana", "surface", /unknown surface; allowed: .*rosenbrock/],
    ["lr ≤ 0", ["runs", 0, "optimizer", "lr"], 0, "runs[0].optimizer.lr", /must be a number > 0/],
    ["lr not a number", ["runs", 0, "optimizer", "lr"], "fast", "runs[0].optimizer.lr", /must be a number > 0/],
    ["beta1 ≥ 1", ["runs", 0, "optimizer", "beta1"], 1, "runs[0].optimizer.beta1", /≥ 0 and < 1/],
    ["unknown optimizer field", ["runs", 0, "optimizer", "momentum"], 0.9, "runs[0].optimizer.momentum", /unknown field; "adam" takes "lr", "beta1"/],
    ["start not two numbers", ["start"], [1], "start", /two numbers/],
    ["start with a string", ["runs", 0, "start"], [0, "1"], "runs[0].start[1]", /finite number/],
    ["steps not an integer", ["steps"], 2.5, "steps", /positive integer/],
    ["steps zero", ["steps"], 0, "steps", /positive integer/],
    ["steps missing", ["steps"], undefined, "steps", /required/],
    ["schedule parameter out of range", ["runs", 0, "schedule", "tMax"], 0, "runs[0].schedule.tMax", /integer ≥ 1/],
    ["unknown schedule", ["runs", 0, "schedule", "name"], "cosin", "runs[0].schedule.name", /unknown schedule; allowed: .*cosine/],
    ["clip maxNorm", ["runs", 0, "clip", "maxNorm"], -1, "runs[0].clip.maxNorm", /> 0/],
    ["clip normType", ["runs", 0, "clip", "normType"], 3, "runs[0].clip.normType", /2 or "inf"/],
    ["noise seed", ["runs", 0, "noise", "seed"], -2, "runs[0].noise.seed", /integer from 0/],
    ["no runs", ["runs"], [], "runs", /at least one run/],
  ])("%s names the field, the value and what is allowed", (_what, path, value, field, message) => {
    const v = validateExperiment(withField(path as (string | number)[], value));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const e = v.errors[0];
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    const line = formatError(e);
    expect(line).not.toContain("\n");
    expect(line.startsWith(field)).toBe(true);
    if (value !== undefined && !Array.isArray(value)) expect(line).toContain(JSON.stringify(value));
  });

  it("rejects duplicate run ids", () => {
    const exp = structuredClone(good);
    exp.runs.push(structuredClone(exp.runs[0]));
    const v = validateExperiment(exp);
    expect(v.ok || v.errors[0].field).toBe("runs[1].id");
  });

  it("reports text that is not JSON", () => {
    const v = parseExperiment("{ surface: rosenbrock");
    expect(v.ok).toBe(false);
    if (!v.ok) expect(formatError(v.errors[0])).toMatch(/not valid JSON/);
  });

  it("checks cross-field schedule rules (piecewise needs one more value than boundaries)", () => {
    const v = validateExperiment(withField(["runs", 0, "schedule"], { name: "piecewise", boundaries: [10, 20], values: [0.1, 0.01] }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(formatError(v.errors[0])).toMatch(/values/);
  });

  it("never executes anything from the input (a __proto__ key is just an unknown field)", () => {
    const v = parseExperiment('{"surface":"bowl","steps":3,"runs":[{"id":"a","optimizer":{"name":"sgd","__proto__":{"lr":-1}}}]}');
    expect(v.ok).toBe(false);
  });
});
