import type { OptimizerDef } from "./types";
import { addL2, eps, flag, lr, momentum, weightDecay } from "./specs";

export interface RmspropParams { lr: number; alpha: number; eps: number; weightDecay: number; momentum: number; centered: boolean }

/** torch.optim.RMSprop (Hinton's lecture 6e; centered variant from Graves 2013). */
export const rmsprop: OptimizerDef<RmspropParams> = {
  name: "rmsprop",
  displayName: "RMSprop",
  cite: "torch.optim.RMSprop; Tieleman & Hinton 2012, Graves 2013 (centered)",
  params: {
    lr: lr(0.01),
    alpha: { kind: "number", label: "Alpha", symbol: "\\alpha", default: 0.99, min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0.5, 0.999] },
    eps: eps(1e-8),
    weightDecay: weightDecay(),
    momentum: momentum(0),
    centered: flag("Centered"),
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_t) + \lambda x_t \\
v_{t+1} &\leftarrow \alpha v_t + (1-\alpha) g_t^2, \quad \bar g_{t+1} \leftarrow \alpha \bar g_t + (1-\alpha) g_t \ (\text{centered}) \\
\sigma_t &\leftarrow \sqrt{v_{t+1} - [\text{centered}]\, \bar g_{t+1}^2} + \epsilon \\
b_{t+1} &\leftarrow \mu b_t + g_t/\sigma_t, \quad x_{t+1} \leftarrow x_t - \eta_t b_{t+1} \quad (\mu > 0) \\
x_{t+1} &\leftarrow x_t - \eta_t\, g_t / \sigma_t \quad (\mu = 0)`,
  create(p, dim) {
    const sq = new Float64Array(dim);
    const gAvg = new Float64Array(dim);
    const buf = new Float64Array(dim);
    const { alpha, momentum: mu, centered } = p;
    return {
      step(x, g, eta) {
        addL2(g, x, p.weightDecay);
        for (let i = 0; i < dim; i++) {
          sq[i] = alpha * sq[i] + (1 - alpha) * g[i] * g[i];
          let avg: number;
          if (centered) {
            gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g[i];
            avg = Math.sqrt(sq[i] - gAvg[i] * gAvg[i]) + p.eps;
          } else avg = Math.sqrt(sq[i]) + p.eps;
          if (mu > 0) {
            buf[i] = mu * buf[i] + g[i] / avg;
            x[i] -= eta * buf[i];
          } else x[i] -= (eta * g[i]) / avg;
        }
      },
    };
  },
};
