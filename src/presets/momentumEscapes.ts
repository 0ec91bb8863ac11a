import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/**
 * What seed 003's trap meant to show, with settings where it holds: from high on the shallow
 * well's outer wall, heavy-ball momentum carries over the hump into the deep well and plain
 * SGD does not (found with `npm run race -- --summary` over starts, lrs and momenta).
 */
export const momentumEscapes = definePreset({
  id: "momentum-escapes",
  title: "Momentum escapes a local minimum",
  caption:
    "The lesson seed 003's trap meant to teach, with settings where it is true. Both runs start on the shallow side, at x = 6, high on the outer wall of the local well whose bottom is at x = 3.79. Plain gradient descent at lr 0.02 rolls into that well and stays: within 0.01 of the local minimum at step 96. Heavy-ball momentum of 0.9 at the same lr keeps the speed it gathered on the way down, carries over the hump at x = 0.17 and settles in the deep, global well at x = −3.95, within 0.01 at step 74. From the seed's own start no escape is needed: see Escape the trap.",
  experiment: {
    surface: "quartic",
    start: [6, 0.5],
    steps: 500,
    tolerance: 0.01,
    view: { x: [-6.5, 6.5], y: [-3, 3] },
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.02 } },
      { id: "momentum", label: "Momentum", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.02, momentum: 0.9 } },
    ],
  },
  claims: [
    setting("start.0", "6"),
    { kind: "minimum", coord: 0, of: "local", shown: "3.79" },
    setting("runs.sgd.optimizer.lr", "0.02"),
    setting("tolerance", "0.01"),
    { kind: "nearest", run: "sgd", is: "local" },
    { kind: "status", run: "sgd", is: "converged" },
    { kind: "metric", run: "sgd", metric: "stepsToTolerance", shown: "96" },
    setting("runs.momentum.optimizer.momentum", "0.9"),
    setting("runs.momentum.optimizer.lr", "0.02"),
    { kind: "minimum", coord: 0, of: "saddle", shown: "0.17" },
    { kind: "nearest", run: "momentum", is: "global" },
    { kind: "status", run: "momentum", is: "converged" },
    { kind: "metric", run: "momentum", metric: "x", shown: "−3.95" },
    { kind: "metric", run: "momentum", metric: "stepsToTolerance", shown: "74" },
  ],
});
