import { describe, expect, it } from "vitest";
import type { ParamValues } from "../params";
import { cyclic } from "./cyclic";
import { exponential } from "./exponential";
import { inverseTime } from "./inverseTime";
import { piecewise } from "./piecewise";
import { polynomial } from "./polynomial";
import type { ScheduleDef } from "./types";

/*
 * Each schedule against a transcription of the Keras (or TF-Addons) LearningRateSchedule
 * __call__(step); Keras asks its schedule for optimizer.iterations, which is 0 on the
 * first update, so schedule(step) is the lr used by step t. Several rows use the seeds'
 * own Nadam examples (seed 002).
 */

const exponentialDecay = (initial: number, decaySteps: number, decayRate: number, staircase: boolean) => (step: number) => {
  let p = step / decaySteps;
  if (staircase) p = Math.floor(p);
  return initial * Math.pow(decayRate, p);
};

const inverseTimeDecay = (initial: number, decaySteps: number, decayRate: number, staircase: boolean) => (step: number) => {
  let p = step / decaySteps;
  if (staircase) p = Math.floor(p);
  return initial / (1 + decayRate * p);
};

const piecewiseConstantDecay = (boundaries: number[], values: number[]) => (x: number) => {
  const pairs: [boolean, number][] = [
    [x <= boundaries[0], values[0]],
    [x > boundaries[boundaries.length - 1], values[values.length - 1]],
  ];
  for (let i = 0; i + 1 < boundaries.length; i++) pairs.push([x > boundaries[i] && x <= boundaries[i + 1], values[i + 1]]);
  const hits = pairs.filter(([pred]) => pred);
  expect(hits).toHaveLength(1); // Keras' predicates are exclusive
  return hits[0][1];
};

const polynomialDecay = (initial: number, decaySteps: number, endLr: number, power: number) => (step: number) => {
  const s = Math.min(step, decaySteps);
  const p = s / decaySteps;
  return (initial - endLr) * Math.pow(1 - p, power) + endLr;
};

/** tfa.optimizers.CyclicalLearningRate with scale_fn = 1, scale_mode "cycle" (triangular). */
const cyclicalLearningRate = (initial: number, maximal: number, stepSize: number) => (step: number) => {
  const cycle = Math.floor(1 + step / (2 * stepSize));
  const x = Math.abs(step / stepSize - 2 * cycle + 1);
  return initial + (maximal - initial) * Math.max(0, 1 - x) * 1;
};

interface Case {
  keras: string;
  def: ScheduleDef;
  params: ParamValues;
  baseLr: number;
  steps: number;
  stride?: number;
  ref: (step: number) => number;
}

const cases: Case[] = [
  { keras: "ExponentialDecay(0.001, decay_steps=1000, decay_rate=0.96, staircase=True) (seed 002)", def: exponential, params: { decayRate: 0.96, decaySteps: 1000, staircase: true }, baseLr: 0.001, steps: 400, stride: 25, ref: exponentialDecay(0.001, 1000, 0.96, true) },
  { keras: "ExponentialDecay(0.1, decay_steps=100, decay_rate=0.5)", def: exponential, params: { decayRate: 0.5, decaySteps: 100 }, baseLr: 0.1, steps: 400, ref: exponentialDecay(0.1, 100, 0.5, false) },
  { keras: "ExponentialDecay(0.5, decay_steps=1, decay_rate=0.99)", def: exponential, params: { decayRate: 0.99 }, baseLr: 0.5, steps: 400, ref: exponentialDecay(0.5, 1, 0.99, false) },
  { keras: "ExponentialDecay(0.2, decay_steps=7, decay_rate=0.8, staircase=True)", def: exponential, params: { decayRate: 0.8, decaySteps: 7, staircase: true, gamma: 0.5 }, baseLr: 0.2, steps: 300, ref: exponentialDecay(0.2, 7, 0.8, true) },
  { keras: "InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.01)", def: inverseTime, params: { decayRate: 0.01 }, baseLr: 0.1, steps: 400, ref: inverseTimeDecay(0.1, 1, 0.01, false) },
  { keras: "InverseTimeDecay(0.5, decay_steps=50, decay_rate=0.5)", def: inverseTime, params: { decayRate: 0.5, decaySteps: 50 }, baseLr: 0.5, steps: 400, ref: inverseTimeDecay(0.5, 50, 0.5, false) },
  { keras: "InverseTimeDecay(0.5, decay_steps=50, decay_rate=0.5, staircase=True)", def: inverseTime, params: { decayRate: 0.5, decaySteps: 50, staircase: true }, baseLr: 0.5, steps: 400, ref: inverseTimeDecay(0.5, 50, 0.5, true) },
  { keras: "InverseTimeDecay(0.3, decay_steps=1, decay_rate=0)", def: inverseTime, params: { decayRate: 0 }, baseLr: 0.3, steps: 50, ref: inverseTimeDecay(0.3, 1, 0, false) },
  { keras: "PiecewiseConstantDecay([10000, 20000], [0.001, 0.0005, 0.0001]) (seed 002)", def: piecewise, params: { boundaries: [10000, 20000], values: [0.001, 0.0005, 0.0001] }, baseLr: 0.1, steps: 400, stride: 100, ref: piecewiseConstantDecay([10000, 20000], [0.001, 0.0005, 0.0001]) },
  { keras: "PiecewiseConstantDecay([0, 10, 11, 200], [0.5, 0.4, 0.3, 0.2, 0.1])", def: piecewise, params: { boundaries: [0, 10, 11, 200], values: [0.5, 0.4, 0.3, 0.2, 0.1] }, baseLr: 1, steps: 300, ref: piecewiseConstantDecay([0, 10, 11, 200], [0.5, 0.4, 0.3, 0.2, 0.1]) },
  { keras: "PolynomialDecay(0.1, decay_steps=200, end_learning_rate=0.001, power=0.5)", def: polynomial, params: { totalSteps: 200, endLr: 0.001, power: 0.5 }, baseLr: 0.1, steps: 300, ref: polynomialDecay(0.1, 200, 0.001, 0.5) },
  { keras: "PolynomialDecay(1, decay_steps=100, end_learning_rate=0.01, power=3)", def: polynomial, params: { totalSteps: 100, endLr: 0.01, power: 3 }, baseLr: 1, steps: 300, ref: polynomialDecay(1, 100, 0.01, 3) },
  { keras: "CyclicalLearningRate(0.0005, 0.002, step_size=2000) (seed 002)", def: cyclic, params: { baseLr: 0.0005, maxLr: 0.002, stepSizeUp: 2000, stepSizeDown: 2000 }, baseLr: 0.1, steps: 400, stride: 37, ref: cyclicalLearningRate(0.0005, 0.002, 2000) },
  { keras: "CyclicalLearningRate(0.01, 0.1, step_size=20)", def: cyclic, params: { maxLr: 0.1, stepSizeUp: 20 }, baseLr: 0.01, steps: 400, ref: cyclicalLearningRate(0.01, 0.1, 20) },
  { keras: "CyclicalLearningRate(0.003, 0.03, step_size=7)", def: cyclic, params: { stepSizeUp: 7, stepSizeDown: 7 }, baseLr: 0.003, steps: 400, ref: cyclicalLearningRate(0.003, 0.03, 7) },
];

const relErr = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe("schedules match their Keras / TF-Addons counterparts", () => {
  it.each(cases)("$keras", ({ def, params, baseLr, steps, stride = 1, ref }) => {
    const schedule = def.create(params, baseLr);
    let worst = 0;
    let worstAt = -1;
    for (let i = 0; i < steps; i++) {
      const t = i * stride;
      const e = relErr(schedule.lr(t), ref(t));
      if (e > worst) [worst, worstAt] = [e, t];
    }
    expect(worst, `worst relative error at t=${worstAt}`).toBeLessThan(1e-12);
  });
});

describe("piecewise", () => {
  it("checks that values has one more entry than boundaries", () => {
    expect(piecewise.check?.({ boundaries: [10, 20], values: [0.1, 0.01, 0.001] })).toBeNull();
    expect(piecewise.check?.({ boundaries: [10, 20], values: [0.1, 0.01] })).toBe(
      "values: needs 3 learning rates (one more than the 2 boundaries), got 2",
    );
    expect(piecewise.check?.({ boundaries: [], values: [0.1] })).toBeNull();
    expect(piecewise.check?.({})).toBeNull(); // the defaults agree
  });

  it("ignores the optimizer's lr", () => {
    expect(piecewise.create({ boundaries: [5], values: [0.3, 0.2] }, 123).lr(0)).toBe(0.3);
  });
});

describe("exponential", () => {
  it("uses gamma^t until a decay rate is given", () => {
    expect(exponential.create({ gamma: 0.5, decaySteps: 10, staircase: true }, 1).lr(3)).toBe(0.125);
    expect(exponential.create({ gamma: 0.5, decayRate: 0.5, decaySteps: 10, staircase: true }, 1).lr(3)).toBe(1);
  });
});
