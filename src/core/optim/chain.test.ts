import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rosenbrock } from "../surfaces/rosenbrock";
import { chainLatex, defineOptimizer } from "./chain";
import { asgd } from "./asgd";
import { SurfaceObjective } from "./objective";
import { flag, lr, momentum, weightDecay } from "./specs";
import { BiasCorrection, type Transform } from "./transform";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { heavyBall } from "./transforms/momentum";
import { firstMoment } from "./transforms/moments";

const beta = { kind: "number", label: "Beta", symbol: "\\beta", default: 0.9, min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0, 0.999] } as const;

describe("defineOptimizer", () => {
  it("composes transforms into a step: heavy ball = chain(coupledL2, heavyBall, descend) matches the loop written out", () => {
    const hb = defineOptimizer({ name: "hb", displayName: "HB", cite: "", lr: lr(0.1), chain: [coupledL2(weightDecay(0.5)), heavyBall(momentum(0.9)), descend], order: ["lr", "weightDecay", "momentum"] });
    const s = hb.create({ lr: 0.1, weightDecay: 0.5, momentum: 0.9 }, 2);
    const x = new Float64Array([-1.5, 2]);
    const g = new Float64Array(2);
    let [hx, hy, bx, by] = [-1.5, 2, 0, 0];
    for (let t = 0; t < 50; t++) {
      rosenbrock.grad(x[0], x[1], g);
      s.step(x, g, 1e-4);
      const gx = -2 * (1 - hx) - 400 * hx * (hy - hx * hx) + 0.5 * hx;
      const gy = 200 * (hy - hx * hx) + 0.5 * hy;
      bx = 0.9 * bx + gx;
      by = 0.9 * by + gy;
      hx -= 1e-4 * bx;
      hy -= 1e-4 * by;
      expect([x[0], x[1]]).toEqual([hx, hy]);
    }
    expect(s.inspect()).toMatchObject({ t: 50 });
  });

  it("assembles the formula from the rows of the transforms that run, in order", () => {
    const ema = defineOptimizer({ name: "ema", displayName: "EMA", cite: "", lr: lr(0.1), chain: [coupledL2(weightDecay()), firstMoment("beta", beta, "v"), descend], order: ["lr", "weightDecay", "beta"] });
    expect(ema.latex.split(" \\\\\n")).toEqual([
      String.raw`g_t &\leftarrow \nabla f(x_t) + \lambda x_t`,
      String.raw`v_{t+1} &\leftarrow \beta v_t + (1-\beta) g_t, \quad v_0 = 0`,
      String.raw`x_{t+1} &\leftarrow x_t - \eta_t\, v_{t+1}`,
    ]);
    expect(ema.transforms).toEqual(["coupledL2", "firstMoment", "descend"]);
    // Without a transform that names the gradient, the chain opens with g_t ← ∇f(x_t).
    expect(chainLatex([descend]).split(" \\\\\n")).toEqual([String.raw`g_t &\leftarrow \nabla f(x_t)`, String.raw`x_{t+1} &\leftarrow x_t - \eta_t\, g_t`]);
  });

  it("refuses malformed chains when the registry loads", () => {
    const base = { name: "bad", displayName: "Bad", cite: "", lr: lr(0.1) };
    expect(() => defineOptimizer({ ...base, chain: [coupledL2(weightDecay())], order: ["lr", "weightDecay"] })).toThrow(/exactly one terminal/);
    expect(() => defineOptimizer({ ...base, chain: [descend, descend], order: ["lr"] })).toThrow(/exactly one terminal/);
    expect(() => defineOptimizer({ ...base, chain: [descend, coupledL2(weightDecay())], order: ["lr", "weightDecay"] })).toThrow(/exactly one terminal/);
    expect(() =>
      defineOptimizer({ ...base, chain: [coupledL2(weightDecay(0)), coupledL2(weightDecay(0.1)), descend], order: ["lr", "weightDecay"] }),
    ).toThrow(/weightDecay.*disagree/);
    expect(() => defineOptimizer({ ...base, chain: [coupledL2(weightDecay()), descend], order: ["lr"] })).toThrow(/must list each of lr, weightDecay once/);
  });

  it("ties parameter specs to parameter types at compile time (tsc -b checks the @ts-expect-error lines)", () => {
    const base = { name: "typed", displayName: "Typed", cite: "", lr: lr(0.1) };
    // Never called: these lines exist for the type checker, which must reject each one.
    const wrong = () => [
      // @ts-expect-error a key no transform reads
      defineOptimizer({ ...base, chain: [coupledL2(weightDecay()), descend], order: ["lr", "weightDecy"] }),
      // @ts-expect-error a boolean spec for a number parameter
      defineOptimizer({ ...base, chain: [coupledL2(flag("Decay")), descend], order: ["lr", "weightDecay"] }),
    ];
    const typed = defineOptimizer({ ...base, chain: [coupledL2(weightDecay()), descend], order: ["lr", "weightDecay"] });
    const d: number = typed.params.weightDecay.default;
    // @ts-expect-error the spec of a number parameter has a number default
    const b: boolean = typed.params.weightDecay.default;
    expect([typeof wrong, d, b]).toEqual(["function", 0, 0]);
  });

  it("refuses two state vectors of one name", () => {
    const twice: Transform<object> = {
      name: "twice",
      params: {},
      latex: (sym) => ({ rows: [], sym }),
      init(_p, ctx) {
        ctx.state("m");
        ctx.state("m");
        return null;
      },
    };
    const def = defineOptimizer({ name: "t", displayName: "T", cite: "", lr: lr(0.1), chain: [twice, descend], order: ["lr"] });
    expect(() => def.create({ lr: 0.1 }, 2)).toThrow(/"m" is taken twice/);
  });
});

describe("BiasCorrection", () => {
  it("equals 1 − Math.pow(β, k) bit for bit at every step, though it stops calling pow", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99999, noNaN: true }), (b) => {
        const c = new BiasCorrection(b);
        for (let k = 1; k <= 60_000; k++) if (c.at(k) !== 1 - Math.pow(b, k)) return false;
        return true;
      }),
      { numRuns: 40 },
    );
  });
});

describe("ASGD's average x̄ (PyTorch's ax)", () => {
  it("follows x up to step t₀ + 2, then is the mean of the iterates from step t₀ + 2 on (steps counted from 1, as torch does)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 40 }), (t0, extra) => {
        const s = asgd.create({ lr: 1e-4, lambd: 1e-4, alpha: 0.75, t0, weightDecay: 0 }, 2);
        const x = new Float64Array([-1, 1.5]);
        const g = new Float64Array(2);
        const xs: number[][] = [];
        for (let k = 1; k <= t0 + 1 + extra; k++) {
          rosenbrock.grad(x[0], x[1], g);
          s.step(x, g, 1e-4);
          xs.push([x[0], x[1]]);
        }
        const ax = s.inspect().ax as Float64Array;
        const tail = xs.slice(t0 + 1);
        const mean = [0, 1].map((i) => tail.reduce((a, p) => a + p[i], 0) / tail.length);
        return Math.abs(ax[0] - mean[0]) < 1e-12 && Math.abs(ax[1] - mean[1]) < 1e-12;
      }),
    );
  });
});

describe("SurfaceObjective", () => {
  it("returns the surface's values and counts each evaluation by kind", () => {
    const o = new SurfaceObjective(rosenbrock);
    const x = new Float64Array([0.5, -0.25]);
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    expect(o.value(x)).toBe(rosenbrock.f(0.5, -0.25));
    o.gradient(x, g);
    o.gradient(x, g);
    o.hessian(x, h);
    expect([g[0], g[1]]).toEqual([-2 * 0.5 - 400 * 0.5 * (-0.25 - 0.25), 200 * (-0.25 - 0.25)]);
    expect([...h]).toEqual([2 - 400 * -0.25 + 1200 * 0.25, -400 * 0.5, 200]);
    expect(o.evaluations).toEqual({ f: 1, grad: 2, hessian: 1 });
  });
});
