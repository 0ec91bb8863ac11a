import type { OptimizerDef } from "./types";
import { addL2, eps, lr, weightDecay } from "./specs";

export interface AdadeltaParams { lr: number; rho: number; eps: number; weightDecay: number }

/** torch.optim.Adadelta (Zeiler 2012), with PyTorch's extra lr factor. */
export const adadelta: OptimizerDef<AdadeltaParams> = {
  name: "adadelta",
  displayName: "Adadelta",
  cite: "torch.optim.Adadelta; Zeiler 2012",
  params: {
    lr: lr(1),
    rho: { kind: "number", label: "Rho", symbol: "\\rho", default: 0.9, min: 0, max: 1, scale: "linear", slider: [0.5, 0.999] },
    eps: eps(1e-6),
    weightDecay: weightDecay(),
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\
v_t &\leftarrow \rho v_{t-1} + (1-\rho) g_t^2 \\
\Delta x_t &\leftarrow \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\, g_t \\
u_t &\leftarrow \rho u_{t-1} + (1-\rho) \Delta x_t^2 \\
x_t &\leftarrow x_{t-1} - \eta_t \Delta x_t`,
  create(p, dim) {
    const v = new Float64Array(dim);
    const u = new Float64Array(dim);
    const { rho } = p;
    return {
      step(x, g, eta) {
        addL2(g, x, p.weightDecay);
        for (let i = 0; i < dim; i++) {
          v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
          const delta = (Math.sqrt(u[i] + p.eps) / Math.sqrt(v[i] + p.eps)) * g[i];
          u[i] = rho * u[i] + (1 - rho) * delta * delta;
          x[i] -= eta * delta;
        }
      },
    };
  },
};
