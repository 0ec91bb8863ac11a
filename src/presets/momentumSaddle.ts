import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 001's saddle-point claim on x² − y²: how long each run lingers before it leaves. */
export const momentumSaddle = definePreset({
  id: "momentum-saddle",
  title: "Momentum and the saddle",
  caption:
    "Seed 001: near a saddle the gradient is tiny, so gradient descent lingers, and momentum builds velocity to escape. Both runs start almost on the ridge, at (−1.5, 0.05), and are first pulled toward the saddle point at (0, 0). Gradient descent at lr 0.01 leaves the picture (|y| beyond 2) only at step 187; with momentum 0.9 at the same lr the run is out by step 40. The surface has no minimum, so both then run off to infinity and end diverged, at steps 849 and 169.",
  experiment: {
    surface: "saddle",
    start: [-1.5, 0.05],
    steps: 1000,
    view: { x: [-2, 2], y: [-2, 2] },
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.01 } },
      { id: "momentum", label: "Momentum", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.01, momentum: 0.9 } },
    ],
  },
  claims: [
    setting("start.0", "−1.5"),
    setting("start.1", "0.05"),
    { kind: "minimum", coord: 0, of: "saddle", shown: "0" },
    setting("runs.sgd.optimizer.lr", "0.01"),
    setting("view.y.1", "2"),
    { kind: "metric", run: "sgd", metric: "leavesView", shown: "187" },
    setting("runs.momentum.optimizer.momentum", "0.9"),
    { kind: "metric", run: "momentum", metric: "leavesView", shown: "40" },
    { kind: "status", run: "sgd", is: "diverged" },
    { kind: "status", run: "momentum", is: "diverged" },
    { kind: "metric", run: "sgd", metric: "steps", shown: "849" },
    { kind: "metric", run: "momentum", metric: "steps", shown: "169" },
  ],
});
