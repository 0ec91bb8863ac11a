/** Sign-based steps: Lion's interpolated momentum and Rprop's per-coordinate step sizes. */
import type { NumberParam } from "../../params";
import type { Transform } from "../transform";

/** Lion (Chen et al. 2023, Algorithm 2): step along sign(β₁m + (1 − β₁)g), then m ← β₂m + (1 − β₂)g. */
export function lionSign(b1: NumberParam, b2: NumberParam): Transform<{ beta1: number; beta2: number }> {
  const p1 = b1.symbol;
  const p2 = b2.symbol;
  return {
    name: "lionSign",
    params: { beta1: b1, beta2: b2 },
    latex: (sym) => ({
      rows: [String.raw`c_t &\leftarrow ${p1} m_t + (1-${p1}) g_t`, String.raw`m_{t+1} &\leftarrow ${p2} m_t + (1-${p2}) g_t, \quad m_0 = 0`],
      sym: { ...sym, num: String.raw`\operatorname{sign}(c_t)` },
    }),
    init({ beta1, beta2 }, ctx) {
      const m = ctx.state("m");
      const dir = ctx.scratch();
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < m.length; i++) {
            dir[i] = Math.sign(beta1 * m[i] + (1 - beta1) * g[i]);
            m[i] = beta2 * m[i] + (1 - beta2) * g[i];
          }
          s.num = dir;
        },
      };
    },
  };
}

export interface RpropParams { etaMinus: number; etaPlus: number; stepSizeMin: number; stepSizeMax: number }

/**
 * torch.optim.Rprop (Riedmiller & Braun 1993, the iRprop⁻ variant PyTorch runs): step
 * sizes start at the first step's η (a scheduler changing lr later has no effect on
 * them, as in PyTorch); a sign flip shrinks the size and skips that coordinate's step.
 */
export function rpropStepSizes(specs: { [K in keyof RpropParams]: NumberParam }): Transform<RpropParams> {
  const { etaMinus: em, etaPlus: ep, stepSizeMin: lo, stepSizeMax: hi } = specs;
  return {
    name: "rpropStepSizes",
    params: specs,
    latex: () => ({
      rows: [
        String.raw`p_t &\leftarrow g_t\, \tilde g_t \quad (\tilde g_0 = 0,\ \Gamma_0 = \eta_0)`,
        String.raw`k_t &= \begin{cases} ${ep.symbol} & p_t > 0 \\ ${em.symbol} & p_t < 0 \\ 1 & \text{otherwise} \end{cases}`,
        String.raw`\Gamma_{t+1} &\leftarrow \operatorname{clip}(\Gamma_t k_t,\ ${lo.symbol}, ${hi.symbol})`,
        String.raw`\tilde g_{t+1} &\leftarrow 0 \text{ where } p_t < 0, \text{ else } g_t`,
      ],
      sym: { num: String.raw`\Gamma_{t+1} \operatorname{sign}(\tilde g_{t+1})`, den: null, scale: null },
    }),
    init(p, ctx) {
      const { etaMinus, etaPlus, stepSizeMin, stepSizeMax } = p;
      const prev = ctx.state("prev");
      const size = ctx.state("size");
      const dir = ctx.scratch();
      let started = false;
      return {
        update(s) {
          const { g } = s;
          if (!started) {
            size.fill(s.eta);
            started = true;
          }
          for (let i = 0; i < size.length; i++) {
            const sg = g[i] * prev[i];
            const factor = sg > 0 ? etaPlus : sg < 0 ? etaMinus : 1;
            size[i] = Math.min(Math.max(size[i] * factor, stepSizeMin), stepSizeMax);
            const gi = sg < 0 ? 0 : g[i];
            dir[i] = Math.sign(gi) * size[i];
            prev[i] = gi;
          }
          s.num = dir;
          s.scale = 1;
        },
      };
    },
  };
}
