import type { OptimizerDef } from "./types";
import { addL2, lr, weightDecay } from "./specs";

export interface AsgdParams { lr: number; lambd: number; alpha: number; t0: number; weightDecay: number }

/**
 * torch.optim.ASGD (Polyak & Juditsky 1992) as current PyTorch runs it: η starts at the
 * lr of the first step, then η_t = lr/(1 + λ·lr·t)^α with lr the group's lr at that step.
 * The trajectory shown is the iterate x, not the running average (which PyTorch keeps in `ax`).
 */
export const asgd: OptimizerDef<AsgdParams> = {
  name: "asgd",
  displayName: "ASGD",
  cite: "torch.optim.ASGD; Polyak & Juditsky 1992",
  params: {
    lr: lr(0.01),
    lambd: { kind: "number", label: "Lambda", symbol: "\\lambda_d", default: 1e-4, min: 0, scale: "log", slider: [1e-6, 1] },
    alpha: { kind: "number", label: "Alpha", symbol: "\\alpha", default: 0.75, min: 0, scale: "linear", slider: [0, 1] },
    t0: { kind: "number", label: "Averaging start", symbol: "t_0", default: 1e6, min: 0, scale: "log", slider: [1, 1e6] },
    weightDecay: weightDecay(),
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\
x_t &\leftarrow x_{t-1}(1 - \lambda_d \tilde\eta_{t}) - \tilde\eta_{t}\, g_t \\
\tilde\eta_{t+1} &\leftarrow \eta_t / (1 + \lambda_d \eta_t t)^{\alpha}, \quad \tilde\eta_1 = \eta_1`,
  create(p, dim) {
    let t = 0;
    let etaT = NaN;
    return {
      step(x, g, eta) {
        if (t === 0) etaT = eta;
        t++;
        addL2(g, x, p.weightDecay);
        const decay = 1 - p.lambd * etaT;
        for (let i = 0; i < dim; i++) {
          x[i] *= decay;
          x[i] -= etaT * g[i];
        }
        etaT = eta / Math.pow(1 + p.lambd * eta * t, p.alpha);
      },
    };
  },
};
