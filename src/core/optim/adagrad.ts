import { defineOptimizer } from "./chain";
import { eps, lr, weightDecay } from "./specs";
import { accumulateSquares, lrDecay } from "./transforms/adaptive";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";

/** torch.optim.Adagrad (Duchi, Hazan & Singer 2011). */
export const adagrad = defineOptimizer({
  name: "adagrad",
  displayName: "AdaGrad",
  cite: "torch.optim.Adagrad; Duchi, Hazan & Singer 2011",
  lr: lr(0.01),
  chain: [
    coupledL2(weightDecay()),
    lrDecay({ kind: "number", label: "Learning rate decay", symbol: "\\kappa", default: 0, min: 0, scale: "log", slider: [1e-6, 1] }),
    accumulateSquares({ kind: "number", label: "Initial accumulator", symbol: "s_0", default: 0, min: 0, scale: "linear", slider: [0, 1] }, eps(1e-10)),
    descend,
  ],
  order: ["lr", "lrDecay", "weightDecay", "initialAccumulatorValue", "eps"],
});
