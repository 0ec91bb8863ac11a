import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 002's three Keras schedules (its example values) driving Nadam through the Rosenbrock valley. */
export const nadamKeras = definePreset({
  id: "nadam-keras",
  title: "Nadam with Keras schedules",
  caption:
    "Seed 002's three Keras schedules with its own values, each driving Nadam through the Rosenbrock valley from (−2, 2) for 25000 steps: ExponentialDecay from 0.001 by 0.96 every 1000 steps (staircase); PiecewiseConstantDecay at 0.001, then 0.0005 after step 10000 and 0.0001 after step 20000; and a triangular CyclicalLearningRate between 0.0005 and 0.002 with half-cycles of 2000 steps. All three reach the minimum at (1, 1). The cyclical one is first, within 0.1 at step 14427, since its lr keeps climbing back to 0.002; the exponential one follows at step 17178 and the piecewise one at step 17319.",
  experiment: {
    surface: "rosenbrock",
    start: [-2, 2],
    steps: 25000,
    tolerance: 0.1,
    runs: [
      { id: "exponential", label: "Nadam, exponential", color: PALETTE[0], optimizer: { name: "nadam", lr: 0.001 }, schedule: { name: "exponential", decayRate: 0.96, decaySteps: 1000, staircase: true } },
      { id: "piecewise", label: "Nadam, piecewise", color: PALETTE[1], optimizer: { name: "nadam", lr: 0.001 }, schedule: { name: "piecewise", boundaries: [10000, 20000], values: [0.001, 0.0005, 0.0001] } },
      { id: "cyclical", label: "Nadam, cyclical", color: PALETTE[2], optimizer: { name: "nadam", lr: 0.0005 }, schedule: { name: "cyclic", baseLr: 0.0005, maxLr: 0.002, stepSizeUp: 2000 } },
    ],
  },
  claims: [
    setting("start.0", "−2"),
    setting("start.1", "2"),
    setting("steps", "25000"),
    setting("runs.exponential.optimizer.lr", "0.001"),
    setting("runs.exponential.schedule.decayRate", "0.96"),
    setting("runs.exponential.schedule.decaySteps", "1000"),
    setting("runs.piecewise.schedule.values.1", "0.0005"),
    setting("runs.piecewise.schedule.boundaries.0", "10000"),
    setting("runs.piecewise.schedule.values.2", "0.0001"),
    setting("runs.piecewise.schedule.boundaries.1", "20000"),
    setting("runs.cyclical.schedule.maxLr", "0.002"),
    setting("runs.cyclical.schedule.stepSizeUp", "2000"),
    { kind: "lr", run: "exponential", step: 999, shown: "0.001" },
    { kind: "lr", run: "exponential", step: 1000, shown: "0.00096" },
    { kind: "lr", run: "piecewise", step: 10001, shown: "0.0005" },
    { kind: "lr", run: "piecewise", step: 20001, shown: "0.0001" },
    { kind: "lr", run: "cyclical", step: 0, shown: "0.0005" },
    { kind: "lr", run: "cyclical", step: 2000, shown: "0.002" },
    { kind: "minimum", coord: 0, shown: "1" },
    { kind: "minimum", coord: 1, shown: "1" },
    ...(["exponential", "piecewise", "cyclical"] as const).map((run) => ({ kind: "status", run, is: "converged" }) as const),
    setting("tolerance", "0.1"),
    { kind: "metric", run: "cyclical", metric: "stepsToTolerance", shown: "14427" },
    { kind: "metric", run: "exponential", metric: "stepsToTolerance", shown: "17178" },
    { kind: "metric", run: "piecewise", metric: "stepsToTolerance", shown: "17319" },
    { kind: "sooner", run: "cyclical", than: "exponential" },
    { kind: "sooner", run: "exponential", than: "piecewise" },
  ],
});
