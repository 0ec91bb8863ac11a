import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

const schedule = { name: "warmupCosine", warmupSteps: 100, totalSteps: 1000 };

/** Seed 001's worked table (warmup 100, total 1000, peak 0.001) driving Adam, beside a constant lr. */
export const warmupCosine = definePreset({
  id: "warmup-cosine",
  title: "Warmup + cosine",
  caption:
    "Seed 001's worked example: Adam with a peak lr of 0.001, a linear warmup from 0 over 100 steps, then cosine decay over the rest of 1000 steps. The run's lr is 0.0005 at step 50, the peak 0.001 at step 100, 0.000883 at step 300 and 0.00025 at step 700, the table's values (the lr panel draws the whole curve). On this gentle bowl there is no early instability for the warmup to prevent, so it only costs time: Adam at a constant 0.001 is within 0.01 of the minimum at step 350, the scheduled run at step 490.",
  experiment: {
    surface: "bowl",
    start: [0.2, 0.15],
    steps: 1000,
    tolerance: 0.01,
    runs: [
      { id: "warmupCosine", label: "Adam, warmup + cosine", color: PALETTE[2], optimizer: { name: "adam", lr: 0.001 }, schedule },
      { id: "constant", label: "Adam, constant", color: PALETTE[0], optimizer: { name: "adam", lr: 0.001 } },
    ],
  },
  claims: [
    setting("runs.warmupCosine.optimizer.lr", "0.001"),
    { kind: "lr", run: "warmupCosine", step: 0, shown: "0" },
    setting("runs.warmupCosine.schedule.warmupSteps", "100"),
    setting("steps", "1000"),
    { kind: "lr", run: "warmupCosine", step: 50, shown: "0.0005" },
    { kind: "lr", run: "warmupCosine", step: 100, shown: "0.001" },
    { kind: "lr", run: "warmupCosine", step: 300, shown: "0.000883" },
    { kind: "lr", run: "warmupCosine", step: 700, shown: "0.00025" },
    setting("runs.constant.optimizer.lr", "0.001"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "constant", metric: "stepsToTolerance", shown: "350" },
    { kind: "metric", run: "warmupCosine", metric: "stepsToTolerance", shown: "490" },
    { kind: "sooner", run: "constant", than: "warmupCosine" },
  ],
});
