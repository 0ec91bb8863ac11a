import { defineOptimizer } from "./chain";
import { beta1, beta2, eps, lr, weightDecay } from "./specs";
import { radamStep } from "./transforms/adamVariants";
import { coupledL2 } from "./transforms/decay";
import { firstMoment, secondMoment } from "./transforms/moments";

const b1 = beta1();
const b2 = beta2();

/** torch.optim.RAdam (Liu et al. 2020): the variance rectification switches on once ρ_t > 5. */
export const radam = defineOptimizer({
  name: "radam",
  displayName: "RAdam",
  cite: "torch.optim.RAdam; Liu et al. 2020",
  lr: lr(1e-3),
  chain: [coupledL2(weightDecay()), firstMoment("beta1", b1), secondMoment("beta2", b2), radamStep({ beta1: b1, beta2: b2, eps: eps(1e-8) })],
  order: ["lr", "beta1", "beta2", "eps", "weightDecay"],
});
