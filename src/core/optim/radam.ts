import type { OptimizerDef } from "./types";
import { addL2, beta1, beta2, eps, lr, weightDecay } from "./specs";

export interface RadamParams { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }

/** torch.optim.RAdam (Liu et al. 2020): the variance rectification switches on once ρ_t > 5. */
export const radam: OptimizerDef<RadamParams> = {
  name: "radam",
  displayName: "RAdam",
  cite: "torch.optim.RAdam; Liu et al. 2020",
  params: { lr: lr(1e-3), beta1: beta1(), beta2: beta2(), eps: eps(1e-8), weightDecay: weightDecay() },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t, \quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
\rho_\infty &= \tfrac{2}{1-\beta_2} - 1, \quad \rho_t \leftarrow \rho_\infty - \tfrac{2t\beta_2^t}{1-\beta_2^t} \\
x_t &\leftarrow x_{t-1} - \eta_t \frac{m_t}{1-\beta_1^t} \cdot \begin{cases} r_t \dfrac{\sqrt{1-\beta_2^t}}{\sqrt{v_t} + \epsilon} & \rho_t > 5 \\ 1 & \text{otherwise} \end{cases} \\
r_t &= \sqrt{\tfrac{(\rho_t-4)(\rho_t-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_t}}`,
  create(p, dim) {
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const { beta1: b1, beta2: b2 } = p;
    const rhoInf = 2 / (1 - b2) - 1;
    let t = 0;
    return {
      step(x, g, eta) {
        t++;
        addL2(g, x, p.weightDecay);
        const bc1 = 1 - Math.pow(b1, t);
        const b2t = Math.pow(b2, t);
        const bc2 = 1 - b2t;
        const rhoT = rhoInf - (2 * t * b2t) / bc2;
        const rect = rhoT > 5 ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        for (let i = 0; i < dim; i++) {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          const mHat = m[i] / bc1;
          if (rhoT > 5) x[i] -= mHat * eta * (Math.sqrt(bc2) / (Math.sqrt(v[i]) + p.eps)) * rect;
          else x[i] -= mHat * eta;
        }
      },
    };
  },
};
