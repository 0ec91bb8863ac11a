import { defineOptimizer } from "./chain";
import { beta1, beta2, lr, weightDecay } from "./specs";
import { decoupledDecay } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { lionSign } from "./transforms/sign";

/** Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2), decoupled decay. */
export const lion = defineOptimizer({
  name: "lion",
  displayName: "Lion",
  cite: "Chen et al. 2023, Algorithm 2",
  lr: lr(1e-4),
  chain: [decoupledDecay(weightDecay()), lionSign(beta1(0.9), beta2(0.99)), descend],
  order: ["lr", "beta1", "beta2", "weightDecay"],
});
