import { defineOptimizer } from "./chain";
import { lr, momentum } from "./specs";
import { descend } from "./transforms/descend";
import { lookAheadVelocity } from "./transforms/momentum";

/** Nesterov's accelerated gradient in the look-ahead form of seed 000 (Nesterov 1983, Sutskever et al. 2013). */
export const nag = defineOptimizer({
  name: "nag",
  displayName: "NAG (look-ahead)",
  cite: "seed 000; Nesterov 1983, Sutskever et al. 2013",
  lr: lr(0.01),
  chain: [lookAheadVelocity(momentum(0.9, "\\gamma")), descend],
  order: ["lr", "momentum"],
});
