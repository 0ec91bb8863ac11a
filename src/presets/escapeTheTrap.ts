import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 003's "Escape the trap" code as written: 20 steps from x = −3 at lr 0.1, SGD against EMA momentum. */
export const escapeTheTrap = definePreset({
  id: "escape-the-trap",
  title: "Escape the trap",
  caption:
    "Seed 003's trap, run as its code is written: 20 steps from x = −3 at lr 0.1, plain gradient descent against momentum with β = 0.9 (in the seed's averaged form, which keeps a running mean of the gradients). The seed says SGD sticks in a local minimum at x = −2 and momentum escapes to the global one at x = 2, but this function has no minimum at either place: its deep, global well is at x = −3.95 and its shallow, local one at x = 3.79. Started at −3, both runs are already in the global well. SGD settles in it, within 0.01 of the bottom at step 3 and at x = −3.95 after 20 steps; momentum is still swinging and ends at x = −3.74. Nothing was escaped.",
  experiment: {
    surface: "quartic",
    start: [-3, 0],
    steps: 20,
    tolerance: 0.01,
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.1 } },
      { id: "momentum", label: "Momentum", color: PALETTE[1], optimizer: { name: "emaMomentum", lr: 0.1, beta: 0.9 } },
    ],
  },
  claims: [
    setting("steps", "20"),
    setting("start.0", "−3"),
    setting("runs.sgd.optimizer.lr", "0.1"),
    setting("runs.momentum.optimizer.beta", "0.9"),
    setting("tolerance", "0.01"),
    { kind: "notMinimum", coord: 0, shown: "−2" },
    { kind: "notMinimum", coord: 0, shown: "2" },
    { kind: "minimum", coord: 0, of: "global", shown: "−3.95" },
    { kind: "minimum", coord: 0, of: "local", shown: "3.79" },
    { kind: "nearest", run: "sgd", is: "global" },
    { kind: "nearest", run: "momentum", is: "global" },
    { kind: "status", run: "sgd", is: "converged" },
    { kind: "metric", run: "sgd", metric: "stepsToTolerance", shown: "3" },
    { kind: "metric", run: "sgd", metric: "x", shown: "−3.95" },
    { kind: "metric", run: "momentum", metric: "x", shown: "−3.74" },
    { kind: "never", run: "momentum" },
  ],
});
