import { describe, expect, it } from "vitest";
import type { ParamValues } from "../params";
import { cosine } from "./cosine";
import { cosineRestarts } from "./cosineRestarts";
import { cyclic } from "./cyclic";
import { exponential } from "./exponential";
import { multistep } from "./multistep";
import { oneCycle } from "./oneCycle";
import { polynomial } from "./polynomial";
import { step } from "./step";
import type { ScheduleDef } from "./types";

/*
 * Each closed form against a straightforward transcription of what torch.optim.lr_scheduler
 * does when scheduler.step() is called once after every optimizer step: the chainable
 * get_lr recurrences (StepLR, MultiStepLR, ExponentialLR, PolynomialLR, CosineAnnealingLR),
 * CosineAnnealingWarmRestarts' T_cur / T_i update, CyclicLR's and OneCycleLR's get_lr.
 * ref(n) returns the lr used by steps 0..n-1 (param_group["lr"] before each opt.step()).
 */

/** Python's % (result has the sign of the divisor). */
const pyMod = (a: number, b: number): number => ((a % b) + b) % b;

/** Runs a chainable get_lr: lr(0) = base, then lr(e) = next(e, lr(e-1)). */
function chain(n: number, base: number, next: (epoch: number, lr: number) => number): number[] {
  const out = [base];
  for (let e = 1; e < n; e++) out.push(next(e, out[e - 1]));
  return out;
}

const stepLR = (base: number, stepSize: number, gamma: number) => (n: number) =>
  chain(n, base, (e, lr) => (e === 0 || e % stepSize !== 0 ? lr : lr * gamma));

const multiStepLR = (base: number, milestones: number[], gamma: number) => (n: number) =>
  chain(n, base, (e, lr) => {
    const count = milestones.filter((m) => m === e).length; // Counter(milestones)[e]
    return count === 0 ? lr : lr * gamma ** count;
  });

const exponentialLR = (base: number, gamma: number) => (n: number) => chain(n, base, (_e, lr) => lr * gamma);

const polynomialLR = (base: number, totalIters: number, power: number) => (n: number) =>
  chain(n, base, (e, lr) =>
    e > totalIters ? lr : lr * ((1.0 - e / totalIters) / (1.0 - (e - 1) / totalIters)) ** power,
  );

const cosineAnnealingLR = (base: number, tMax: number, etaMin: number) => (n: number) =>
  chain(n, base, (e, lr) => {
    if (pyMod(e - 1 - tMax, 2 * tMax) === 0) return lr + ((base - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
    return ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) + etaMin;
  });

const cosineAnnealingWarmRestarts = (base: number, t0: number, tMult: number, etaMin: number) => (n: number) => {
  const out: number[] = [];
  let tCur = 0; // after the initial step(): epoch 0, T_i = T_0
  let tI = t0;
  for (let e = 0; e < n; e++) {
    if (e > 0) {
      tCur += 1;
      if (tCur >= tI) {
        tCur = tCur % tI;
        tI = tI * tMult;
      }
    }
    out.push(etaMin + ((base - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2);
  }
  return out;
};

type CyclicMode = "triangular" | "triangular2" | "exp_range";
const cyclicLR =
  (baseLr: number, maxLr: number, up: number, down: number, mode: CyclicMode, gamma: number) => (n: number) => {
    const totalSize = up + down;
    const stepRatio = up / totalSize;
    const scaleFn = (x: number) => (mode === "triangular" ? 1.0 : mode === "triangular2" ? 1 / 2.0 ** (x - 1) : gamma ** x);
    const out: number[] = [];
    for (let lastEpoch = 0; lastEpoch < n; lastEpoch++) {
      const cycle = Math.floor(1 + lastEpoch / totalSize);
      const x = 1.0 + lastEpoch / totalSize - cycle;
      const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
      const baseHeight = (maxLr - baseLr) * scaleFactor;
      out.push(baseLr + baseHeight * scaleFn(mode === "exp_range" ? lastEpoch : cycle));
    }
    return out;
  };

const oneCycleLR =
  (maxLr: number, totalSteps: number, pctStart: number, anneal: "cos" | "linear", div = 25, finalDiv = 1e4) =>
  (n: number) => {
    const group = { initial_lr: maxLr / div, max_lr: maxLr, min_lr: maxLr / div / finalDiv };
    const phases = [
      { end_step: pctStart * totalSteps - 1, start_lr: "initial_lr", end_lr: "max_lr" },
      { end_step: totalSteps - 1, start_lr: "max_lr", end_lr: "min_lr" },
    ] as const;
    const annealFn = (start: number, end: number, pct: number) =>
      anneal === "cos" ? end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
    const out: number[] = [];
    for (let stepNum = 0; stepNum < n; stepNum++) {
      let startStep = 0.0;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i];
        if (stepNum <= phase.end_step || i === phases.length - 1) {
          const pct = (stepNum - startStep) / (phase.end_step - startStep);
          out.push(annealFn(group[phase.start_lr], group[phase.end_lr], pct));
          break;
        }
        startStep = phase.end_step;
      }
    }
    return out;
  };

interface Case {
  pytorch: string;
  def: ScheduleDef;
  params: ParamValues;
  baseLr: number;
  steps: number;
  ref: (n: number) => number[];
}

const cases: Case[] = [
  { pytorch: "StepLR(step_size=30, gamma=0.1)", def: step, params: { stepSize: 30, gamma: 0.1 }, baseLr: 0.05, steps: 300, ref: stepLR(0.05, 30, 0.1) },
  { pytorch: "StepLR(step_size=100, gamma=0.5)", def: step, params: { stepSize: 100, gamma: 0.5 }, baseLr: 0.5, steps: 500, ref: stepLR(0.5, 100, 0.5) },
  { pytorch: "StepLR(step_size=1, gamma=0.97)", def: step, params: { stepSize: 1, gamma: 0.97 }, baseLr: 1, steps: 400, ref: stepLR(1, 1, 0.97) },
  { pytorch: "StepLR(step_size=7, gamma=0.9)", def: step, params: { stepSize: 7, gamma: 0.9 }, baseLr: 0.3, steps: 300, ref: stepLR(0.3, 7, 0.9) },
  { pytorch: "MultiStepLR(milestones=[30, 80], gamma=0.1)", def: multistep, params: { milestones: [30, 80], gamma: 0.1 }, baseLr: 0.05, steps: 200, ref: multiStepLR(0.05, [30, 80], 0.1) },
  { pytorch: "MultiStepLR(milestones=[1, 2, 3, 150], gamma=0.5)", def: multistep, params: { milestones: [1, 2, 3, 150], gamma: 0.5 }, baseLr: 1, steps: 300, ref: multiStepLR(1, [1, 2, 3, 150], 0.5) },
  { pytorch: "MultiStepLR(milestones=[], gamma=0.1)", def: multistep, params: { milestones: [], gamma: 0.1 }, baseLr: 0.2, steps: 100, ref: multiStepLR(0.2, [], 0.1) },
  { pytorch: "ExponentialLR(gamma=0.99)", def: exponential, params: { gamma: 0.99 }, baseLr: 0.5, steps: 500, ref: exponentialLR(0.5, 0.99) },
  { pytorch: "ExponentialLR(gamma=0.9)", def: exponential, params: { gamma: 0.9 }, baseLr: 0.1, steps: 300, ref: exponentialLR(0.1, 0.9) },
  { pytorch: "ExponentialLR(gamma=1.03)", def: exponential, params: { gamma: 1.03 }, baseLr: 1e-5, steps: 400, ref: exponentialLR(1e-5, 1.03) },
  { pytorch: "PolynomialLR(total_iters=100, power=1)", def: polynomial, params: { totalSteps: 100, power: 1 }, baseLr: 0.1, steps: 300, ref: polynomialLR(0.1, 100, 1) },
  { pytorch: "PolynomialLR(total_iters=250, power=0.9)", def: polynomial, params: { totalSteps: 250, power: 0.9 }, baseLr: 0.05, steps: 300, ref: polynomialLR(0.05, 250, 0.9) },
  { pytorch: "PolynomialLR(total_iters=50, power=2)", def: polynomial, params: { totalSteps: 50, power: 2 }, baseLr: 1, steps: 200, ref: polynomialLR(1, 50, 2) },
  { pytorch: "CosineAnnealingLR(T_max=100)", def: cosine, params: { tMax: 100 }, baseLr: 0.1, steps: 450, ref: cosineAnnealingLR(0.1, 100, 0) },
  { pytorch: "CosineAnnealingLR(T_max=500)", def: cosine, params: { tMax: 500 }, baseLr: 0.5, steps: 500, ref: cosineAnnealingLR(0.5, 500, 0) },
  { pytorch: "CosineAnnealingLR(T_max=37, eta_min=0.001)", def: cosine, params: { tMax: 37, etaMin: 0.001 }, baseLr: 0.05, steps: 300, ref: cosineAnnealingLR(0.05, 37, 0.001) },
  { pytorch: "CosineAnnealingWarmRestarts(T_0=50)", def: cosineRestarts, params: { t0: 50 }, baseLr: 0.1, steps: 400, ref: cosineAnnealingWarmRestarts(0.1, 50, 1, 0) },
  { pytorch: "CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0.01)", def: cosineRestarts, params: { t0: 10, tMult: 2, etaMin: 0.01 }, baseLr: 0.1, steps: 400, ref: cosineAnnealingWarmRestarts(0.1, 10, 2, 0.01) },
  { pytorch: "CosineAnnealingWarmRestarts(T_0=3, T_mult=3)", def: cosineRestarts, params: { t0: 3, tMult: 3 }, baseLr: 1, steps: 400, ref: cosineAnnealingWarmRestarts(1, 3, 3, 0) },
  { pytorch: "CosineAnnealingWarmRestarts(T_0=1)", def: cosineRestarts, params: { t0: 1 }, baseLr: 0.2, steps: 50, ref: cosineAnnealingWarmRestarts(0.2, 1, 1, 0) },
  { pytorch: "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=20)", def: cyclic, params: { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 20, mode: "triangular" }, baseLr: 0.5, steps: 300, ref: cyclicLR(0.01, 0.1, 20, 20, "triangular", 1) },
  { pytorch: "CyclicLR(base_lr=0.001, max_lr=0.006, step_size_up=30, step_size_down=70, mode='triangular2')", def: cyclic, params: { baseLr: 0.001, maxLr: 0.006, stepSizeUp: 30, stepSizeDown: 70, mode: "triangular2" }, baseLr: 0.5, steps: 400, ref: cyclicLR(0.001, 0.006, 30, 70, "triangular2", 1) },
  { pytorch: "CyclicLR(base_lr=0.02, max_lr=0.2, step_size_up=25, mode='exp_range', gamma=0.995)", def: cyclic, params: { stepSizeUp: 25, mode: "expRange", gamma: 0.995 }, baseLr: 0.02, steps: 400, ref: cyclicLR(0.02, 0.2, 25, 25, "exp_range", 0.995) },
  { pytorch: "CyclicLR(base_lr=0.1, max_lr=0.01, step_size_up=7, step_size_down=3)", def: cyclic, params: { maxLr: 0.01, stepSizeUp: 7, stepSizeDown: 3 }, baseLr: 0.1, steps: 200, ref: cyclicLR(0.1, 0.01, 7, 3, "triangular", 1) },
  { pytorch: "OneCycleLR(max_lr=0.1, total_steps=300)", def: oneCycle, params: { totalSteps: 300 }, baseLr: 0.1, steps: 300, ref: oneCycleLR(0.1, 300, 0.3, "cos") },
  { pytorch: "OneCycleLR(max_lr=1, total_steps=200, pct_start=0.25, anneal_strategy='linear')", def: oneCycle, params: { maxLr: 1, totalSteps: 200, pctStart: 0.25, annealStrategy: "linear" }, baseLr: 0.1, steps: 200, ref: oneCycleLR(1, 200, 0.25, "linear") },
  { pytorch: "OneCycleLR(max_lr=0.05, total_steps=333, pct_start=0.45, div_factor=10, final_div_factor=100)", def: oneCycle, params: { totalSteps: 333, pctStart: 0.45, divFactor: 10, finalDivFactor: 100 }, baseLr: 0.05, steps: 333, ref: oneCycleLR(0.05, 333, 0.45, "cos", 10, 100) },
  { pytorch: "OneCycleLR(max_lr=0.1, total_steps=2)", def: oneCycle, params: { totalSteps: 2 }, baseLr: 0.1, steps: 2, ref: oneCycleLR(0.1, 2, 0.3, "cos") },
];

/** |a − b| relative to the larger magnitude; exact zeros on both sides count as equal. */
const relErr = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe("closed forms match torch.optim.lr_scheduler stepped once per step", () => {
  it.each(cases)("$pytorch", ({ def, params, baseLr, steps, ref }) => {
    const expected = ref(steps);
    const schedule = def.create(params, baseLr);
    expect(schedule.adaptive).toBe(false);
    let worst = 0;
    let worstAt = -1;
    for (let t = 0; t < steps; t++) {
      const e = relErr(schedule.lr(t), expected[t]);
      if (e > worst) [worst, worstAt] = [e, t];
    }
    expect(worst, `worst relative error at t=${worstAt}`).toBeLessThan(1e-12);
  });

  it.each(cases)("$pytorch answers any t in any order", ({ def, params, baseLr, steps }) => {
    const schedule = def.create(params, baseLr);
    const forward = Array.from({ length: steps }, (_, t) => schedule.lr(t));
    for (let t = steps - 1; t >= 0; t -= 3) expect(schedule.lr(t)).toBe(forward[t]);
  });
});

describe("behaviour past the horizon", () => {
  it("cosine climbs back after tMax, as PyTorch's recursive form does", () => {
    const s = cosine.create({ tMax: 100 }, 0.1);
    expect(s.lr(100)).toBe(0);
    expect(s.lr(150)).toBeCloseTo(0.05, 15);
    expect(s.lr(200)).toBeCloseTo(0.1, 15);
  });

  it("oneCycle holds its final lr from totalSteps − 1 on (PyTorch raises past totalSteps)", () => {
    for (const annealStrategy of ["cos", "linear"]) {
      const s = oneCycle.create({ totalSteps: 100, annealStrategy }, 0.1);
      const last = s.lr(99);
      // Linear annealing lands on min_lr only up to rounding of (end − start)·1 + start.
      expect(relErr(last, 0.1 / 25 / 1e4)).toBeLessThan(1e-10);
      for (const t of [100, 101, 1000]) expect(s.lr(t)).toBe(last);
    }
  });

  it("oneCycle with pctStart·totalSteps = 1 starts at the peak (PyTorch divides 0 by 0)", () => {
    const s = oneCycle.create({ totalSteps: 10, pctStart: 0.1 }, 0.1);
    expect(s.lr(0)).toBe(0.1);
    expect(s.lr(1)).toBeLessThan(0.1);
  });

  it("polynomial holds endLr after totalSteps", () => {
    const s = polynomial.create({ totalSteps: 10, power: 2, endLr: 0.01 }, 0.1);
    expect(s.lr(10)).toBe(0.01);
    expect(s.lr(1000)).toBe(0.01);
  });
});

describe("defaults follow PyTorch", () => {
  it("cyclic: baseLr is the optimizer's lr, maxLr 10× that, stepSizeDown = stepSizeUp = 2000", () => {
    const s = cyclic.create({}, 0.01);
    expect(s.lr(0)).toBe(0.01);
    expect(s.lr(2000)).toBeCloseTo(0.1, 15);
    expect(s.lr(4000)).toBeCloseTo(0.01, 15);
  });

  it("oneCycle: maxLr is the optimizer's lr; starts at maxLr / 25", () => {
    const s = oneCycle.create({ totalSteps: 100 }, 0.5);
    expect(s.lr(0)).toBeCloseTo(0.5 / 25, 15);
    expect(s.lr(29)).toBeCloseTo(0.5, 15);
  });

  it("cosineRestarts: T_mult 2 restarts at 10, 30, 70, 150 exactly", () => {
    const s = cosineRestarts.create({ t0: 10, tMult: 2 }, 1);
    for (const t of [0, 10, 30, 70, 150, 310]) expect(s.lr(t)).toBe(1);
    for (const t of [9, 29, 69, 149]) expect(s.lr(t)).toBeLessThan(0.03);
  });
});
