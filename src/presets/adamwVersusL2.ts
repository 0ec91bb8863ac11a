import { PALETTE } from "../state/palette";
import { definePreset, setting } from "./definePreset";

/** Seed 001's AdamW against Adam + L2: the same decay coefficient, added before or after Adam's scaling. */
export const adamwVersusL2 = definePreset({
  id: "adamw-versus-l2",
  title: "AdamW versus Adam + L2",
  caption:
    "Seeds 001 and 003 say AdamW decouples weight decay from Adam's adaptive step; here is what that changes. Three Adam runs at lr 0.1 for 5000 steps from the origin toward the minimum at x = 5: no decay; L2 decay of 0.5 (PyTorch Adam's weight_decay, added to the gradient before Adam scales it); and AdamW's decoupled decay of 0.5, subtracted from the weights after the scaled step. Without decay Adam reaches the minimum, within 0.01 at step 86. Adam + L2 settles at x = 4.00, the minimum of the loss plus the penalty. AdamW settles at x = 2.00, where the decay's pull equals Adam's normalised step, whose size no longer depends on the slope: the same coefficient, a different answer. (The coefficient is large so the gap is plain to see.)",
  experiment: {
    surface: "quadratic",
    start: [0, 0],
    steps: 5000,
    tolerance: 0.01,
    runs: [
      { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.1 } },
      { id: "adamL2", label: "Adam + L2", color: PALETTE[1], optimizer: { name: "adam", lr: 0.1, weightDecay: 0.5 } },
      { id: "adamw", label: "AdamW", color: PALETTE[3], optimizer: { name: "adamw", lr: 0.1, weightDecay: 0.5 } },
    ],
  },
  claims: [
    { kind: "minimum", coord: 0, shown: "5" },
    setting("runs.adam.optimizer.lr", "0.1"),
    setting("steps", "5000"),
    setting("runs.adamL2.optimizer.weightDecay", "0.5"),
    setting("runs.adamw.optimizer.weightDecay", "0.5"),
    setting("tolerance", "0.01"),
    { kind: "metric", run: "adam", metric: "stepsToTolerance", shown: "86" },
    { kind: "status", run: "adam", is: "converged" },
    { kind: "metric", run: "adamL2", metric: "x", shown: "4.00" },
    { kind: "metric", run: "adamw", metric: "x", shown: "2.00" },
    // "Settles": neither moves more than 0.01 over the last 500 steps.
    { kind: "metric", run: "adamL2", metric: "drift", below: 0.01 },
    { kind: "metric", run: "adamw", metric: "drift", below: 0.01 },
  ],
});
