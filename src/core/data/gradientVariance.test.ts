import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchSampler } from "./batchSampler";
import { DataObjective } from "./dataObjective";
import { makeDataset, type ModelKind } from "./dataset";
import { batchSizesUpTo, compareBatchSizes, exactBatchVariance, exampleSpread, sampledBatchVariance } from "./gradientVariance";
import { epochsAfter } from "./epochs";

const MODELS: ModelKind[] = ["linearRegression", "logisticRegression"];
const objective = (model: ModelKind, n: number, seed: number) => new DataObjective(makeDataset({ model, n, seed }));

/** Every k-subset of 0 … n−1, for the brute-force check of the exact formula on small n. */
function* subsets(n: number, k: number, from = 0, picked: number[] = []): Generator<number[]> {
  if (picked.length === k) return yield picked;
  for (let i = from; i <= n - (k - picked.length); i++) yield* subsets(n, k, i + 1, [...picked, i]);
}

describe("exactBatchVariance", () => {
  it("is the average of ‖g_B − ḡ‖² over every B-subset (brute force, n ≤ 9)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), fc.integer({ min: 2, max: 9 }), fc.nat(), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (model, n, seed, w1, w2) => {
        const obj = objective(model, n, seed);
        const { mean, variance } = exampleSpread(obj, w1, w2);
        const order = Uint32Array.from({ length: n }, (_, i) => i);
        const g = new Float64Array(2);
        for (let b = 1; b <= n; b++) {
          let sum = 0;
          let count = 0;
          for (const s of subsets(n, b)) {
            order.set(s);
            obj.batchGrad(w1, w2, order, 0, b, g);
            sum += (g[0] - mean[0]) ** 2 + (g[1] - mean[1]) ** 2;
            count++;
          }
          expect(Math.abs(sum / count - exactBatchVariance(variance, n, b))).toBeLessThanOrEqual(1e-12 * Math.max(1, variance));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("is σ² at B = 1, 0 at B = n, and falls faster than σ²/B in between", () => {
    expect(exactBatchVariance(2.5, 256, 1)).toBe(2.5);
    expect(exactBatchVariance(2.5, 256, 256)).toBe(0);
    for (let b = 2; b < 256; b++) {
      expect(exactBatchVariance(2.5, 256, b)).toBeLessThan(2.5 / b);
      expect(exactBatchVariance(2.5, 256, b)).toBeLessThan(exactBatchVariance(2.5, 256, b - 1));
    }
  });
});

describe("sampledBatchVariance", () => {
  it("over the run's own sampler agrees with the exact variance within 6 standard errors", () => {
    // The estimate is a mean of per-epoch means; epochs reshuffle independently, so the
    // spread of those means over √epochs is its standard error. 200 epochs make the mean
    // close to normal: |z| > 6 has probability about 2e-9 per case. The additive 1e-9 σ²
    // covers the cases with no spread at all (B = n, where every batch is the full one).
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.integer({ min: 4, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        fc.nat(),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.nat(),
        (model, [n, b], dataSeed, w1, w2, sampleSeed) => {
          const obj = objective(model, n, dataSeed);
          const { mean, variance } = exampleSpread(obj, w1, w2);
          const exact = exactBatchVariance(variance, n, b);
          const s = sampledBatchVariance(obj, w1, w2, mean, b, sampleSeed, 200);
          expect(s.batches).toBe(200 * Math.floor(n / b));
          expect(Math.abs(s.value - exact)).toBeLessThanOrEqual(6 * s.standardError + 1e-9 * variance);
          // A useful estimate, not one that passes by being vague: its error bar is well under the value (B < n).
          if (b < n) expect(s.standardError).toBeLessThan(0.25 * exact);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("at B = 1 one epoch is exactly the per-example variance (every example once); at B = n it is 0", () => {
    for (const model of MODELS) {
      const obj = objective(model, 256, 3);
      const { mean, variance } = exampleSpread(obj, 0.5, -1.5);
      expect(variance).toBeGreaterThan(0);
      const one = sampledBatchVariance(obj, 0.5, -1.5, mean, 1, 11, 1);
      expect(one.batches).toBe(256);
      expect(one.value).toBeCloseTo(variance, 12);
      const full = sampledBatchVariance(obj, 0.5, -1.5, mean, 256, 11, 5);
      expect(full.value).toBeLessThan(1e-25);
    }
  });
});

describe("compareBatchSizes", () => {
  it("lists B = 1, 2, 4, …, n with variances falling as B grows, ending at 0", () => {
    expect(batchSizesUpTo(256)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(batchSizesUpTo(100)).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
    const obj = objective("linearRegression", 256, 3);
    const c = compareBatchSizes(obj, { w1: -1, w2: 2, seed: 7, epochs: 32 });
    expect(c.rows.map((r) => r.batchSize)).toEqual(batchSizesUpTo(256));
    expect(c.rows[0].exact).toBe(c.exampleVariance);
    for (let i = 1; i < c.rows.length; i++) {
      expect(c.rows[i].exact).toBeLessThan(c.rows[i - 1].exact);
      expect(c.rows[i].sampled.value).toBeLessThan(c.rows[i - 1].sampled.value);
    }
    expect(c.rows.at(-1)!.exact).toBe(0);
    // With a floor on the batches, B = 128 (two per epoch) averages 512 of them, B = 1 still its 32 epochs.
    const floored = compareBatchSizes(obj, { w1: -1, w2: 2, seed: 7, epochs: 32, minBatches: 512 });
    expect(floored.rows.map((r) => r.sampled.batches)).toEqual([8192, 4096, 2048, 1024, 512, 512, 512, 512, 512]);
  });
});

describe("epochsAfter", () => {
  it("is what BatchSampler has drawn, over n, after any number of steps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 700 }), (n, bs, steps) => {
        const b = Math.min(bs, n);
        const sampler = new BatchSampler(n, b, 1);
        for (let k = 0; k < steps; k++) sampler.take();
        expect(epochsAfter(steps, b, n)).toBe(sampler.seen / n);
      }),
    );
    expect(epochsAfter(1000, 8, 256)).toBe(31.25);
    expect(epochsAfter(5, 100, 256)).toBe(456 / 256);
  });
});
