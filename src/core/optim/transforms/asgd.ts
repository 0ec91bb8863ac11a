/** torch.optim.ASGD's step-size decay and weight shrink, and its running average (Polyak & Juditsky 1992). */
import type { NumberParam } from "../../params";
import type { Transform } from "../transform";

/**
 * As current PyTorch runs it: η̃ starts at the first step's η, x shrinks by (1 − λ_d η̃),
 * the step is η̃ g, then η̃ ← η_t / (1 + λ_d η_t (t + 1))^α (t + 1 is torch's counter).
 */
export function asgdDecay(lambdSpec: NumberParam, alphaSpec: NumberParam): Transform<{ lambd: number; alpha: number }> {
  const ld = lambdSpec.symbol;
  return {
    name: "asgdDecay",
    params: { lambd: lambdSpec, alpha: alphaSpec },
    latex: (sym) => ({
      rows: [
        String.raw`x_t &\leftarrow x_t (1 - ${ld} \tilde\eta_t), \quad \tilde\eta_0 = \eta_0, \quad \tilde\eta_{t+1} = \eta_t / (1 + ${ld} \eta_t (t+1))^{${alphaSpec.symbol}}`,
      ],
      sym: { ...sym, scale: String.raw`\tilde\eta_t` },
    }),
    init({ lambd, alpha }, ctx) {
      const etaT = ctx.state("etaT", 0, 1);
      return {
        update(s) {
          const { x } = s;
          if (s.t === 0) etaT[0] = s.eta;
          const e = etaT[0];
          const decay = 1 - lambd * e;
          for (let i = 0; i < x.length; i++) x[i] *= decay;
          s.scale = e;
          const eta = s.eta;
          etaT[0] = eta / Math.pow(1 + lambd * eta * (s.t + 1), alpha);
        },
      };
    },
  };
}

/**
 * PyTorch's `ax`: x̄ ← x̄ + μ(x − x̄) after the step, μ = 1/max(1, t − t₀), so x̄ follows x
 * until t₀ and then averages the iterates. Kept in the state (inspect), not drawn: the
 * trajectory is the iterate x, as torch's parameters are; the UI shows no control for t₀.
 */
export function polyakAverage(t0Spec: NumberParam): Transform<{ t0: number }> {
  return {
    name: "polyakAverage",
    params: { t0: t0Spec },
    after: true,
    latex: (sym) => ({
      rows: [String.raw`\bar x_{t+1} &\leftarrow \bar x_t + \mu_t (x_{t+1} - \bar x_t), \quad \mu_t = 1 / \max(1, t - ${t0Spec.symbol})`],
      sym,
    }),
    init({ t0 }, ctx) {
      const ax = ctx.state("ax");
      const mu = ctx.state("mu", 1, 1);
      return {
        update(s) {
          const { x } = s;
          const m = mu[0];
          if (m !== 1) for (let i = 0; i < ax.length; i++) ax[i] += (x[i] - ax[i]) * m;
          else for (let i = 0; i < ax.length; i++) ax[i] = x[i];
          mu[0] = 1 / Math.max(1, s.t + 1 - t0);
        },
      };
    },
  };
}
