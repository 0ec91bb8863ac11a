import type { OptimizerDef } from "./types";
import { addL2, beta1, beta2, eps, lr, weightDecay } from "./specs";

export interface AdamaxParams { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }

/** torch.optim.Adamax (Kingma & Ba 2015, §7.1): the infinity-norm variant of Adam. */
export const adamax: OptimizerDef<AdamaxParams> = {
  name: "adamax",
  displayName: "Adamax",
  cite: "torch.optim.Adamax; Kingma & Ba 2015 §7.1",
  params: { lr: lr(2e-3), beta1: beta1(), beta2: beta2(), eps: eps(1e-8), weightDecay: weightDecay() },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t \\
u_t &\leftarrow \max(\beta_2 u_{t-1},\ |g_t| + \epsilon) \\
x_t &\leftarrow x_{t-1} - \frac{\eta_t}{1-\beta_1^t}\, \frac{m_t}{u_t}`,
  create(p, dim) {
    const m = new Float64Array(dim);
    const u = new Float64Array(dim);
    const { beta1: b1, beta2: b2 } = p;
    let t = 0;
    return {
      step(x, g, eta) {
        t++;
        addL2(g, x, p.weightDecay);
        const clr = eta / (1 - Math.pow(b1, t));
        for (let i = 0; i < dim; i++) {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + p.eps);
          x[i] -= (clr * m[i]) / u[i];
        }
      },
    };
  },
};
