import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 003, exercise 2: five schedules on (x − 5)², 500 steps from 0, the seed's settings. */
export const scheduleComparison = definePreset({
  id: "schedule-comparison",
  title: "Schedule comparison",
  caption:
    "Seed 003's exercise 2: five schedules race 500 steps from x = 0 toward the minimum at x = 5. A constant lr of 0.1, and from a peak of 0.5: step decay halving it every 100 steps, exponential decay by 0.99 per step, cosine annealing, and a warmup of 50 steps before the cosine. On this parabola an lr of 0.5 jumps exactly onto the minimum, so the three decays that start at 0.5 are within 0.01 after 1 step; warmup + cosine needs 24 steps because its lr starts at 0, and the constant 0.1 needs 28. All five end at x = 5.000000: here the schedule decides how fast, not where.",
  experiment: {
    surface: "quadratic",
    start: [0, 0],
    steps: 500,
    tolerance: 0.01,
    runs: [
      { id: "constant", label: "Constant", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.1 } },
      { id: "step", label: "Step decay", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "step", stepSize: 100, gamma: 0.5 } },
      { id: "exponential", label: "Exponential", color: PALETTE[2], optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "exponential", gamma: 0.99 } },
      { id: "cosine", label: "Cosine", color: PALETTE[3], optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "cosine", tMax: 500 } },
      { id: "warmupCosine", label: "Warmup + cosine", color: PALETTE[4], optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "warmupCosine", warmupSteps: 50, totalSteps: 500 } },
    ],
  },
  claims: [
    setting("steps", "500"),
    setting("start.0", "0"),
    { kind: "minimum", coord: 0, shown: "5" },
    setting("runs.constant.optimizer.lr", "0.1"),
    setting("runs.step.optimizer.lr", "0.5"),
    setting("runs.step.schedule.stepSize", "100"),
    setting("runs.exponential.schedule.gamma", "0.99"),
    setting("runs.warmupCosine.schedule.warmupSteps", "50"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "step", metric: "stepsToTolerance", shown: "1" },
    { kind: "metric", run: "exponential", metric: "stepsToTolerance", shown: "1" },
    { kind: "metric", run: "cosine", metric: "stepsToTolerance", shown: "1" },
    { kind: "metric", run: "warmupCosine", metric: "stepsToTolerance", shown: "24" },
    { kind: "lr", run: "warmupCosine", step: 0, shown: "0" },
    { kind: "metric", run: "constant", metric: "stepsToTolerance", shown: "28" },
    ...(["constant", "step", "exponential", "cosine", "warmupCosine"] as const).map((run) => ({ kind: "metric", run, metric: "x", shown: "5.000000" }) as const),
  ],
});
