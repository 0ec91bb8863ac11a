import type { OptimizerDef } from "./types";
import { addL2, flag, lr, momentum, weightDecay } from "./specs";

export interface SgdParams { lr: number; momentum: number; dampening: number; nesterov: boolean; weightDecay: number }

/** torch.optim.SGD: the momentum buffer starts as the first gradient (no dampening on step 1). */
export const sgd: OptimizerDef<SgdParams> = {
  name: "sgd",
  displayName: "SGD",
  cite: "torch.optim.SGD (Sutskever et al. 2013 momentum form)",
  params: {
    lr: lr(0.01),
    momentum: momentum(0),
    dampening: { kind: "number", label: "Dampening", symbol: "\\tau", default: 0, min: 0, max: 1, scale: "linear", slider: [0, 1] },
    nesterov: flag("Nesterov"),
    weightDecay: weightDecay(),
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t}) + \lambda x_{t} \\
b_t &\leftarrow \begin{cases} g_t & t = 0 \\ \mu b_{t-1} + (1-\tau) g_t & t > 0 \end{cases} \\
d_t &\leftarrow \begin{cases} g_t + \mu b_t & \text{Nesterov} \\ b_t & \text{otherwise} \end{cases} \quad (d_t = g_t \text{ if } \mu = 0) \\
x_{t+1} &\leftarrow x_t - \eta_t\, d_t`,
  create(p, dim) {
    const buf = new Float64Array(dim);
    let started = false;
    const { momentum: mu, dampening, nesterov, weightDecay: wd } = p;
    return {
      step(x, g, eta) {
        addL2(g, x, wd);
        if (mu !== 0) {
          for (let i = 0; i < dim; i++) {
            buf[i] = started ? mu * buf[i] + (1 - dampening) * g[i] : g[i];
            g[i] = nesterov ? g[i] + mu * buf[i] : buf[i];
          }
          started = true;
        }
        for (let i = 0; i < dim; i++) x[i] -= eta * g[i];
      },
    };
  },
};
