/** Weight decay, both ways PyTorch applies it. */
import type { NumberParam } from "../../params";
import type { Transform } from "../transform";

/** Coupled L2 (torch's `weight_decay` in SGD, Adam, RMSprop, …): g ← g + λx, before any moment sees g. */
export function coupledL2(spec: NumberParam): Transform<{ weightDecay: number }> {
  return {
    name: "coupledL2",
    params: { weightDecay: spec },
    latex: (sym) => ({ rows: [String.raw`g_t &\leftarrow \nabla f(x_t) + ${spec.symbol} x_t`], sym }),
    init({ weightDecay: wd }) {
      if (wd === 0) return null;
      return {
        update(s) {
          const { g, x } = s;
          for (let i = 0; i < g.length; i++) g[i] += wd * x[i];
        },
      };
    },
  };
}

/** Decoupled decay (AdamW, Lion; Loshchilov & Hutter 2019): x ← x(1 − η_t λ), applied to the weights before the step. */
export function decoupledDecay(spec: NumberParam): Transform<{ weightDecay: number }> {
  return {
    name: "decoupledDecay",
    params: { weightDecay: spec },
    latex: (sym) => ({ rows: [String.raw`x_t &\leftarrow x_t (1 - \eta_t ${spec.symbol})`], sym }),
    init({ weightDecay: wd }) {
      if (wd === 0) return null;
      return {
        update(s) {
          const { x } = s;
          const k = 1 - s.eta * wd;
          for (let i = 0; i < x.length; i++) x[i] *= k;
        },
      };
    },
  };
}
