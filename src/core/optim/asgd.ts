import { defineOptimizer } from "./chain";
import { lr, weightDecay } from "./specs";
import { asgdDecay, polyakAverage } from "./transforms/asgd";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";

/**
 * torch.optim.ASGD (Polyak & Juditsky 1992) as current PyTorch runs it. The trajectory
 * shown is the iterate x; the average x̄ (PyTorch's `ax`) is kept in the state only, so
 * its start t₀ stays in the experiment (PyTorch fidelity) but gets no control in the app.
 */
export const asgd = defineOptimizer({
  name: "asgd",
  displayName: "ASGD",
  cite: "torch.optim.ASGD; Polyak & Juditsky 1992",
  lr: lr(0.01),
  chain: [
    coupledL2(weightDecay()),
    asgdDecay(
      { kind: "number", label: "Lambda", symbol: "\\lambda_d", default: 1e-4, min: 0, scale: "log", slider: [1e-6, 1] },
      { kind: "number", label: "Alpha", symbol: "\\alpha", default: 0.75, min: 0, scale: "linear", slider: [0, 1] },
    ),
    descend,
    polyakAverage({ kind: "number", label: "Averaging start", symbol: "t_0", default: 1e6, min: 0, scale: "log", slider: [1, 1e6], control: false }),
  ],
  order: ["lr", "lambd", "alpha", "t0", "weightDecay"],
});
