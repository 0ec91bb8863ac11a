import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Experiment } from "../experiment/types";
import { inspectRun, inspectSeries, MAX_SERIES_POINTS, type Inspection, type StepRecord } from "./inspect";
import { runExperiment } from "./output";

interface Fixture {
  id: string;
  points: [number, number][];
}
const fixtures = (file: string): Fixture[] => JSON.parse(readFileSync(new URL(`../../../tools/reference/fixtures/${file}`, import.meta.url), "utf8")).cases;
const fixture = (file: string, id: string): Fixture => {
  const c = fixtures(file).find((f) => f.id === id);
  if (!c) throw new Error(`no fixture ${id}`);
  return c;
};

const stepOf = (i: Inspection): StepRecord => {
  if (i.kind === "start") throw new Error("expected a step");
  return i.record;
};
const stateOf = (r: StepRecord, name: string) => {
  const s = r.state.find((e) => e.name === name);
  if (!s) throw new Error(`no state ${name} in ${r.state.map((e) => e.name).join(", ")}`);
  return s.values;
};
const close = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

const bowlAdam: Experiment = { surface: "bowl", start: [10, 1], steps: 100, runs: [{ id: "adam", optimizer: { name: "adam", lr: 0.1 } }] };

describe("inspectRun(experiment, runId, step)", () => {
  it("Adam on the bowl, steps 1 to 3: m, v, m̂, v̂, the effective step and the update follow PyTorch's formulas", () => {
    const [b1, b2, eps, lr] = [0.9, 0.999, 1e-8, 0.1];
    let m = [0, 0];
    let v = [0, 0];
    let x = [10, 1];
    for (let k = 1; k <= 3; k++) {
      const r = stepOf(inspectRun(bowlAdam, "adam", k));
      expect(r.t).toBe(k - 1);
      expect(r.from).toEqual(x);
      // ∇f of ½x² + 5y², by hand.
      const g = [x[0], 10 * x[1]];
      expect(r.gradient).toEqual(g);
      expect(r.used).toEqual(g);
      expect(r.lr).toBe(lr);
      m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]);
      v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i] * g[i]);
      const mHat = m.map((mi) => mi / (1 - b1 ** k));
      const vHat = v.map((vi) => vi / (1 - b2 ** k));
      stateOf(r, "m").forEach((mi, i) => close(mi, m[i]));
      stateOf(r, "v").forEach((vi, i) => close(vi, v[i]));
      // num is m; scale · num / den is η m̂ / (√v̂ + ε).
      r.num.forEach((n, i) => close(n, m[i]));
      r.num.forEach((n, i) => close((r.scale / lr) * n, mHat[i]));
      r.den!.forEach((d, i) => close(d, Math.sqrt(vHat[i]) + eps));
      r.effective!.forEach((e, i) => close(e, lr / (Math.sqrt(vHat[i]) + eps)));
      r.direction!.forEach((d, i) => close(d, mHat[i]));
      stateOf({ ...r, state: r.derived }, "mHat").forEach((d, i) => close(d, mHat[i]));
      stateOf({ ...r, state: r.derived }, "vHat").forEach((d, i) => close(d, vHat[i]));
      const step = mHat.map((mh, i) => (lr * mh) / (Math.sqrt(vHat[i]) + eps));
      r.update.forEach((d, i) => close(d, -step[i], 1e-10));
      x = r.to;
    }
  });

  it("Adam on the bowl: the points match PyTorch's fixture and the update is their difference", () => {
    const ref = fixture("seeds.json", "seeds/adam[lr=0.1]@bowl(10,1)x100");
    for (const k of [1, 2, 3, 50, 100]) {
      const r = stepOf(inspectRun(bowlAdam, "adam", k));
      r.from.forEach((c, i) => close(c, ref.points[k - 1][i], 1e-9));
      r.to.forEach((c, i) => close(c, ref.points[k][i], 1e-9));
      r.update.forEach((d, i) => close(d, ref.points[k][i] - ref.points[k - 1][i], 1e-9));
    }
  });

  it("SGD with momentum: the buffer starts as the gradient, then b ← μb + g; the update is −η b", () => {
    const exp: Experiment = { surface: "bowl", start: [-4, 3], steps: 20, runs: [{ id: "m", optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } }] };
    let b = [0, 0];
    let x = [-4, 3];
    for (let k = 1; k <= 4; k++) {
      const r = stepOf(inspectRun(exp, "m", k));
      const g = [x[0], 10 * x[1]];
      b = k === 1 ? g : b.map((bi, i) => 0.9 * bi + g[i]);
      stateOf(r, "buf").forEach((bi, i) => close(bi, b[i]));
      expect(r.effective).toEqual([0.05, 0.05]);
      r.update.forEach((d, i) => close(d, -0.05 * b[i]));
      x = r.to;
    }
  });

  it("clipping by norm: the gradient the optimizer gets has norm maxNorm when the raw norm exceeds it", () => {
    const ref = fixture("clip.json", "clip/sgd[lr=0.01]@rosenbrock(-1.5,2)x150+clip[mode=norm,maxNorm=1,normType=2]");
    const exp: Experiment = { surface: "rosenbrock", start: [-1.5, 2], steps: 150, runs: [{ id: "c", optimizer: { name: "sgd", lr: 0.01 }, clip: { mode: "norm", maxNorm: 1 } }] };
    for (const k of [1, 2, 10, 150]) {
      const i = inspectRun(exp, "c", k);
      expect(i.clip).toEqual({ mode: "norm", maxNorm: 1 });
      const r = stepOf(i);
      const raw = Math.hypot(...r.gradient);
      expect(raw).toBeGreaterThan(1);
      // torch's clip_grad_norm_: g · maxNorm / (‖g‖ + 1e-6).
      close(Math.hypot(...r.used), raw / (raw + 1e-6), 1e-12);
      expect(Math.hypot(...r.used)).toBeLessThanOrEqual(1);
      // Same direction.
      close(r.used[0] * r.gradient[1] - r.used[1] * r.gradient[0], 0, 1e-9);
      r.to.forEach((c, j) => close(c, ref.points[k][j], 1e-9));
    }
  });

  it("the update is exactly the difference of the engine's consecutive points, for every optimizer on a random step", () => {
    const names = ["sgd", "adam", "adamw", "nadam", "radam", "rmsprop", "adagrad", "adadelta", "adamax", "lion", "rprop", "asgd", "nag"];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.integer({ min: 1, max: 60 }), fc.boolean(), (name, k, noisy) => {
        const exp: Experiment = {
          surface: "himmelblau",
          start: [0.5, -1],
          steps: 60,
          runs: [{ id: "r", optimizer: { name, lr: 0.01 }, ...(noisy ? { noise: { std: 1, seed: 3 } } : {}) }],
        };
        const points = runExperiment(exp).runs[0].points!;
        const i = inspectRun(exp, "r", k);
        if (i.kind !== "step") return k >= points.length;
        const r = i.record;
        expect(r.from).toEqual(points[k - 1]);
        expect(r.to).toEqual(points[k]);
        expect(r.update).toEqual([points[k][0] - points[k - 1][0], points[k][1] - points[k - 1][1]]);
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("at step 0 says it is the start; a run that diverged earlier shows its last step", () => {
    expect(inspectRun(bowlAdam, "adam", 0)).toEqual({ kind: "start", runId: "adam", optimizer: "adam", point: [10, 1], clip: null });
    const blow: Experiment = { surface: "bowl", start: [10, 1], steps: 200, runs: [{ id: "b", optimizer: { name: "sgd", lr: 0.5 } }] };
    const out = runExperiment(blow).runs[0];
    expect(out.metrics.status).toBe("diverged");
    const i = inspectRun(blow, "b", 200);
    expect(i.kind).toBe("stopped");
    if (i.kind === "stopped") expect(i.shownStep).toBeLessThan(200);
  });

  it("refuses an unknown run or a step outside the race, naming what is allowed", () => {
    expect(() => inspectRun(bowlAdam, "nope", 1)).toThrow(/run "nope" is not in the experiment; expected one of adam/);
    expect(() => inspectRun(bowlAdam, "adam", 101)).toThrow(/step: 101 must be an integer from 0 to 100/);
    expect(() => inspectRun(bowlAdam, "adam", 1.5)).toThrow(/step/);
  });
});

describe("inspectSeries(experiment, runId, upTo)", () => {
  it("holds the state and effective step per coordinate, sample k equal to inspectRun at k", () => {
    const s = inspectSeries(bowlAdam, "adam", 30);
    expect(Array.from(s.steps)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const names = new Set(s.series.map((c) => `${c.name}:${c.coord}`));
    for (const n of ["m:0", "m:1", "v:0", "v:1", "effective:0", "effective:1", "update:0", "update:1"]) expect(names).toContain(n);
    const r = stepOf(inspectRun(bowlAdam, "adam", 17));
    const at = (name: string, coord: number) => s.series.find((c) => c.name === name && c.coord === coord)!.values[16];
    expect(at("m", 1)).toBe(stateOf(r, "m")[1]);
    expect(at("effective", 0)).toBe(r.effective![0]);
    expect(at("update", 1)).toBe(r.update[1]);
  });

  it(`thins a long race to at most ${MAX_SERIES_POINTS} samples, keeping the last step`, () => {
    const long: Experiment = { ...bowlAdam, steps: 10_001 };
    const s = inspectSeries(long, "adam", 10_001);
    expect(s.steps.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(s.steps[s.steps.length - 1]).toBe(10_001);
    for (const c of s.series) expect(c.values.length).toBe(s.steps.length);
  });
});
