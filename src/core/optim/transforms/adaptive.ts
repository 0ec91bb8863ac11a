/** Per-coordinate step sizes from gradient history: AdaGrad's sum, RMSprop's average, Adadelta's ratio. */
import type { BooleanParam, NumberParam } from "../../params";
import type { Transform } from "../transform";

/** torch.optim.Adagrad's lr decay: η_t / (1 + tκ), t the steps taken before this one. Off when κ = 0. */
export function lrDecay(kappa: NumberParam): Transform<{ lrDecay: number }> {
  return {
    name: "lrDecay",
    params: { lrDecay: kappa },
    latex: (sym) => ({ rows: [], sym: { ...sym, scale: String.raw`\frac{${sym.scale}}{1 + t${kappa.symbol}}` } }),
    init({ lrDecay: k }) {
      if (k === 0) return null;
      return {
        update(s) {
          s.scale = s.scale / (1 + s.t * k);
        },
      };
    },
  };
}

/** AdaGrad (Duchi, Hazan & Singer 2011): s ← s + g², denominator √s + ε. */
export function accumulateSquares(s0: NumberParam, eps: NumberParam): Transform<{ initialAccumulatorValue: number; eps: number }> {
  return {
    name: "accumulateSquares",
    params: { initialAccumulatorValue: s0, eps },
    latex: (sym) => ({
      rows: [String.raw`s_{t+1} &\leftarrow s_t + g_t^2, \quad s_0 \text{ given}`],
      sym: { ...sym, den: String.raw`\sqrt{s_{t+1}} + ${eps.symbol}` },
    }),
    init(p, ctx) {
      const sum = ctx.state("sum", p.initialAccumulatorValue);
      const d = ctx.scratch();
      const e = p.eps;
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < sum.length; i++) {
            sum[i] += g[i] * g[i];
            d[i] = Math.sqrt(sum[i]) + e;
          }
          s.den = d;
        },
      };
    },
  };
}

/** RMSprop (Tieleman & Hinton 2012; centered: Graves 2013): denominator √(v − ḡ²) + ε. */
export function scaleByRms(alpha: NumberParam, eps: NumberParam, centered: BooleanParam): Transform<{ alpha: number; eps: number; centered: boolean }> {
  const a = alpha.symbol;
  return {
    name: "scaleByRms",
    params: { alpha, eps, centered },
    latex: (sym) => ({
      rows: [
        String.raw`v_{t+1} &\leftarrow ${a} v_t + (1-${a}) g_t^2, \quad \bar g_{t+1} \leftarrow ${a} \bar g_t + (1-${a}) g_t \ (\text{centered})`,
        String.raw`\sigma_{t+1} &\leftarrow \sqrt{v_{t+1} - [\text{centered}]\, \bar g_{t+1}^2} + ${eps.symbol}`,
      ],
      sym: { ...sym, den: String.raw`\sigma_{t+1}` },
    }),
    init(p, ctx) {
      const { alpha: al, eps: e, centered: c } = p;
      const sq = ctx.state("v");
      const gAvg = c ? ctx.state("gAvg") : ctx.scratch();
      const d = ctx.scratch();
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < sq.length; i++) {
            sq[i] = al * sq[i] + (1 - al) * g[i] * g[i];
            if (c) {
              gAvg[i] = al * gAvg[i] + (1 - al) * g[i];
              d[i] = Math.sqrt(sq[i] - gAvg[i] * gAvg[i]) + e;
            } else d[i] = Math.sqrt(sq[i]) + e;
          }
          s.den = d;
        },
      };
    },
  };
}

/** torch.optim.Adadelta (Zeiler 2012): the step is g scaled by √(u + ε)/√(v + ε), then η_t (PyTorch's extra factor). */
export function adadeltaRatio(rho: NumberParam, eps: NumberParam): Transform<{ rho: number; eps: number }> {
  const r = rho.symbol;
  const e = eps.symbol;
  return {
    name: "adadeltaRatio",
    params: { rho, eps },
    latex: (sym) => ({
      rows: [
        String.raw`v_{t+1} &\leftarrow ${r} v_t + (1-${r}) g_t^2`,
        String.raw`\Delta_t &\leftarrow \frac{\sqrt{u_t + ${e}}}{\sqrt{v_{t+1} + ${e}}}\, g_t`,
        String.raw`u_{t+1} &\leftarrow ${r} u_t + (1-${r}) \Delta_t^2`,
      ],
      sym: { ...sym, num: String.raw`\Delta_t` },
    }),
    init(p, ctx) {
      const { rho: k, eps: ep } = p;
      const v = ctx.state("v");
      const u = ctx.state("u");
      const delta = ctx.scratch();
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < v.length; i++) {
            v[i] = k * v[i] + (1 - k) * g[i] * g[i];
            const di = (Math.sqrt(u[i] + ep) / Math.sqrt(v[i] + ep)) * g[i];
            u[i] = k * u[i] + (1 - k) * di * di;
            delta[i] = di;
          }
          s.num = delta;
        },
      };
    },
  };
}
