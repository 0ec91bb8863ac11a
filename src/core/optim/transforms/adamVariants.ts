/** The final steps of NAdam and RAdam, which PyTorch writes in an order no (scale · num / den) step reproduces. */
import type { NumberParam } from "../../params";
import { BiasCorrection, type Transform } from "../transform";

/**
 * torch.optim.NAdam as current PyTorch runs it (Dozat 2016 with the momentum-decay
 * schedule; PyTorch 1.13 multiplied μ_t twice into the next product, fixed in
 * pytorch/pytorch#92699, which this follows). Reads m and v from the moments before it;
 * subtracts the gradient and the momentum terms one after the other, as torch does.
 */
export function nadamStep(specs: { beta1: NumberParam; beta2: NumberParam; eps: NumberParam; momentumDecay: NumberParam }): Transform<{ beta1: number; beta2: number; eps: number; momentumDecay: number }> {
  const b1 = specs.beta1.symbol;
  const b2 = specs.beta2.symbol;
  const psi = specs.momentumDecay.symbol;
  return {
    name: "nadamStep",
    params: specs,
    terminal: true,
    latex: (sym) => ({
      rows: [
        String.raw`\mu_t &\leftarrow ${b1}\big(1 - \tfrac12\, 0.96^{(t+1)${psi}}\big), \quad \Pi_t \leftarrow \textstyle\prod_{i \le t} \mu_i`,
        String.raw`d_t &\leftarrow \frac{1-\mu_t}{1-\Pi_t}\, g_t + \frac{\mu_{t+1}}{1-\Pi_t\mu_{t+1}}\, ${sym.num}`,
        String.raw`x_{t+1} &\leftarrow x_t - \eta_t \frac{d_t}{\sqrt{${sym.den}/(1-${b2}^{t+1})} + ${specs.eps.symbol}}`,
      ],
      sym,
    }),
    init(p, ctx) {
      const { beta1, eps, momentumDecay } = p;
      const c2 = new BiasCorrection(p.beta2);
      const muProduct = ctx.state("muProduct", 1, 1);
      return {
        update(s) {
          const { x, g, num: m } = s;
          const v = s.den!;
          const eta = s.eta;
          const k = s.t + 1;
          const bc2 = c2.at(k);
          const mu = beta1 * (1 - 0.5 * Math.pow(0.96, k * momentumDecay));
          const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (k + 1) * momentumDecay));
          const prod = muProduct[0] * mu;
          muProduct[0] = prod;
          const prodNext = prod * muNext;
          const cg = (eta * (1 - mu)) / (1 - prod);
          const cm = (eta * muNext) / (1 - prodNext);
          for (let i = 0; i < x.length; i++) {
            const denom = Math.sqrt(v[i] / bc2) + eps;
            x[i] -= (cg * g[i]) / denom;
            x[i] -= (cm * m[i]) / denom;
          }
        },
      };
    },
  };
}

/**
 * torch.optim.RAdam (Liu et al. 2020): the adaptive step switches on once the variance
 * estimate is tractable (ρ_t > 5), with torch's product order
 * ((m̂ · η) · √(1 − β₂ᵗ⁺¹)/(√v + ε)) · r. Reads m and v from the moments before it.
 */
export function radamStep(specs: { beta1: NumberParam; beta2: NumberParam; eps: NumberParam }): Transform<{ beta1: number; beta2: number; eps: number }> {
  const b1 = specs.beta1.symbol;
  const b2 = specs.beta2.symbol;
  return {
    name: "radamStep",
    params: specs,
    terminal: true,
    latex: (sym) => ({
      rows: [
        String.raw`\rho_\infty &= \tfrac{2}{1-${b2}} - 1, \quad \rho_t \leftarrow \rho_\infty - \tfrac{2(t+1)${b2}^{t+1}}{1-${b2}^{t+1}}`,
        String.raw`r_t &= \sqrt{\tfrac{(\rho_t-4)(\rho_t-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_t}}`,
        String.raw`a_t &= \begin{cases} r_t \dfrac{\sqrt{1-${b2}^{t+1}}}{\sqrt{${sym.den}} + ${specs.eps.symbol}} & \rho_t > 5 \\ 1 & \text{otherwise} \end{cases}`,
        String.raw`x_{t+1} &\leftarrow x_t - \eta_t \frac{${sym.num}}{1-${b1}^{t+1}}\, a_t`,
      ],
      sym,
    }),
    init(p) {
      const { beta1, beta2, eps } = p;
      const c1 = new BiasCorrection(beta1);
      const rhoInf = 2 / (1 - beta2) - 1;
      return {
        update(s) {
          const { x, num: m } = s;
          const v = s.den!;
          const eta = s.eta;
          const k = s.t + 1;
          const bc1 = c1.at(k);
          // β₂ᵏ itself enters ρ_t, so it is computed every step (no early exit as in BiasCorrection).
          const b2t = Math.pow(beta2, k);
          const bc2 = 1 - b2t;
          const rhoT = rhoInf - (2 * k * b2t) / bc2;
          if (rhoT > 5) {
            const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            for (let i = 0; i < x.length; i++) x[i] -= (m[i] / bc1) * eta * (Math.sqrt(bc2) / (Math.sqrt(v[i]) + eps)) * rect;
          } else for (let i = 0; i < x.length; i++) x[i] -= (m[i] / bc1) * eta;
        },
      };
    },
  };
}
