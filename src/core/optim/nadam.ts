import type { OptimizerDef } from "./types";
import { addL2, beta1, beta2, eps, lr, weightDecay } from "./specs";

export interface NadamParams { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number; momentumDecay: number }

/**
 * torch.optim.NAdam as in current PyTorch (Dozat 2016 with the momentum-decay schedule).
 * PyTorch 1.13 multiplied μ_t twice into the next μ-product; fixed in pytorch/pytorch#92699,
 * which this follows.
 */
export const nadam: OptimizerDef<NadamParams> = {
  name: "nadam",
  displayName: "NAdam",
  cite: "torch.optim.NAdam (current, after pytorch#92699); Dozat 2016",
  params: {
    lr: lr(2e-3), beta1: beta1(), beta2: beta2(), eps: eps(1e-8), weightDecay: weightDecay(),
    momentumDecay: { kind: "number", label: "Momentum decay", symbol: "\\psi", default: 4e-3, min: 0, scale: "log", slider: [1e-5, 1] },
  },
  latex: String.raw`
g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\
\mu_t &\leftarrow \beta_1\big(1 - \tfrac12\, 0.96^{t\psi}\big), \quad \Pi_t \leftarrow \textstyle\prod_{i \le t} \mu_i \\
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t, \quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
x_t &\leftarrow x_{t-1} - \eta_t \frac{(1-\mu_t)/(1-\Pi_t)\, g_t + \mu_{t+1}/(1-\Pi_t\mu_{t+1})\, m_t}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}`,
  create(p, dim) {
    const m = new Float64Array(dim);
    const v = new Float64Array(dim);
    const { beta1: b1, beta2: b2, momentumDecay: psi } = p;
    let t = 0;
    let muProduct = 1;
    return {
      step(x, g, eta) {
        t++;
        addL2(g, x, p.weightDecay);
        const bc2 = 1 - Math.pow(b2, t);
        const mu = b1 * (1 - 0.5 * Math.pow(0.96, t * psi));
        const muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * psi));
        muProduct *= mu;
        const muProductNext = muProduct * muNext;
        const cg = (eta * (1 - mu)) / (1 - muProduct);
        const cm = (eta * muNext) / (1 - muProductNext);
        for (let i = 0; i < dim; i++) {
          m[i] = b1 * m[i] + (1 - b1) * g[i];
          v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
          const denom = Math.sqrt(v[i] / bc2) + p.eps;
          x[i] -= (cg * g[i]) / denom;
          x[i] -= (cm * m[i]) / denom;
        }
      },
    };
  },
};
