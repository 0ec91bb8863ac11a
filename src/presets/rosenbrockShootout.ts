import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 003, exercise 1, with the seed's own settings (the page's default race). */
export const rosenbrockShootout = definePreset({
  id: "rosenbrock-shootout",
  title: "Rosenbrock shootout",
  caption:
    "Seed 003's shootout: 5000 steps from (−2, 2), SGD and momentum at lr 0.001 (momentum 0.9), Adam at lr 0.01, a run counting as arrived within 0.1 of the minimum at (1, 1). Momentum is within 0.1 by step 518 and ends on the minimum. SGD crawls along the curved valley and stops 0.156 short. Adam ends at (0.452, 0.203), 0.967 from the minimum with loss 0.301: the seed's closing line says Adam \"finds the optimum\", but its own code shows that at lr 0.01 Adam is the one that does not.",
  experiment: {
    surface: "rosenbrock",
    start: [-2, 2],
    steps: 5000,
    tolerance: 0.1,
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.001 } },
      { id: "momentum", label: "Momentum", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } },
      { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.01 } },
    ],
  },
  claims: [
    setting("steps", "5000"),
    setting("start.0", "−2"),
    setting("start.1", "2"),
    setting("runs.sgd.optimizer.lr", "0.001"),
    setting("runs.momentum.optimizer.momentum", "0.9"),
    setting("runs.adam.optimizer.lr", "0.01"),
    setting("tolerance", "0.1"),
    { kind: "minimum", coord: 0, shown: "1" },
    { kind: "minimum", coord: 1, shown: "1" },
    { kind: "metric", run: "momentum", metric: "stepsToTolerance", shown: "518" },
    { kind: "status", run: "momentum", is: "converged" },
    { kind: "metric", run: "momentum", metric: "distance", below: 1e-6 },
    { kind: "never", run: "sgd" },
    { kind: "metric", run: "sgd", metric: "distance", shown: "0.156" },
    { kind: "never", run: "adam" },
    { kind: "metric", run: "adam", metric: "x", shown: "0.452" },
    { kind: "metric", run: "adam", metric: "y", shown: "0.203" },
    { kind: "metric", run: "adam", metric: "distance", shown: "0.967" },
    { kind: "metric", run: "adam", metric: "finalLoss", shown: "0.301" },
  ],
});
