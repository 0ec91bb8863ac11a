import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 003, exercise 4: SGD and Adam at the same lr on the elliptical bowl from (10, 1). */
export const adamFromScratch = definePreset({
  id: "adam-from-scratch",
  title: "Adam from scratch",
  caption:
    "Seed 003's exercise 4: the elliptical bowl, ten times steeper in y than in x, from (10, 1) for 100 steps, SGD and Adam both at lr 0.1. The seed says Adam handles the two curvatures better; its own settings say otherwise. SGD's steep direction is damped in a single step and it is within 0.01 of the minimum at step 66. Adam divides each coordinate's step by that coordinate's gradient size, so it moves about lr per step whatever the slope: after 100 steps it is still at x = 2.24, with loss 2.52, and its y has crossed zero 6 times. Per-coordinate scaling is what the inspector shows; it is not speed.",
  experiment: {
    surface: "bowl",
    start: [10, 1],
    steps: 100,
    tolerance: 0.01,
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.1 } },
      { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.1 } },
    ],
  },
  claims: [
    setting("start.0", "10"),
    setting("start.1", "1"),
    setting("steps", "100"),
    setting("runs.adam.optimizer.lr", "0.1"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "sgd", metric: "stepsToTolerance", shown: "66" },
    { kind: "status", run: "sgd", is: "converged" },
    { kind: "never", run: "adam" },
    { kind: "metric", run: "adam", metric: "x", shown: "2.24" },
    { kind: "metric", run: "adam", metric: "finalLoss", shown: "2.52" },
    { kind: "metric", run: "adam", metric: "ySignChanges", shown: "6" },
  ],
});
