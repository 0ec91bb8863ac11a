import { defineOptimizer } from "./chain";
import { lr } from "./specs";
import { descend } from "./transforms/descend";
import { firstMoment } from "./transforms/moments";

/**
 * The seeds' "heavy ball" written as an exponential moving average (seed 003, "Escape the trap"):
 * v ← βv + (1−β)g, x ← x − ηv. Unlike torch's SGD momentum the gradient is damped by (1−β).
 */
export const emaMomentum = defineOptimizer({
  name: "emaMomentum",
  displayName: "EMA momentum",
  cite: "seed 003 (momentum as an exponential moving average)",
  lr: lr(0.1),
  chain: [
    firstMoment("beta", { kind: "number", label: "Beta", symbol: "\\beta", default: 0.9, min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0, 0.999] }, "v"),
    descend,
  ],
  order: ["lr", "beta"],
});
