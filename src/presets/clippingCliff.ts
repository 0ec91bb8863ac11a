import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** The cliff surface: the same plain step with and without clipping by global norm. */
export const clippingCliff = definePreset({
  id: "clipping-cliff",
  title: "Clipping tames a cliff",
  caption:
    "A plateau that ends in a sheer wall, the exploding-gradient cliff of Pascanu, Mikolov and Bengio. Both runs are plain gradient descent at lr 0.1 from (3.5, 1.5), rolling toward the wall. The unclipped run lands on the wall after one step, is thrown past the minimum to x = −14.7 on the steep outer slope, and every step after that is longer than the one before: it has diverged by step 5. The other clips the gradient's norm to 1.0, seed 001's advice, so no step is longer than 0.1: it walks down the wall and comes within 0.01 of the minimum at step 73.",
  experiment: {
    surface: "cliff",
    start: [3.5, 1.5],
    steps: 200,
    tolerance: 0.01,
    runs: [
      { id: "unclipped", label: "SGD", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.1 } },
      { id: "clipped", label: "SGD, clipped", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.1 }, clip: { mode: "norm", maxNorm: 1 } },
    ],
  },
  claims: [
    setting("runs.unclipped.optimizer.lr", "0.1"),
    setting("runs.clipped.optimizer.lr", "0.1"),
    setting("start.0", "3.5"),
    setting("start.1", "1.5"),
    { kind: "pointAt", run: "unclipped", step: 2, coord: 0, shown: "−14.7" },
    { kind: "status", run: "unclipped", is: "diverged" },
    { kind: "metric", run: "unclipped", metric: "steps", shown: "5" },
    setting("runs.clipped.clip.maxNorm", "1.0"),
    setting("tolerance", "0.01"),
    { kind: "status", run: "clipped", is: "converged" },
    { kind: "metric", run: "clipped", metric: "stepsToTolerance", shown: "73" },
  ],
});
