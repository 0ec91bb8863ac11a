import type { OptimizerDef } from "./types";
import { addL2, eps, lr, weightDecay } from "./specs";

export interface AdagradParams { lr: number; lrDecay: number; weightDecay: number; initialAccumulatorValue: number; eps: number }

/** torch.optim.Adagrad (Duchi et al. 2011). */
export const adagrad: OptimizerDef<AdagradParams> = {
  name: "adagrad",
  displayName: "AdaGrad",
  cite: "torch.optim.Adagrad; Duchi, Hazan & Singer 2011",
  params: {
    lr: lr(0.01),
    lrDecay: { kind: "number", label: "Learning rate decay", symbol: "\\kappa", default: 0, min: 0, scale: "log", slider: [1e-6, 1] },
    weightDecay: weightDecay(),
    initialAccumulatorValue: { kind: "number", label: "Initial accumulator", symbol: "s_0", default: 0, min: 0, scale: "linear", slider: [0, 1] },
    eps: eps(1e-10),
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_t) + \lambda x_t \\
\tilde\eta_t &\leftarrow \eta_t / (1 + t\kappa) \\
s_{t+1} &\leftarrow s_t + g_t^2 \\
x_{t+1} &\leftarrow x_t - \tilde\eta_t\, \frac{g_t}{\sqrt{s_{t+1}} + \epsilon}`,
  create(p, dim) {
    const sum = new Float64Array(dim).fill(p.initialAccumulatorValue);
    let t = 0;
    return {
      step(x, g, eta) {
        addL2(g, x, p.weightDecay);
        const clr = eta / (1 + t * p.lrDecay);
        t++;
        for (let i = 0; i < dim; i++) {
          sum[i] += g[i] * g[i];
          x[i] -= (clr * g[i]) / (Math.sqrt(sum[i]) + p.eps);
        }
      },
    };
  },
};
