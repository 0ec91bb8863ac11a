import type { OptimizerDef } from "./types";
import { lr, momentum } from "./specs";

export interface NagParams { lr: number; momentum: number }

/**
 * Nesterov's accelerated gradient in the look-ahead form of seed 000 (Sutskever et al. 2013):
 * the gradient is taken at x − γv, so noise and clipping apply to that look-ahead gradient.
 */
export const nag: OptimizerDef<NagParams> = {
  name: "nag",
  displayName: "NAG (look-ahead)",
  cite: "seed 000; Nesterov 1983, Sutskever et al. 2013",
  params: { lr: lr(0.01), momentum: momentum(0.9, "\\gamma") },
  latex: String.raw`
v_t &\leftarrow \gamma v_{t-1} + \eta_t \nabla f(x_{t-1} - \gamma v_{t-1}), \quad v_0 = 0 \\
x_t &\leftarrow x_{t-1} - v_t`,
  create(p, dim) {
    const v = new Float64Array(dim);
    const gamma = p.momentum;
    return {
      gradientPoint(x, out) {
        for (let i = 0; i < dim; i++) out[i] = x[i] - gamma * v[i];
      },
      step(x, g, eta) {
        for (let i = 0; i < dim; i++) {
          v[i] = gamma * v[i] + eta * g[i];
          x[i] -= v[i];
        }
      },
    };
  },
};
