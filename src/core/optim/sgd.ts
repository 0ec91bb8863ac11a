import type { NumberParam } from "../params";
import { defineOptimizer } from "./chain";
import { flag, lr, momentum, weightDecay } from "./specs";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { sgdMomentum } from "./transforms/momentum";

const dampening: NumberParam = { kind: "number", label: "Dampening", symbol: "\\tau", default: 0, min: 0, max: 1, scale: "linear", slider: [0, 1] };

/** torch.optim.SGD: the momentum buffer starts as the first gradient (no dampening on step 0). */
export const sgd = defineOptimizer({
  name: "sgd",
  displayName: "SGD",
  cite: "torch.optim.SGD (Sutskever et al. 2013 momentum form)",
  lr: lr(0.01),
  chain: [coupledL2(weightDecay()), sgdMomentum(momentum(0), dampening, flag("Nesterov")), descend],
  order: ["lr", "momentum", "dampening", "nesterov", "weightDecay"],
});
