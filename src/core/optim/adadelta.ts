import { defineOptimizer } from "./chain";
import { eps, lr, weightDecay } from "./specs";
import { adadeltaRatio } from "./transforms/adaptive";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";

/** torch.optim.Adadelta (Zeiler 2012), with PyTorch's extra lr factor. */
export const adadelta = defineOptimizer({
  name: "adadelta",
  displayName: "Adadelta",
  cite: "torch.optim.Adadelta; Zeiler 2012",
  lr: lr(1),
  chain: [
    coupledL2(weightDecay()),
    adadeltaRatio({ kind: "number", label: "Rho", symbol: "\\rho", default: 0.9, min: 0, max: 1, scale: "linear", slider: [0.5, 0.999] }, eps(1e-6)),
    descend,
  ],
  order: ["lr", "rho", "eps", "weightDecay"],
});
