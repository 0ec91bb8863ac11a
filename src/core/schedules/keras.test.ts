import { describe, expect, it } from "vitest";
import type { ParamValues } from "../params";
import { createSchedule, schedules, type ScheduleSpec } from "./index";

/*
 * Our schedules against the formulas the Keras (and TF-Addons) documentation gives for each
 * LearningRateSchedule.__call__(step). The expectations are written here, straight from the
 * documented formulas, for specific steps: nothing below imports our implementation to
 * produce an expected value. Keras asks its schedule for optimizer.iterations, which is 0
 * on the first update, so keras(step) is the lr used by our step t = step.
 *
 * Each documented formula, transcribed once, then each case checked two ways: a few steps
 * whose value is worked out by hand in the test (exact numbers a reader can verify), and a
 * sweep of many steps against the transcription.
 */

// https://keras.io/api/optimizers/learning_rate_schedules/exponential_decay/
//   decayed_learning_rate(step) = initial_learning_rate * decay_rate ^ (step / decay_steps);
//   "If the argument staircase is True, then step / decay_steps is an integer division".
const kerasExponentialDecay =
  (initial: number, decaySteps: number, decayRate: number, staircase = false) =>
  (step: number) =>
    initial * decayRate ** (staircase ? Math.floor(step / decaySteps) : step / decaySteps);

// https://keras.io/api/optimizers/learning_rate_schedules/inverse_time_decay/
//   initial_learning_rate / (1 + decay_rate * step / decay_step), and with staircase
//   initial_learning_rate / (1 + decay_rate * floor(step / decay_step)).
const kerasInverseTimeDecay =
  (initial: number, decaySteps: number, decayRate: number, staircase = false) =>
  (step: number) =>
    initial / (1 + decayRate * (staircase ? Math.floor(step / decaySteps) : step / decaySteps));

// https://keras.io/api/optimizers/learning_rate_schedules/piecewise_constant_decay/
//   "use a learning rate that's 1.0 for the first 100001 steps, 0.5 for the next 10000
//   steps, and 0.1 for any additional steps" with boundaries [100000, 110000]: values[0]
//   while step <= boundaries[0], values[i] while boundaries[i-1] < step <= boundaries[i],
//   the last value after the last boundary.
const kerasPiecewiseConstantDecay = (boundaries: number[], values: number[]) => (step: number) => {
  let i = 0;
  while (i < boundaries.length && step > boundaries[i]) i++;
  return values[i];
};

// https://keras.io/api/optimizers/learning_rate_schedules/polynomial_decay/
//   step = min(step, decay_steps)
//   ((initial_learning_rate - end_learning_rate) * (1 - step / decay_steps) ^ (power)) + end_learning_rate
//   "If cycle is True then a multiple of decay_steps is used, the first one that is bigger
//   than step": decay_steps = decay_steps * ceil(step / decay_steps), with no min(). At
//   step 0 that multiple is 0; Keras' source (keras/src/optimizers/schedules/
//   learning_rate_schedule.py) takes the multiplier 1 there.
const kerasPolynomialDecay = (initial: number, decaySteps: number, end: number, power: number, cycle = false) => (step: number) => {
  if (cycle) {
    const multiple = decaySteps * (step === 0 ? 1 : Math.ceil(step / decaySteps));
    return (initial - end) * (1 - step / multiple) ** power + end;
  }
  const s = Math.min(step, decaySteps);
  return (initial - end) * (1 - s / decaySteps) ** power + end;
};

// https://keras.io/api/optimizers/learning_rate_schedules/cosine_decay/
//   warmup (warmup_target set): initial_learning_rate + step / warmup_steps * (warmup_target - initial_learning_rate)
//   decay: step = min(step, decay_steps); cosine_decay = 0.5 * (1 + cos(pi * step / decay_steps));
//          decayed = (1 - alpha) * cosine_decay + alpha; return initial_decay_lr * decayed,
//   where initial_decay_lr is warmup_target when set, else initial_learning_rate, and the
//   decay runs on the steps after the warmup.
const kerasCosineDecay =
  (initial: number, decaySteps: number, alpha: number, warmupTarget?: number, warmupSteps = 0) =>
  (step: number) => {
    if (warmupTarget !== undefined && step < warmupSteps) return initial + (step / warmupSteps) * (warmupTarget - initial);
    const s = Math.min(step - warmupSteps, decaySteps);
    const cosineDecay = 0.5 * (1 + Math.cos((Math.PI * s) / decaySteps));
    return (warmupTarget ?? initial) * ((1 - alpha) * cosineDecay + alpha);
  };

// tfa.optimizers.CyclicalLearningRate, tensorflow_addons/optimizers/cyclical_learning_rate.py
// (https://www.tensorflow.org/addons/api_docs/python/tfa/optimizers/CyclicalLearningRate):
//   cycle = floor(1 + step / (2 * step_size)); x = abs(step / step_size - 2 * cycle + 1)
//   lr = initial + (maximal - initial) * max(0, 1 - x) * scale_fn(cycle or step)
// Triangular: scale_fn = 1; Triangular2: 1 / 2^(cycle - 1) (scale_mode "cycle");
// ExponentialCyclicalLearningRate: gamma^step (scale_mode "iterations", its default).
const tfaCyclical =
  (initial: number, maximal: number, stepSize: number, scale: "triangular" | "triangular2" | "expRange", gamma = 1) =>
  (step: number) => {
    const cycle = Math.floor(1 + step / (2 * stepSize));
    const x = Math.abs(step / stepSize - 2 * cycle + 1);
    const scaleFn = scale === "triangular" ? 1 : scale === "triangular2" ? 1 / 2 ** (cycle - 1) : gamma ** step;
    return initial + (maximal - initial) * Math.max(0, 1 - x) * scaleFn;
  };

interface Case {
  keras: string;
  /** Our schedule spec and the optimizer's lr it runs with. */
  spec: ScheduleSpec;
  lr: number;
  /** Steps whose value is worked out by hand from the documented formula. */
  exact: [step: number, lr: number][];
  /** The transcribed formula, for the sweep over `sweep` steps. */
  ref: (step: number) => number;
  sweep: number[];
}

const range = (n: number, stride = 1): number[] => Array.from({ length: n }, (_, i) => i * stride);

const cases: Case[] = [
  {
    keras: "ExponentialDecay(0.001, decay_steps=1000, decay_rate=0.96, staircase=True) (seed 002)",
    spec: { name: "exponential", decayRate: 0.96, decaySteps: 1000, staircase: true },
    lr: 0.001,
    exact: [[0, 0.001], [999, 0.001], [1000, 0.001 * 0.96], [2500, 0.001 * 0.96 * 0.96]],
    ref: kerasExponentialDecay(0.001, 1000, 0.96, true),
    sweep: range(400, 25),
  },
  {
    keras: "ExponentialDecay(0.1, decay_steps=100, decay_rate=0.5)",
    spec: { name: "exponential", decayRate: 0.5, decaySteps: 100 },
    lr: 0.1,
    exact: [[0, 0.1], [100, 0.05], [200, 0.025], [50, 0.1 * Math.SQRT1_2]],
    ref: kerasExponentialDecay(0.1, 100, 0.5),
    sweep: range(400),
  },
  {
    keras: "ExponentialDecay(0.2, decay_steps=7, decay_rate=0.8, staircase=True), gamma ignored",
    spec: { name: "exponential", decayRate: 0.8, decaySteps: 7, staircase: true, gamma: 0.5 },
    lr: 0.2,
    exact: [[6, 0.2], [7, 0.2 * 0.8], [20, 0.2 * 0.8 * 0.8]],
    ref: kerasExponentialDecay(0.2, 7, 0.8, true),
    sweep: range(300),
  },
  {
    keras: "InverseTimeDecay(0.1, decay_steps=1, decay_rate=0.01)",
    spec: { name: "inverseTime", decayRate: 0.01 },
    lr: 0.1,
    exact: [[0, 0.1], [100, 0.05], [300, 0.025]],
    ref: kerasInverseTimeDecay(0.1, 1, 0.01),
    sweep: range(400),
  },
  {
    keras: "InverseTimeDecay(0.5, decay_steps=50, decay_rate=0.5)",
    spec: { name: "inverseTime", decayRate: 0.5, decaySteps: 50 },
    lr: 0.5,
    exact: [[25, 0.4], [100, 0.25]],
    ref: kerasInverseTimeDecay(0.5, 50, 0.5),
    sweep: range(400),
  },
  {
    keras: "InverseTimeDecay(0.5, decay_steps=50, decay_rate=0.5, staircase=True)",
    spec: { name: "inverseTime", decayRate: 0.5, decaySteps: 50, staircase: true },
    lr: 0.5,
    exact: [[49, 0.5], [50, 0.5 / 1.5], [149, 0.25]],
    ref: kerasInverseTimeDecay(0.5, 50, 0.5, true),
    sweep: range(400),
  },
  {
    keras: "PiecewiseConstantDecay([10000, 20000], [0.001, 0.0005, 0.0001]) (seed 002)",
    spec: { name: "piecewise", boundaries: [10000, 20000], values: [0.001, 0.0005, 0.0001] },
    lr: 0.1,
    exact: [[0, 0.001], [10000, 0.001], [10001, 0.0005], [20000, 0.0005], [20001, 0.0001]],
    ref: kerasPiecewiseConstantDecay([10000, 20000], [0.001, 0.0005, 0.0001]),
    sweep: range(400, 100),
  },
  {
    keras: "PiecewiseConstantDecay([0, 10, 11, 200], [0.5, 0.4, 0.3, 0.2, 0.1])",
    spec: { name: "piecewise", boundaries: [0, 10, 11, 200], values: [0.5, 0.4, 0.3, 0.2, 0.1] },
    lr: 1,
    exact: [[0, 0.5], [1, 0.4], [10, 0.4], [11, 0.3], [12, 0.2], [200, 0.2], [201, 0.1]],
    ref: kerasPiecewiseConstantDecay([0, 10, 11, 200], [0.5, 0.4, 0.3, 0.2, 0.1]),
    sweep: range(300),
  },
  {
    keras: "PolynomialDecay(0.1, decay_steps=200, end_learning_rate=0.001, power=0.5)",
    spec: { name: "polynomial", totalSteps: 200, endLr: 0.001, power: 0.5 },
    lr: 0.1,
    exact: [[0, 0.1], [150, 0.099 * 0.5 + 0.001], [200, 0.001], [300, 0.001]],
    ref: kerasPolynomialDecay(0.1, 200, 0.001, 0.5),
    sweep: range(300),
  },
  {
    keras: "PolynomialDecay(1, decay_steps=100, end_learning_rate=0.01, power=3)",
    spec: { name: "polynomial", totalSteps: 100, endLr: 0.01, power: 3 },
    lr: 1,
    exact: [[50, 0.99 * 0.125 + 0.01], [100, 0.01], [250, 0.01]],
    ref: kerasPolynomialDecay(1, 100, 0.01, 3),
    sweep: range(300),
  },
  {
    keras: "PolynomialDecay(1, decay_steps=100, end_learning_rate=0.01, power=1, cycle=True)",
    spec: { name: "polynomial", totalSteps: 100, endLr: 0.01, power: 1, cycle: true },
    lr: 1,
    // 101 decays over 200 steps: 0.99 · (1 − 101/200) + 0.01; 250 over 300.
    exact: [[0, 1], [50, 0.505], [100, 0.01], [101, 0.99 * 0.495 + 0.01], [150, 0.2575], [200, 0.01], [250, 0.99 / 6 + 0.01]],
    ref: kerasPolynomialDecay(1, 100, 0.01, 1, true),
    sweep: range(700),
  },
  {
    keras: "PolynomialDecay(0.1, decay_steps=30, end_learning_rate=0.001, power=2, cycle=True)",
    spec: { name: "polynomial", totalSteps: 30, endLr: 0.001, power: 2, cycle: true },
    lr: 0.1,
    exact: [[15, 0.099 * 0.25 + 0.001], [30, 0.001], [45, 0.099 * 0.0625 + 0.001]],
    ref: kerasPolynomialDecay(0.1, 30, 0.001, 2, true),
    sweep: range(400),
  },
  {
    // Equal to PyTorch's CosineAnnealingLR with eta_min = alpha·η0 up to decay_steps; after
    // it Keras holds alpha·η0 while PyTorch (which we follow) climbs back: see below.
    keras: "CosineDecay(0.5, decay_steps=400, alpha=0.1), up to decay_steps",
    spec: { name: "cosine", tMax: 400, etaMin: 0.05 },
    lr: 0.5,
    exact: [[0, 0.5], [200, 0.5 * (0.9 * 0.5 + 0.1)], [400, 0.05]],
    ref: kerasCosineDecay(0.5, 400, 0.1),
    sweep: range(401),
  },
  {
    // warmup_target η0 from initial 0: our `warmup` field in front of cosine(tMax = decay_steps).
    keras: "CosineDecay(0, decay_steps=300, alpha=0, warmup_target=0.2, warmup_steps=100), up to warmup + decay",
    spec: { name: "cosine", tMax: 300, warmup: 100 },
    lr: 0.2,
    exact: [[0, 0], [25, 0.05], [50, 0.1], [100, 0.2], [250, 0.1], [400, 0]],
    ref: kerasCosineDecay(0, 300, 0, 0.2, 100),
    sweep: range(401),
  },
  {
    // The seeds' warmupCosine holds its minimum after T, as Keras does: equal at every step.
    keras: "CosineDecay(0, decay_steps=450, alpha=0.1, warmup_target=0.5, warmup_steps=50), every step",
    spec: { name: "warmupCosine", warmupSteps: 50, totalSteps: 500, minLr: 0.05 },
    lr: 0.5,
    exact: [[0, 0], [10, 0.1], [50, 0.5], [275, 0.5 * (0.9 * 0.5 + 0.1)], [500, 0.05], [2000, 0.05]],
    ref: kerasCosineDecay(0, 450, 0.1, 0.5, 50),
    sweep: range(1000),
  },
  {
    keras: "CyclicalLearningRate(0.0005, 0.002, step_size=2000) triangular (seed 002)",
    spec: { name: "cyclic", baseLr: 0.0005, maxLr: 0.002, stepSizeUp: 2000, stepSizeDown: 2000 },
    lr: 0.1,
    exact: [[0, 0.0005], [1000, 0.00125], [2000, 0.002], [4000, 0.0005], [5000, 0.00125]],
    ref: tfaCyclical(0.0005, 0.002, 2000, "triangular"),
    sweep: range(400, 37),
  },
  {
    keras: "TriangularCyclicalLearningRate(0.01, 0.1, step_size=20), lower lr from the optimizer",
    spec: { name: "cyclic", maxLr: 0.1, stepSizeUp: 20 },
    lr: 0.01,
    exact: [[0, 0.01], [10, 0.055], [20, 0.1], [30, 0.055], [40, 0.01]],
    ref: tfaCyclical(0.01, 0.1, 20, "triangular"),
    sweep: range(400),
  },
  {
    keras: "Triangular2CyclicalLearningRate(0.01, 0.09, step_size=10)",
    spec: { name: "cyclic", baseLr: 0.01, maxLr: 0.09, stepSizeUp: 10, mode: "triangular2" },
    lr: 1,
    // Peaks 0.09, then 0.01 + 0.08/2 = 0.05, then 0.01 + 0.08/4 = 0.03.
    exact: [[10, 0.09], [20, 0.01], [30, 0.05], [50, 0.03], [45, 0.02]],
    ref: tfaCyclical(0.01, 0.09, 10, "triangular2"),
    sweep: range(400),
  },
  {
    keras: "ExponentialCyclicalLearningRate(0.01, 0.1, step_size=10, gamma=0.99) (scale_mode iterations)",
    spec: { name: "cyclic", baseLr: 0.01, maxLr: 0.1, stepSizeUp: 10, mode: "expRange", gamma: 0.99 },
    lr: 1,
    exact: [[0, 0.01], [10, 0.01 + 0.09 * 0.99 ** 10], [25, 0.01 + 0.09 * 0.5 * 0.99 ** 25]],
    ref: tfaCyclical(0.01, 0.1, 10, "expRange", 0.99),
    sweep: range(400),
  },
];

/** Relative difference, with an absolute floor for values that are 0 (end of a cosine). */
const relErr = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-15));

describe("schedules equal the formulas in the Keras / TF-Addons documentation", () => {
  it.each(cases)("$keras: the hand-worked steps", ({ spec, lr, exact }) => {
    const schedule = createSchedule(spec, lr);
    for (const [step, want] of exact) expect(relErr(schedule.lr(step), want), `step ${step}: ${schedule.lr(step)} vs ${want}`).toBeLessThan(1e-12);
  });

  it.each(cases)("$keras: every step of the sweep", ({ spec, lr, ref, sweep }) => {
    const schedule = createSchedule(spec, lr);
    let worst = 0;
    let worstAt = -1;
    for (const t of sweep) {
      const e = relErr(schedule.lr(t), ref(t));
      if (e > worst) [worst, worstAt] = [e, t];
    }
    expect(worst, `worst relative error at t=${worstAt}`).toBeLessThan(1e-12);
  });

  it("covers every registered schedule whose citation names Keras or TF-Addons", () => {
    const citing = Object.values(schedules).filter((d) => /keras|tfa\./i.test(d.cite)).map((d) => d.name);
    expect(citing.length).toBeGreaterThan(0);
    const tested = new Set(cases.map((c) => c.spec.name));
    expect(citing.filter((name) => !tested.has(name)), "cite Keras/TF-Addons but have no case here").toEqual([]);
  });

  it("the hand-worked steps agree with the transcribed formulas (the transcriptions are what the docs say)", () => {
    for (const { keras, ref, exact } of cases)
      for (const [step, want] of exact) expect(relErr(ref(step), want), `${keras} at ${step}`).toBeLessThan(1e-12);
  });
});

describe("where we follow PyTorch rather than Keras, on purpose", () => {
  it("cosine climbs back after tMax (CosineAnnealingLR); Keras' CosineDecay holds alpha·η0", () => {
    const ours = createSchedule({ name: "cosine", tMax: 400, etaMin: 0.05 }, 0.5);
    const keras = kerasCosineDecay(0.5, 400, 0.1);
    expect(keras(600)).toBe(0.05);
    // Half way back up: 0.05 + 0.45 · (1 + cos(1.5π)) / 2.
    expect(relErr(ours.lr(600), 0.05 + 0.45 * 0.5)).toBeLessThan(1e-12);
  });
});

describe("piecewise", () => {
  it("checks that values has one more entry than boundaries", () => {
    const check = (p: ParamValues) => () => createSchedule({ name: "piecewise", ...p }, 0.1);
    expect(check({ boundaries: [10, 20], values: [0.1, 0.01, 0.001] })).not.toThrow();
    expect(check({ boundaries: [10, 20], values: [0.1, 0.01] })).toThrow(
      "piecewise: values: needs 3 learning rates (one more than the 2 boundaries), got 2",
    );
    expect(check({ boundaries: [], values: [0.1] })).not.toThrow();
    expect(check({})).not.toThrow(); // the defaults agree
  });

  it("ignores the optimizer's lr", () => {
    expect(createSchedule({ name: "piecewise", boundaries: [5], values: [0.3, 0.2] }, 123).lr(0)).toBe(0.3);
  });
});

describe("exponential", () => {
  it("is PyTorch's gamma^t until a Keras decay rate is given", () => {
    expect(createSchedule({ name: "exponential", gamma: 0.5, decaySteps: 10, staircase: true }, 1).lr(3)).toBe(0.125);
    expect(createSchedule({ name: "exponential", gamma: 0.5, decayRate: 0.5, decaySteps: 10, staircase: true }, 1).lr(3)).toBe(1);
  });
});
