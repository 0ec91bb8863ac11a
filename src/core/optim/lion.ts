import type { OptimizerDef } from "./types";
import { beta1, beta2, decayWeights, lr, weightDecay } from "./specs";

export interface LionParams { lr: number; beta1: number; beta2: number; weightDecay: number }

/** Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), decoupled decay. */
export const lion: OptimizerDef<LionParams> = {
  name: "lion",
  displayName: "Lion",
  cite: "Chen et al. 2023, Algorithm 2",
  params: { lr: lr(1e-4), beta1: beta1(0.9), beta2: beta2(0.99), weightDecay: weightDecay() },
  latex: String.raw`
c_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t \\
x_t &\leftarrow x_{t-1}(1 - \eta_t\lambda) - \eta_t \operatorname{sign}(c_t) \\
m_t &\leftarrow \beta_2 m_{t-1} + (1-\beta_2) g_t`,
  create(p, dim) {
    const m = new Float64Array(dim);
    const { beta1: b1, beta2: b2 } = p;
    return {
      step(x, g, eta) {
        decayWeights(x, eta, p.weightDecay);
        for (let i = 0; i < dim; i++) {
          x[i] -= eta * Math.sign(b1 * m[i] + (1 - b1) * g[i]);
          m[i] = b2 * m[i] + (1 - b2) * g[i];
        }
      },
    };
  },
};
