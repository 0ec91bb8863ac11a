import { describe, expect, it } from "vitest";
import { createSchedule } from "./index";
import { pyFixed } from "../../testing/pyFormat";

describe("pyFixed", () => {
  // Right-hand sides printed by CPython 3 with f"{x:.4f}".
  it.each([
    [0.03125, "0.0312"], // exact tie, rounds to even
    [0.09375, "0.0938"], // exact tie, rounds to even
    [0.00015, "0.0001"], // stored just below the tie
    [0.00045, "0.0004"],
    [0.0625, "0.0625"],
    [0.5, "0.5000"],
    [2.5, "2.5000"],
    [4.934785965721167e-6, "0.0000"],
  ])("formats %s as Python does", (x, s) => {
    expect(pyFixed(x, 4)).toBe(s);
  });
});

// Seed 003, exercise 2: the schedules of train_with_schedule, transcribed.
const seedConstant = (_step: number, lr0 = 0.1) => lr0;
const seedStepDecay = (step: number, lr0 = 0.5, decayRate = 0.5, decaySteps = 100) =>
  lr0 * decayRate ** Math.floor(step / decaySteps);
const seedExponential = (step: number, lr0 = 0.5, decay = 0.99) => lr0 * decay ** step;
const seedCosine = (step: number, lr0 = 0.5, T = 500) => lr0 * 0.5 * (1 + Math.cos((Math.PI * step) / T));
const seedWarmupCosine = (step: number, lr0 = 0.5, warmupSteps = 50, T = 500) =>
  step < warmupSteps
    ? (lr0 * step) / warmupSteps
    : lr0 * 0.5 * (1 + Math.cos((Math.PI * (step - warmupSteps)) / (T - warmupSteps)));

const exercise2 = [
  { column: "Constant", spec: { name: "constant" }, lr0: 0.1, seed: seedConstant },
  { column: "StepDecay", spec: { name: "step", stepSize: 100, gamma: 0.5 }, lr0: 0.5, seed: seedStepDecay },
  { column: "Exponent", spec: { name: "exponential", gamma: 0.99 }, lr0: 0.5, seed: seedExponential },
  { column: "Cosine", spec: { name: "cosine", tMax: 500 }, lr0: 0.5, seed: seedCosine },
  { column: "Warmup + Cosine", spec: { name: "warmupCosine", warmupSteps: 50, totalSteps: 500 }, lr0: 0.5, seed: seedWarmupCosine },
];

describe("seed 003, exercise 2: schedule comparison", () => {
  // What the seed's script prints ("Learning Rate Over Time"), plus its warmup_cosine column.
  const printed: Record<string, string[]> = {
    // step:            0         50        100       200       300       400       499
    Constant: ["0.1000", "0.1000", "0.1000", "0.1000", "0.1000", "0.1000", "0.1000"],
    StepDecay: ["0.5000", "0.5000", "0.2500", "0.1250", "0.0625", "0.0312", "0.0312"],
    Exponent: ["0.5000", "0.3025", "0.1830", "0.0670", "0.0245", "0.0090", "0.0033"],
    Cosine: ["0.5000", "0.4878", "0.4523", "0.3273", "0.1727", "0.0477", "0.0000"],
    "Warmup + Cosine": ["0.0000", "0.5000", "0.4849", "0.3750", "0.2066", "0.0585", "0.0000"],
  };
  const steps = [0, 50, 100, 200, 300, 400, 499];

  it.each(exercise2)("$column prints the seed's table to 4 d.p.", ({ column, spec, lr0 }) => {
    const s = createSchedule(spec, lr0);
    expect(steps.map((t) => pyFixed(s.lr(t), 4))).toEqual(printed[column]);
  });

  it("step decay at 400 and 499 is exactly 0.03125 (the seed prints 0.0312, toFixed would say 0.0313)", () => {
    const s = createSchedule({ name: "step", stepSize: 100, gamma: 0.5 }, 0.5);
    expect(s.lr(400)).toBe(0.03125);
    expect(s.lr(499)).toBe(0.03125);
  });

  it.each(exercise2)("$column equals the seed's Python function at every step", ({ spec, lr0, seed }) => {
    const s = createSchedule(spec, lr0);
    for (let t = 0; t < 500; t++) {
      const want = seed(t);
      const got = s.lr(t);
      expect(Math.abs(got - want), `t=${t}`).toBeLessThanOrEqual(1e-12 * Math.abs(want));
    }
  });
});

describe("seed 001, example 3: warmup 100, total 1000, peak 0.001", () => {
  const s = createSchedule({ name: "warmupCosine", warmupSteps: 100, totalSteps: 1000 }, 0.001);

  it.each([
    [0, "0.000000"],
    [50, "0.000500"],
    [100, "0.001000"],
    [300, "0.000883"],
    [700, "0.000250"],
    [1000, "0.000000"],
  ])("step %i gives %s", (t, shown) => {
    expect(pyFixed(s.lr(t), 6)).toBe(shown);
  });

  it("hits the table's exact values where the formula is exact", () => {
    expect(s.lr(0)).toBe(0);
    expect(s.lr(50)).toBe(0.0005);
    expect(s.lr(100)).toBe(0.001);
    expect(s.lr(1000)).toBe(0);
    expect(s.lr(700)).toBeCloseTo(0.00025, 15); // cos(2π/3) = −1/2
    expect(s.lr(300)).toBeCloseTo(0.001 * 0.5 * (1 + Math.cos((2 * Math.PI) / 9)), 15);
  });

  it("holds the minimum after the last step instead of climbing back", () => {
    expect(s.lr(1001)).toBe(0);
    expect(s.lr(1900)).toBe(0);
  });
});
