import { defineOptimizer } from "./chain";
import { lr } from "./specs";
import { descend } from "./transforms/descend";
import { rpropStepSizes } from "./transforms/sign";

/** torch.optim.Rprop (Riedmiller & Braun 1993, the iRprop⁻ variant PyTorch runs). */
export const rprop = defineOptimizer({
  name: "rprop",
  displayName: "Rprop",
  cite: "torch.optim.Rprop; Riedmiller & Braun 1993",
  lr: lr(0.01),
  chain: [
    rpropStepSizes({
      etaMinus: { kind: "number", label: "Eta minus", symbol: "\\eta_-", default: 0.5, min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: "linear", slider: [0.05, 0.95] },
      etaPlus: { kind: "number", label: "Eta plus", symbol: "\\eta_+", default: 1.2, min: 1, minExclusive: true, scale: "linear", slider: [1.01, 3] },
      stepSizeMin: { kind: "number", label: "Minimum step size", symbol: "\\Gamma_{\\min}", default: 1e-6, min: 0, atMost: "stepSizeMax", scale: "log", slider: [1e-9, 1] },
      stepSizeMax: { kind: "number", label: "Maximum step size", symbol: "\\Gamma_{\\max}", default: 50, min: 0, minExclusive: true, scale: "log", slider: [1e-3, 100] },
    }),
    descend,
  ],
  order: ["lr", "etaMinus", "etaPlus", "stepSizeMin", "stepSizeMax"],
});
