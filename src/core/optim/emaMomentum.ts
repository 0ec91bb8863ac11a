import type { OptimizerDef } from "./types";
import { lr } from "./specs";

export interface EmaMomentumParams { lr: number; beta: number }

/**
 * The seeds' "heavy ball" written as an exponential moving average (seed 003, "Escape the trap"):
 * v ← βv + (1−β)g, x ← x − ηv, v₀ = 0. Unlike torch's SGD momentum the gradient is damped by (1−β).
 */
export const emaMomentum: OptimizerDef<EmaMomentumParams> = {
  name: "emaMomentum",
  displayName: "EMA momentum",
  cite: "seed 003 (momentum as an exponential moving average)",
  params: {
    lr: lr(0.1),
    beta: { kind: "number", label: "Beta", symbol: "\\beta", default: 0.9, min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0, 0.999] },
  },
  latex: String.raw`
v_t &\leftarrow \beta v_{t-1} + (1-\beta)\nabla f(x_{t-1}), \quad v_0 = 0 \\
x_t &\leftarrow x_{t-1} - \eta_t v_t`,
  create(p, dim) {
    const v = new Float64Array(dim);
    return {
      step(x, g, eta) {
        for (let i = 0; i < dim; i++) {
          v[i] = p.beta * v[i] + (1 - p.beta) * g[i];
          x[i] -= eta * v[i];
        }
      },
    };
  },
};
