import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 001's AdamW against Adam + L2: the same decay coefficient, added before or after Adam's scaling. */
export const adamwVersusL2 = definePreset({
  id: "adamw-versus-l2",
  title: "AdamW versus Adam + L2",
  caption:
    "Seeds 001 and 003 say AdamW decouples weight decay from Adam's adaptive step; here is what that changes. Three Adam runs at lr 0.1 for 1000 steps from the origin toward the minimum at x = 5: no decay; L2 decay of 0.1 (PyTorch Adam's weight_decay, added to the gradient before the scaling); and AdamW's decoupled decay of 0.1, subtracted from the weights after it. Without decay Adam reaches the minimum (within 0.01 at step 86). Adam + L2 stops at x = 4.76, where the penalty's pull balances the slope. AdamW stops at x = 4.64: the same coefficient acts with a different strength once it bypasses Adam's normalisation, so the two are not interchangeable.",
  experiment: {
    surface: "quadratic",
    start: [0, 0],
    steps: 1000,
    tolerance: 0.01,
    runs: [
      { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.1 } },
      { id: "adamL2", label: "Adam + L2", color: PALETTE[1], optimizer: { name: "adam", lr: 0.1, weightDecay: 0.1 } },
      { id: "adamw", label: "AdamW", color: PALETTE[3], optimizer: { name: "adamw", lr: 0.1, weightDecay: 0.1 } },
    ],
  },
  claims: [
    { kind: "minimum", coord: 0, shown: "5" },
    setting("runs.adam.optimizer.lr", "0.1"),
    setting("steps", "1000"),
    setting("runs.adamL2.optimizer.weightDecay", "0.1"),
    setting("runs.adamw.optimizer.weightDecay", "0.1"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "adam", metric: "stepsToTolerance", shown: "86" },
    { kind: "status", run: "adam", is: "converged" },
    { kind: "metric", run: "adamL2", metric: "x", shown: "4.76" },
    { kind: "metric", run: "adamw", metric: "x", shown: "4.64" },
  ],
});
