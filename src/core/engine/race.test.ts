import { describe, expect, it } from "vitest";
import type { Experiment } from "../experiment/types";
import { runExperiment } from "./output";
import { Race } from "./race";

const shootout: Experiment = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 400,
  tolerance: 0.1,
  runs: [
    { id: "sgd", optimizer: { name: "sgd", lr: 0.001 } },
    { id: "adam", start: [0, 1], optimizer: { name: "adam", lr: 0.01 } },
  ],
};

describe("Race", () => {
  it("advances every run in lockstep and records steps + 1 points, start first", () => {
    const race = new Race(shootout);
    race.advance(150);
    expect(race.step).toBe(150);
    for (const run of race.runs) expect(run.stepsDone).toBe(150);
    race.finish();
    const out = runExperiment(shootout);
    expect(out.runs[0].points).toHaveLength(401);
    expect(out.runs[0].points![0]).toEqual([-2, 2]);
    expect(out.runs[1].points![0]).toEqual([0, 1]);
    expect(out.runs[0].lr).toHaveLength(400);
    expect(out.runs[0].loss).toHaveLength(401);
  });

  it("advance in pieces gives the same path as one go", () => {
    const a = new Race(shootout).finish();
    const b = new Race(shootout);
    for (let i = 0; i < 40; i++) b.advance(10);
    expect(Array.from(b.runs[1].trace.x.subarray(0, 401))).toEqual(Array.from(a.runs[1].trace.x.subarray(0, 401)));
  });

  it("metrics agree with the recorded path", () => {
    const out = runExperiment(shootout);
    for (const run of out.runs) {
      const p = run.points!;
      let len = 0;
      let first: number | null = null;
      for (let i = 0; i < p.length; i++) {
        if (i > 0) len += Math.hypot(p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]);
        if (first === null && Math.hypot(p[i][0] - 1, p[i][1] - 1) < 0.1) first = i;
      }
      expect(run.metrics.pathLength).toBeCloseTo(len, 10);
      expect(run.metrics.stepsToTolerance).toBe(first);
      expect(run.metrics.finalPoint).toEqual(p[p.length - 1]);
      expect(run.metrics.distance).toBeCloseTo(Math.hypot(p[p.length - 1][0] - 1, p[p.length - 1][1] - 1), 12);
      expect(run.metrics.nearestMinimum?.point).toEqual([1, 1]);
    }
  });

  it("stops a diverging run, keeping only finite points", () => {
    const out = runExperiment({ surface: "rosenbrock", steps: 200, runs: [{ id: "boom", optimizer: { name: "sgd", lr: 0.1 } }] });
    const run = out.runs[0];
    expect(run.status).toBe("diverged");
    expect(run.points!.length).toBeLessThan(201);
    for (const [x, y] of run.points!) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
    expect(run.loss!.every(Number.isFinite)).toBe(true);
    const last = run.points![run.points!.length - 1];
    expect(Math.max(Math.abs(last[0]), Math.abs(last[1]))).toBeGreaterThan(1e6);
  });

  it("drops a non-finite point, and still reports the lr of the step that blew up", () => {
    const out = runExperiment({ surface: "rosenbrock", steps: 10, runs: [{ id: "inf", optimizer: { name: "sgd", lr: 1e300 } }] });
    const run = out.runs[0];
    expect(run.status).toBe("diverged");
    expect(run.points).toEqual([[-2, 2]]);
    expect(run.lr).toEqual([1e300]);
  });

  it("marks a run beyond 1e6 as diverged and keeps that last (finite) point", () => {
    const out = runExperiment({ surface: "saddle", start: [0, 1], steps: 100, runs: [{ id: "away", optimizer: { name: "sgd", lr: 2 } }] });
    const run = out.runs[0];
    expect(run.status).toBe("diverged");
    const last = run.points![run.points!.length - 1];
    expect(Math.abs(last[1])).toBeGreaterThan(1e6);
    expect(run.points!.length).toBeLessThan(101);
  });

  it("gradient noise is deterministic from its seed", () => {
    const exp = (seed: number): Experiment => ({
      surface: "bowl", steps: 50, runs: [{ id: "n", optimizer: { name: "sgd", lr: 0.05 }, noise: { std: 0.5, seed } }],
    });
    const a = runExperiment(exp(7)).runs[0].points;
    const b = runExperiment(exp(7)).runs[0].points;
    const c = runExperiment(exp(8)).runs[0].points;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("status: converged within tolerance of a minimum, finished otherwise", () => {
    const out = runExperiment({ ...shootout, steps: 5000 });
    expect(out.runs[0].status).toBe("finished");
    const conv = runExperiment({ surface: "bowl", steps: 500, runs: [{ id: "m", optimizer: { name: "sgd", lr: 0.1, momentum: 0.5 } }] });
    expect(conv.runs[0].status).toBe("converged");
  });

  it("counts every evaluation of the objective: f at the start and after each step, ∇f per step", () => {
    const race = new Race({ ...shootout, steps: 10 }).finish();
    for (const run of race.runs) expect(run.evaluations()).toEqual({ f: 11, grad: 10, hessian: 0 });
    // metrics.evaluations counts as PyTorch counts closure calls: one per step for a first-order method.
    for (const run of race.runs) expect(run.metrics(10).evaluations).toBe(10);
    // A step refused before the update (its lr is ∞) evaluated ∇f but not f.
    const blown = new Race({ surface: "bowl", start: [0, 0], steps: 10, runs: [{ id: "r", optimizer: { name: "sgd", lr: 1 }, schedule: { name: "exponential", gamma: 1e300 } }] }).finish();
    expect(blown.runs[0].evaluations()).toEqual({ f: 3, grad: 3, hessian: 0 });
  });

  it("with trace: false keeps only the latest point, and the same metrics", () => {
    const exp: Experiment = { ...shootout, steps: 3000 };
    const traced = new Race(exp).finish();
    const bare = new Race(exp, { trace: false }).finish();
    for (let r = 0; r < exp.runs.length; r++) {
      const tr = bare.runs[r].trace;
      expect([tr.count, tr.x.length, tr.loss.length, tr.lr.length]).toEqual([0, 0, 0, 0]);
      expect(tr.last.step).toBe(3000);
      expect(bare.runs[r].metrics(exp.steps)).toEqual(traced.runs[r].metrics(exp.steps));
    }
    expect(runExperiment(exp, { summary: true }).runs.map((r) => r.metrics)).toEqual(traced.runs.map((r) => r.metrics(exp.steps)));
  });

  it("keeps memory bounded by thinning evenly and always keeps the last point", () => {
    const race = new Race({ surface: "bowl", steps: 1001, runs: [{ id: "a", optimizer: { name: "sgd", lr: 0.01 } }] }, { traceCap: 64 });
    race.finish();
    const tr = race.runs[0].trace;
    expect(tr.count).toBeLessThanOrEqual(64);
    expect(tr.stride).toBe(16); // 1002 points: 63 records at stride 16 fit in 64
    const arrays = tr.toArrays();
    // Record i is the point after i·stride steps: the same point a fresh race reaches then.
    const fresh = new Race({ surface: "bowl", steps: 1001, runs: [{ id: "a", optimizer: { name: "sgd", lr: 0.01 } }] });
    for (let i = 0; i < tr.count; i++) {
      expect(arrays.step[i]).toBe(i * tr.stride);
      if (i > 0) fresh.advance(tr.stride);
      expect(arrays.points[i]).toEqual(fresh.runs[0].point);
    }
    expect(arrays.step[arrays.step.length - 1]).toBe(1001);
    expect(arrays.points[arrays.points.length - 1]).toEqual(race.runs[0].point);
  });

  describe("honest endings: a run that can no longer compute is diverged, never frozen as finished", () => {
    const one = (run: Omit<Experiment["runs"][0], "id">, over: Partial<Experiment> = {}) =>
      new Race({ surface: "rosenbrock", steps: 10, runs: [{ id: "r", ...run }], ...over }).finish().runs[0];

    it("Adam with gradient noise of std 1e308 (its second moment would overflow) is diverged at step 1", () => {
      const run = one({ optimizer: { name: "adam", lr: 0.01 }, noise: { std: 1e308, seed: 1 } });
      expect(run.currentStatus(10)).toBe("diverged");
      expect(run.stepsDone).toBe(1);
      expect(run.trace.toArrays().points).toEqual([[-2, 2]]);
      expect(run.stepRecords()).toBe(1); // the attempted step's lr and |∇f| are kept
    });

    it("SGD with norm clipping whose total norm overflows (clip factor 0) is diverged at step 1", () => {
      const run = one({ optimizer: { name: "sgd", lr: 0.01 }, clip: { mode: "norm", maxNorm: 1 }, noise: { std: 1e200, seed: 1 } });
      expect(run.currentStatus(10)).toBe("diverged");
      expect(run.stepsDone).toBe(1);
    });

    it("an optimizer state that overflows on its own (Adagrad's sum of g², every g² finite) ends the run", () => {
      // Noise of std 1e153: each g² ≈ 1e306 is finite, their running sum passes 1.8e308 within a few hundred steps.
      const race = new Race({ surface: "bowl", start: [0, 0], steps: 2000, runs: [{ id: "a", optimizer: { name: "adagrad", lr: 1e-3 }, noise: { std: 1e153, seed: 3 } }] }).finish();
      const run = race.runs[0];
      expect(run.currentStatus(2000)).toBe("diverged");
      expect(run.stepsDone).toBeLessThan(2000);
      const sum = run.optimizerState().sum as Float64Array;
      expect(Array.from(sum).some((v) => v === Infinity)).toBe(true);
      expect(run.point.every(Number.isFinite)).toBe(true);
    });

    it("one coordinate's state overflowing (that coordinate freezes, the other moves on) ends the run too", () => {
      // Found by honest.property.test.ts: Adagrad's Σg² overflowed in y only.
      const race = new Race({ surface: "rosenbrock", steps: 10, tolerance: 1, runs: [{ id: "a", optimizer: { name: "adagrad", lr: 1 }, noise: { std: 4.306418617035338e153, seed: 0 } }] }).finish();
      const run = race.runs[0];
      expect(run.currentStatus(10)).toBe("diverged");
      expect(Object.values(run.optimizerState()).flatMap((v) => (typeof v === "number" ? [v] : Array.from(v))).every(Number.isFinite)).toBe(false);
    });

    it("a schedule whose lr becomes ∞ ends the run at that step, recording the lr that blew up", () => {
      // At the minimum the gradient is 0, so only the lr can go wrong: 1e300² overflows at t = 2.
      const race = new Race({ surface: "bowl", start: [0, 0], steps: 10, runs: [{ id: "r", optimizer: { name: "sgd", lr: 1 }, schedule: { name: "exponential", gamma: 1e300 } }] }).finish();
      const run = race.runs[0];
      expect(run.currentStatus(10)).toBe("diverged");
      expect(run.stepsDone).toBe(3);
      expect(runExperiment(race.experiment).runs[0].lr).toEqual([1, 1e300, Infinity]);
    });

    it("a start beyond the divergence limit is diverged at step 0 with a finite distance", () => {
      const run = one({ optimizer: { name: "sgd", lr: 0.01 } }, { surface: "bowl", start: [2e6, 0] });
      expect(run.currentStatus(10)).toBe("diverged");
      expect(run.stepsDone).toBe(0);
      expect(run.stepRecords()).toBe(0);
      expect(run.metrics(10).distance).toBe(2e6);
    });

    it("a start whose loss overflows is diverged at step 0, and its distance is still a number", () => {
      const run = one({ optimizer: { name: "sgd", lr: 0.01 } }, { surface: "bowl", start: [3e300, 4e300] });
      const m = run.metrics(10);
      expect(m.status).toBe("diverged");
      expect(m.steps).toBe(0);
      expect(m.distance).toBe(5e300);
      expect(m.nearestMinimum?.point).toEqual([0, 0]);
    });

    it("tolerance 1e-200 at the minimum is converged at step 0 (no squared tolerance underflows to 0)", () => {
      const run = one({ optimizer: { name: "sgd", lr: 0.01 } }, { surface: "bowl", start: [0, 0], tolerance: 1e-200 });
      expect(run.stepsToTolerance).toBe(0);
      expect(run.metrics(10).status).toBe("converged");
      const off = one({ optimizer: { name: "sgd", lr: 0 } }, { surface: "bowl", start: [1e-200, 0], tolerance: 1e-200 });
      expect(off.stepsToTolerance).toBeNull(); // strictly within: at exactly the tolerance is not
    });
  });
});
