import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 001's ravine (condition number 50): SGD near its stability limit against Adam. */
export const ravine = definePreset({
  id: "ravine",
  title: "Ravine: SGD zig-zags, Adam goes straight",
  caption:
    "Seed 001's ravine, fifty times steeper across than along, from (−4, 0.8) for 300 steps. Gradient descent at lr 0.019, just inside the rate at which the steep direction would blow up, overshoots the floor on every step: its y changes sign 300 times in 300 steps, the zig-zag of the seed's figure, while its x creeps along. It comes within 0.01 of the minimum at step 155 after a path of 16.4. Adam at lr 0.1 scales each coordinate by its own gradient history, so the steep direction gets small steps: it crosses the floor 26 times, arrives at step 105, and travels 4.69.",
  experiment: {
    surface: "ravine",
    start: [-4, 0.8],
    steps: 300,
    tolerance: 0.01,
    runs: [
      { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.019 } },
      { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.1 } },
    ],
  },
  claims: [
    setting("start.0", "−4"),
    setting("start.1", "0.8"),
    setting("steps", "300"),
    setting("runs.sgd.optimizer.lr", "0.019"),
    setting("runs.adam.optimizer.lr", "0.1"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "sgd", metric: "ySignChanges", shown: "300" },
    { kind: "metric", run: "sgd", metric: "stepsToTolerance", shown: "155" },
    { kind: "metric", run: "sgd", metric: "pathLength", shown: "16.4" },
    { kind: "metric", run: "adam", metric: "ySignChanges", shown: "26" },
    { kind: "metric", run: "adam", metric: "stepsToTolerance", shown: "105" },
    { kind: "metric", run: "adam", metric: "pathLength", shown: "4.69" },
    { kind: "sooner", run: "adam", than: "sgd" },
  ],
});
