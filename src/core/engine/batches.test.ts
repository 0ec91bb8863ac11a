import { describe, expect, it } from "vitest";
import { BatchSampler } from "../data/batchSampler";
import type { Experiment } from "../experiment/types";
import { validateExperiment } from "../experiment/validate";
import { getSurface } from "../surfaces";
import { runExperiment } from "./output";

const race = (runs: Experiment["runs"], surface = "linearRegression", steps = 200) => {
  const v = validateExperiment({ surface, steps, runs });
  if (!v.ok) throw new Error(v.errors.map((e) => e.message).join("; "));
  return runExperiment(v.experiment);
};

describe("runs on mini-batches", () => {
  it("a seed gives the same path every time; another seed, another path; both stay near the full-batch path", () => {
    const sgd = { name: "sgd", lr: 0.05 };
    const [a, b, c, full] = race([
      { id: "a", optimizer: sgd, batchSize: 8, batchSeed: 1 },
      { id: "b", optimizer: sgd, batchSize: 8, batchSeed: 1 },
      { id: "c", optimizer: sgd, batchSize: 8, batchSeed: 2 },
      { id: "full", optimizer: sgd },
    ]).runs;
    expect(b.points).toEqual(a.points);
    expect(c.points).not.toEqual(a.points);
    expect(a.points).not.toEqual(full.points);
    // Mini-batch noise, not another function: SGD at this lr ends near the same minimum.
    const m = getSurface("linearRegression")!.critical[0].point;
    for (const r of [a, c, full]) expect(Math.hypot(r.metrics.finalPoint[0] - m[0], r.metrics.finalPoint[1] - m[1])).toBeLessThan(0.2);
  });

  it("a run's default stream comes from its id: two runs of one race differ, and the same id repeats", () => {
    const adam = { name: "adam", lr: 0.05 };
    const first = race([{ id: "x", optimizer: adam, batchSize: 4 }, { id: "y", optimizer: adam, batchSize: 4 }]).runs;
    const again = race([{ id: "x", optimizer: adam, batchSize: 4 }]).runs;
    expect(first[0].points).not.toEqual(first[1].points);
    expect(again[0].points).toEqual(first[0].points);
  });

  it("the step takes exactly the sampler's batch mean gradient (replayed by hand for SGD)", () => {
    const surface = getSurface("logisticRegression")!;
    const lr = 0.3;
    const out = race([{ id: "s", optimizer: { name: "sgd", lr }, batchSize: 24, batchSeed: 9 }], "logisticRegression", 40).runs[0];
    const sampler = new BatchSampler(surface.batches!.n, 24, 9);
    const g = new Float64Array(2);
    let [x, y] = surface.start;
    for (let t = 0; t < 40; t++) {
      const start = sampler.take();
      surface.batches!.batchGrad(x, y, sampler.order, start, sampler.count, g);
      x -= lr * g[0];
      y -= lr * g[1];
      expect(out.points![t + 1]).toEqual([x, y]);
    }
  });

  it("a batch the size of the dataset is the full gradient, and epochs count passes over the data", () => {
    const adam = { name: "adam", lr: 0.05 };
    const [whole, full, small] = race([
      { id: "whole", optimizer: adam, batchSize: 256 },
      { id: "full", optimizer: adam },
      { id: "small", optimizer: adam, batchSize: 32 },
    ]).runs;
    expect(whole.points).toEqual(full.points);
    expect(full.metrics.epochs).toBeUndefined();
    // 200 steps of 32 out of 256 examples: 25 passes.
    expect(small.metrics.epochs).toBe(25);
    const odd = race([{ id: "odd", optimizer: adam, batchSize: 100 }], "linearRegression", 5).runs[0];
    // Batches of 100, 100, 56 make an epoch; five steps draw 100+100+56+100+100 examples.
    expect(odd.metrics.epochs).toBe(456 / 256);
  });
});
