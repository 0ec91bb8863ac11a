import type { OptimizerDef, OptimizerState } from "./types";
import { addL2, beta1, beta2, decayWeights, eps, flag, lr, weightDecay } from "./specs";

export interface AdamParams { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number; amsgrad: boolean }

/**
 * The Adam step shared by Adam (coupled L2 decay) and AdamW (decoupled decay),
 * with torch.optim.Adam's arithmetic: step size η/(1−β₁ᵗ), denominator
 * √v/√(1−β₂ᵗ) + ε, AMSGrad keeping the running max of v.
 */
function createAdam(p: AdamParams, dim: number, decoupled: boolean): OptimizerState {
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const vMax = new Float64Array(dim);
  const { beta1: b1, beta2: b2, amsgrad } = p;
  let t = 0;
  return {
    inspect: () => ({ t, m, v, vMax }),
    step(x, g, eta) {
      if (decoupled) decayWeights(x, eta, p.weightDecay);
      else addL2(g, x, p.weightDecay);
      t++;
      const stepSize = eta / (1 - Math.pow(b1, t));
      const bc2Sqrt = Math.sqrt(1 - Math.pow(b2, t));
      for (let i = 0; i < dim; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        let second = v[i];
        if (amsgrad) {
          if (v[i] > vMax[i]) vMax[i] = v[i];
          second = vMax[i];
        }
        x[i] -= (stepSize * m[i]) / (Math.sqrt(second) / bc2Sqrt + p.eps);
      }
    },
  };
}

const adamParams = (wd: number) => ({
  lr: lr(1e-3), beta1: beta1(), beta2: beta2(), eps: eps(1e-8), weightDecay: weightDecay(wd), amsgrad: flag("AMSGrad"),
});

const moments = String.raw`
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1) g_t, \quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
\hat v_t &\leftarrow \max(\hat v_{t-1}, v_t) \ \text{(AMSGrad, else } \hat v_t = v_t) \\
x_t &\leftarrow x_{t-1} - \eta_t \frac{m_t / (1-\beta_1^t)}{\sqrt{\hat v_t / (1-\beta_2^t)} + \epsilon}`;

/** torch.optim.Adam (Kingma & Ba 2015); weight decay is coupled L2 added to the gradient. */
export const adam: OptimizerDef<AdamParams> = {
  name: "adam",
  displayName: "Adam",
  cite: "torch.optim.Adam; Kingma & Ba 2015, AMSGrad: Reddi et al. 2018",
  params: adamParams(0),
  latex: String.raw`g_t &\leftarrow \nabla f(x_{t-1}) + \lambda x_{t-1} \\` + moments,
  create: (p, dim) => createAdam(p, dim, false),
};

/** torch.optim.AdamW (Loshchilov & Hutter 2019): decay applied to the weights, not the gradient. */
export const adamw: OptimizerDef<AdamParams> = {
  name: "adamw",
  displayName: "AdamW",
  cite: "torch.optim.AdamW; Loshchilov & Hutter 2019",
  params: adamParams(0.01),
  latex: String.raw`x_{t-1} &\leftarrow x_{t-1}(1 - \eta_t \lambda), \quad g_t \leftarrow \nabla f(x_{t-1}) \\` + moments,
  create: (p, dim) => createAdam(p, dim, true),
};
