import type { OptimizerDef } from "./types";
import { lr } from "./specs";

export interface RpropParams { lr: number; etaMinus: number; etaPlus: number; stepSizeMin: number; stepSizeMax: number }

/**
 * torch.optim.Rprop (Riedmiller & Braun 1993, the iRprop⁻ variant PyTorch runs).
 * Per-coordinate step sizes start at the lr of the first step; like PyTorch, a
 * scheduler changing lr afterwards has no effect on them.
 */
export const rprop: OptimizerDef<RpropParams> = {
  name: "rprop",
  displayName: "Rprop",
  cite: "torch.optim.Rprop; Riedmiller & Braun 1993",
  params: {
    lr: lr(0.01),
    etaMinus: { kind: "number", label: "Eta minus", symbol: "\\eta_-", default: 0.5, min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: "linear", slider: [0.05, 0.95] },
    etaPlus: { kind: "number", label: "Eta plus", symbol: "\\eta_+", default: 1.2, min: 1, minExclusive: true, scale: "linear", slider: [1.01, 3] },
    stepSizeMin: { kind: "number", label: "Minimum step size", symbol: "\\Gamma_{\\min}", default: 1e-6, min: 0, scale: "log", slider: [1e-9, 1] },
    stepSizeMax: { kind: "number", label: "Maximum step size", symbol: "\\Gamma_{\\max}", default: 50, min: 0, minExclusive: true, scale: "log", slider: [1e-3, 100] },
  },
  latex: String.raw`
s_t &\leftarrow g_t\, g_{t-1} \quad (g_{-1} = 0,\ \Gamma_{-1} = \eta_0) \\
\Gamma_t &\leftarrow \operatorname{clip}\!\big(\Gamma_{t-1} \cdot \{\eta_+ \text{ if } s_t > 0;\ \eta_- \text{ if } s_t < 0;\ 1\},\ \Gamma_{\min}, \Gamma_{\max}\big) \\
g_t &\leftarrow 0 \ \text{ where } s_t < 0 \\
x_t &\leftarrow x_{t-1} - \Gamma_t \operatorname{sign}(g_t)`,
  create(p, dim) {
    const prev = new Float64Array(dim);
    const size = new Float64Array(dim);
    let started = false;
    return {
      step(x, g, eta) {
        if (!started) {
          size.fill(eta);
          started = true;
        }
        for (let i = 0; i < dim; i++) {
          const s = g[i] * prev[i];
          const factor = s > 0 ? p.etaPlus : s < 0 ? p.etaMinus : 1;
          size[i] = Math.min(Math.max(size[i] * factor, p.stepSizeMin), p.stepSizeMax);
          const gi = s < 0 ? 0 : g[i];
          x[i] -= Math.sign(gi) * size[i];
          prev[i] = gi;
        }
      },
    };
  },
};
