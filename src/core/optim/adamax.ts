import { defineOptimizer } from "./chain";
import { beta1, beta2, eps, lr, weightDecay } from "./specs";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { firstMoment, firstMomentCorrection, infinityNorm } from "./transforms/moments";

const b1 = beta1();

/** torch.optim.Adamax (Kingma & Ba 2015, §7.1): Adam with the infinity norm as denominator. */
export const adamax = defineOptimizer({
  name: "adamax",
  displayName: "Adamax",
  cite: "torch.optim.Adamax; Kingma & Ba 2015 §7.1",
  lr: lr(2e-3),
  chain: [coupledL2(weightDecay()), firstMoment("beta1", b1), infinityNorm(beta2(), eps(1e-8)), firstMomentCorrection(b1), descend],
  order: ["lr", "beta1", "beta2", "eps", "weightDecay"],
});
