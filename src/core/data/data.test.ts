import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchSampler } from "./batchSampler";
import { DataObjective } from "./dataObjective";
import { makeDataset, type ModelKind } from "./dataset";

const MODELS: ModelKind[] = ["linearRegression", "logisticRegression"];

describe("stochastic objectives from data", () => {
  it("a seed gives the same dataset and the same batches every time", () => {
    for (const model of MODELS) {
      const d1 = makeDataset({ model, n: 200, seed: 7 });
      const d2 = makeDataset({ model, n: 200, seed: 7 });
      expect([...d1.a]).toEqual([...d2.a]);
      expect([...d1.t]).toEqual([...d2.t]);
      expect([...makeDataset({ model, n: 200, seed: 8 }).a]).not.toEqual([...d1.a]);
    }
    const s1 = new BatchSampler(100, 16, 3);
    const s2 = new BatchSampler(100, 16, 3);
    for (let k = 0; k < 20; k++) {
      const a = s1.take();
      const n = s1.count;
      const b = s2.take();
      const m = s2.count;
      expect([...s1.order.subarray(a, a + n)]).toEqual([...s2.order.subarray(b, b + m)]);
    }
  });

  it("an epoch's batches cover every example once; the size-weighted mean of their gradients is the full gradient", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (model, n, bs, seed, w1, w2) => {
          const obj = new DataObjective(makeDataset({ model, n, seed }));
          const sampler = new BatchSampler(n, Math.min(bs, n), seed ^ 0x9e3779b9);
          const seen = new Uint8Array(n);
          const sum = [0, 0];
          const g = new Float64Array(2);
          for (let k = 0; k < sampler.batchesPerEpoch; k++) {
            const start = sampler.take();
            const count = sampler.count;
            for (let j = start; j < start + count; j++) seen[sampler.order[j]]++;
            obj.batchGrad(w1, w2, sampler.order, start, count, g);
            sum[0] += g[0] * count;
            sum[1] += g[1] * count;
          }
          expect(sampler.epochs).toBe(1);
          expect(seen.every((v) => v === 1)).toBe(true);
          obj.grad(w1, w2, g);
          for (const i of [0, 1]) expect(Math.abs(sum[i] / n - g[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g[i])));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gradients and Hessians agree with finite differences of the full-batch loss", () => {
    for (const model of MODELS) {
      const obj = new DataObjective(makeDataset({ model, n: 100, seed: 1 }));
      const g = new Float64Array(2);
      const h = new Float64Array(3);
      for (const [w1, w2] of [[0, 0], [1.5, -0.5], [-2, 2]]) {
        obj.grad(w1, w2, g);
        obj.hessian(w1, w2, h);
        const e = 1e-6;
        expect(g[0]).toBeCloseTo((obj.f(w1 + e, w2) - obj.f(w1 - e, w2)) / (2 * e), 6);
        expect(g[1]).toBeCloseTo((obj.f(w1, w2 + e) - obj.f(w1, w2 - e)) / (2 * e), 6);
        const gp = new Float64Array(2);
        const gm = new Float64Array(2);
        obj.grad(w1 + e, w2, gp);
        obj.grad(w1 - e, w2, gm);
        expect(h[0]).toBeCloseTo((gp[0] - gm[0]) / (2 * e), 5);
        expect(h[1]).toBeCloseTo((gp[1] - gm[1]) / (2 * e), 5);
      }
    }
  });

  it("the linear model's least-squares weights are near the true ones, and mini-batch gradient variance falls as 1/batch", () => {
    const obj = new DataObjective(makeDataset({ model: "linearRegression", n: 4096, seed: 42 }));
    const g = new Float64Array(2);
    obj.grad(2, -1, g);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(0.1);
    const variance = (bs: number) => {
      const sampler = new BatchSampler(obj.n, bs, 5);
      const xs: number[] = [];
      for (let k = 0; k < 400; k++) {
        const s = sampler.take();
        const c = sampler.count;
        obj.batchGrad(0, 0, sampler.order, s, c, g);
        xs.push(g[0]);
      }
      const m = xs.reduce((p, q) => p + q, 0) / xs.length;
      return xs.reduce((p, q) => p + (q - m) ** 2, 0) / xs.length;
    };
    const v1 = variance(1);
    const v16 = variance(16);
    const v64 = variance(64);
    expect(v16 / v1).toBeGreaterThan(1 / 32);
    expect(v16 / v1).toBeLessThan(1 / 8);
    expect(v64 / v16).toBeGreaterThan(1 / 8);
    expect(v64 / v16).toBeLessThan(1 / 2);
  });
});

describe("data surfaces", () => {
  it("put the minimum of the full-batch loss where its gradient vanishes, inside the view", async () => {
    const { dataSurface } = await import("./dataSurface");
    for (const model of MODELS) {
      const s = dataSurface({ model, n: 512, seed: 42 });
      const [m] = s.critical;
      const g = new Float64Array(2);
      s.grad(m.point[0], m.point[1], g);
      expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
      expect(m.value).toBe(s.f(m.point[0], m.point[1]));
      expect(s.f(s.start[0], s.start[1])).toBeGreaterThan(m.value);
      expect(m.point[0]).toBeGreaterThan(s.domain.x[0]);
      expect(m.point[0]).toBeLessThan(s.domain.x[1]);
      if (model === "linearRegression") {
        expect(m.point[0]).toBeCloseTo(2, 1);
        expect(m.point[1]).toBeCloseTo(-1, 1);
      }
    }
  });
});
