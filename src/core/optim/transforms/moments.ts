/** Exponential moving averages of the gradient and its square, AMSGrad's max, bias correction (Adam's pieces). */
import type { BooleanParam, NumberParam } from "../../params";
import { BiasCorrection, type Transform } from "../transform";
import type { SpecsFor } from "../types";

/** `{ [key]: spec }` typed for a transform whose parameter key the optimizer chooses (beta1 in Adam, beta in EMA momentum). */
const one = <K extends string>(key: K, spec: NumberParam) => ({ [key]: spec }) as SpecsFor<Record<K, number>>;

/**
 * m ← βm + (1 − β)g; the update's numerator becomes m (Adam's first moment, the seeds'
 * EMA momentum). `symbol` names the state in the rule ("m", or "v" for the seeds).
 */
export function firstMoment<K extends string>(key: K, spec: NumberParam, symbol = "m"): Transform<Record<K, number>> {
  const b = spec.symbol;
  return {
    name: "firstMoment",
    params: one(key, spec),
    latex: (sym) => ({
      rows: [String.raw`${symbol}_{t+1} &\leftarrow ${b} ${symbol}_t + (1-${b}) g_t, \quad ${symbol}_0 = 0`],
      sym: { ...sym, num: `${symbol}_{t+1}` },
    }),
    init(p, ctx) {
      const beta = p[key];
      const m = ctx.state(symbol);
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < m.length; i++) m[i] = beta * m[i] + (1 - beta) * g[i];
          s.num = m;
        },
      };
    },
  };
}

/** v ← β₂v + (1 − β₂)g²; the update's denominator becomes v (made a root by biasCorrection). */
export function secondMoment<K extends string>(key: K, spec: NumberParam): Transform<Record<K, number>> {
  const b = spec.symbol;
  return {
    name: "secondMoment",
    params: one(key, spec),
    latex: (sym) => ({ rows: [String.raw`v_{t+1} &\leftarrow ${b} v_t + (1-${b}) g_t^2, \quad v_0 = 0`], sym: { ...sym, den: "v_{t+1}" } }),
    init(p, ctx) {
      const beta = p[key];
      const v = ctx.state("v");
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < v.length; i++) v[i] = beta * v[i] + (1 - beta) * g[i] * g[i];
          s.den = v;
        },
      };
    },
  };
}

/** AMSGrad (Reddi et al. 2018): the denominator uses the running maximum of v. Off: a no-op. */
export function amsgradMax(spec: BooleanParam): Transform<{ amsgrad: boolean }> {
  return {
    name: "amsgradMax",
    params: { amsgrad: spec },
    latex: (sym) => ({
      rows: [String.raw`\hat v_{t+1} &\leftarrow \max(\hat v_t, ${sym.den}) \ \text{(AMSGrad; else } ${sym.den})`],
      sym: { ...sym, den: String.raw`\hat v_{t+1}` },
    }),
    init({ amsgrad }, ctx) {
      if (!amsgrad) return null;
      const vMax = ctx.state("vMax");
      return {
        update(s) {
          const v = s.den!;
          for (let i = 0; i < vMax.length; i++) if (v[i] > vMax[i]) vMax[i] = v[i];
          s.den = vMax;
        },
      };
    },
  };
}

/**
 * Adam's bias correction with torch's arithmetic: step size η_t / (1 − β₁ᵗ⁺¹) and
 * denominator √v / √(1 − β₂ᵗ⁺¹) + ε (torch.optim.Adam, single-tensor path).
 */
export function biasCorrection(b1: NumberParam, b2: NumberParam, eps: NumberParam): Transform<{ beta1: number; beta2: number; eps: number }> {
  return {
    name: "biasCorrection",
    params: { beta1: b1, beta2: b2, eps },
    latex: (sym) => ({
      rows: [],
      sym: {
        num: sym.num,
        scale: String.raw`\frac{${sym.scale}}{1-${b1.symbol}^{t+1}}`,
        den: String.raw`\sqrt{${sym.den}} / \sqrt{1-${b2.symbol}^{t+1}} + ${eps.symbol}`,
      },
    }),
    init(p, ctx) {
      const c1 = new BiasCorrection(p.beta1);
      const c2 = new BiasCorrection(p.beta2);
      const e = p.eps;
      const d = ctx.scratch();
      return {
        update(s) {
          const v = s.den!;
          // Once both corrections are exactly 1, η/1 and √v/√1 change no bit: skip them.
          if (c1.done && c2.done) for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(v[i]) + e;
          else {
            const k = s.t + 1;
            s.scale = s.scale / c1.at(k);
            const root = Math.sqrt(c2.at(k));
            for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(v[i]) / root + e;
          }
          s.den = d;
        },
      };
    },
  };
}

/** Adamax's step size η_t / (1 − β₁ᵗ⁺¹) (its denominator, the infinity norm, needs no correction). */
export function firstMomentCorrection(b1: NumberParam): Transform<{ beta1: number }> {
  return {
    name: "firstMomentCorrection",
    params: { beta1: b1 },
    latex: (sym) => ({ rows: [], sym: { ...sym, scale: String.raw`\frac{${sym.scale}}{1-${b1.symbol}^{t+1}}` } }),
    init({ beta1 }) {
      const c1 = new BiasCorrection(beta1);
      return {
        update(s) {
          s.scale = s.scale / c1.at(s.t + 1);
        },
      };
    },
  };
}

/** Adamax (Kingma & Ba 2015 §7.1): u ← max(β₂u, |g| + ε) as the denominator. */
export function infinityNorm(b2: NumberParam, eps: NumberParam): Transform<{ beta2: number; eps: number }> {
  return {
    name: "infinityNorm",
    params: { beta2: b2, eps },
    latex: (sym) => ({ rows: [String.raw`u_{t+1} &\leftarrow \max(${b2.symbol} u_t,\ |g_t| + ${eps.symbol})`], sym: { ...sym, den: "u_{t+1}" } }),
    init(p, ctx) {
      const { beta2, eps: e } = p;
      const u = ctx.state("u");
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < u.length; i++) u[i] = Math.max(beta2 * u[i], Math.abs(g[i]) + e);
          s.den = u;
        },
      };
    },
  };
}
