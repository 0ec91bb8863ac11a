import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 003's batch-size exercise: one SGD on the linear-regression data surface at four batch sizes. */
export const miniBatchNoise = definePreset({
  id: "mini-batch-noise",
  title: "Mini-batch noise",
  caption:
    "Seed 003's batch-size exercise on a line fitted to 256 noisy points: plain SGD at lr 0.05 from one start, on the full batch and on mini-batches of 64, 16 and 1 examples, each drawn from the run's own seeded stream. All four head for the least-squares weights (2.019, −0.995), but the smaller the batch, the noisier the step: the paths are 3.54 long on the full batch, 6.21 at 64, 9.51 at 16 and 26.7 at 1. After 400 steps the full batch sits exactly on the minimum, batch 64 ends 0.007 from it, and batch 1 is still 0.12 away, having moved 0.40 over the last tenth of the race. The gradient-variance panel under the others shows why: the variance of a batch's gradient falls with its size, to nothing at the full batch.",
  experiment: {
    surface: "linearRegression",
    steps: 400,
    tolerance: 0.01,
    runs: [
      { id: "full", label: "Full batch", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.05 }, batchSize: 256 },
      { id: "b64", label: "Batch 64", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.05 }, batchSize: 64, batchSeed: 1 },
      { id: "b16", label: "Batch 16", color: PALETTE[2], optimizer: { name: "sgd", lr: 0.05 }, batchSize: 16, batchSeed: 1 },
      { id: "b1", label: "Batch 1", color: PALETTE[3], optimizer: { name: "sgd", lr: 0.05 }, batchSize: 1, batchSeed: 1 },
    ],
  },
  claims: [
    // A batch of all 256 examples is the full gradient.
    setting("runs.full.batchSize", "256"),
    setting("runs.full.optimizer.lr", "0.05"),
    setting("runs.b1.optimizer.lr", "0.05"),
    setting("runs.b64.batchSize", "64"),
    setting("runs.b16.batchSize", "16"),
    setting("runs.b1.batchSize", "1"),
    { kind: "minimum", coord: 0, shown: "2.019" },
    { kind: "minimum", coord: 1, shown: "−0.995" },
    { kind: "metric", run: "full", metric: "pathLength", shown: "3.54" },
    { kind: "metric", run: "b64", metric: "pathLength", shown: "6.21" },
    { kind: "metric", run: "b16", metric: "pathLength", shown: "9.51" },
    { kind: "metric", run: "b1", metric: "pathLength", shown: "26.7" },
    setting("steps", "400"),
    { kind: "status", run: "full", is: "converged" },
    { kind: "metric", run: "full", metric: "distance", below: 1e-9 },
    { kind: "metric", run: "full", metric: "drift", below: 1e-9 },
    { kind: "metric", run: "b64", metric: "distance", shown: "0.007" },
    { kind: "metric", run: "b1", metric: "distance", shown: "0.12" },
    { kind: "status", run: "b1", is: "finished" },
    { kind: "metric", run: "b1", metric: "drift", shown: "0.40" },
  ],
});
