import { defineOptimizer } from "./chain";
import { beta1, beta2, eps, lr, weightDecay } from "./specs";
import { nadamStep } from "./transforms/adamVariants";
import { coupledL2 } from "./transforms/decay";
import { firstMoment, secondMoment } from "./transforms/moments";

const b1 = beta1();
const b2 = beta2();

/** torch.optim.NAdam as in current PyTorch (Dozat 2016 with the momentum-decay schedule, after pytorch#92699). */
export const nadam = defineOptimizer({
  name: "nadam",
  displayName: "NAdam",
  cite: "torch.optim.NAdam (current, after pytorch#92699); Dozat 2016",
  lr: lr(2e-3),
  chain: [
    coupledL2(weightDecay()),
    firstMoment("beta1", b1),
    secondMoment("beta2", b2),
    nadamStep({
      beta1: b1,
      beta2: b2,
      eps: eps(1e-8),
      momentumDecay: { kind: "number", label: "Momentum decay", symbol: "\\psi", default: 4e-3, min: 0, scale: "log", slider: [1e-5, 1] },
    }),
  ],
  order: ["lr", "beta1", "beta2", "eps", "weightDecay", "momentumDecay"],
});
