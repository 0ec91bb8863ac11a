/** Momentum in its three forms: torch's SGD buffer, a heavy-ball trace of the preconditioned step, NAG's look-ahead velocity. */
import type { BooleanParam, NumberParam } from "../../params";
import type { Transform } from "../transform";
import { over } from "./descend";

/**
 * torch.optim.SGD's buffer (Sutskever et al. 2013 form): b starts as the first gradient
 * (no dampening on step 0), then b ← μb + (1 − τ)g; Nesterov steps along g + μb.
 * Off when μ = 0, as in torch.
 */
export function sgdMomentum(mu: NumberParam, dampening: NumberParam, nesterov: BooleanParam): Transform<{ momentum: number; dampening: number; nesterov: boolean }> {
  const m = mu.symbol;
  const tau = dampening.symbol;
  return {
    name: "sgdMomentum",
    params: { momentum: mu, dampening, nesterov },
    latex: (sym) => ({
      rows: [
        String.raw`b_{t+1} &\leftarrow \begin{cases} g_t & t = 0 \\ ${m} b_t + (1-${tau}) g_t & t > 0 \end{cases}`,
        String.raw`d_t &\leftarrow \begin{cases} g_t + ${m} b_{t+1} & \text{Nesterov} \\ b_{t+1} & \text{otherwise} \end{cases} \quad (d_t = g_t \text{ if } ${m} = 0)`,
      ],
      sym: { ...sym, num: "d_t" },
    }),
    init(p, ctx) {
      const { momentum: k, dampening: damp, nesterov: nest } = p;
      if (k === 0) return null;
      const buf = ctx.state("buf");
      const d = ctx.scratch();
      let started = false;
      return {
        update(s) {
          const { g } = s;
          for (let i = 0; i < buf.length; i++) {
            buf[i] = started ? k * buf[i] + (1 - damp) * g[i] : g[i];
            d[i] = nest ? g[i] + k * buf[i] : buf[i];
          }
          started = true;
          s.num = d;
        },
      };
    },
  };
}

/**
 * b ← μb + num/den, then step along b (torch.optim.RMSprop's momentum: the buffer holds the
 * preconditioned gradient, `buf.mul_(μ).addcdiv_(g, avg)`). Off when μ = 0.
 */
export function heavyBall(mu: NumberParam): Transform<{ momentum: number }> {
  return {
    name: "heavyBall",
    params: { momentum: mu },
    latex: (sym) => ({
      rows: [String.raw`b_{t+1} &\leftarrow ${mu.symbol} b_t + ${over(sym.num, sym.den)} \quad (\text{if } ${mu.symbol} > 0\text{, else } b_{t+1} = ${over(sym.num, sym.den)})`],
      sym: { ...sym, num: "b_{t+1}", den: null },
    }),
    init({ momentum: k }, ctx) {
      if (k === 0) return null;
      const buf = ctx.state("buf");
      return {
        update(s) {
          const { num, den } = s;
          if (den === null) for (let i = 0; i < buf.length; i++) buf[i] = k * buf[i] + num[i];
          else for (let i = 0; i < buf.length; i++) buf[i] = k * buf[i] + num[i] / den[i];
          s.num = buf;
          s.den = null;
        },
      };
    },
  };
}

/**
 * Nesterov's accelerated gradient in seed 000's look-ahead form (Sutskever et al. 2013):
 * the gradient is taken at x − γv (so noise and clipping apply to it), v ← γv + η_t g,
 * and the step is v itself (η_t is folded into v).
 */
export function lookAheadVelocity(gamma: NumberParam): Transform<{ momentum: number }> {
  const y = gamma.symbol;
  return {
    name: "lookAheadVelocity",
    params: { momentum: gamma },
    latex: () => ({
      rows: [String.raw`g_t &\leftarrow \nabla f(x_t - ${y} v_t)`, String.raw`v_{t+1} &\leftarrow ${y} v_t + \eta_t g_t, \quad v_0 = 0`],
      sym: { num: "v_{t+1}", den: null, scale: null },
    }),
    init({ momentum: k }, ctx) {
      const v = ctx.state("v");
      return {
        gradientPoint(x, out) {
          for (let i = 0; i < v.length; i++) out[i] = x[i] - k * v[i];
        },
        update(s) {
          const { g } = s;
          const eta = s.eta;
          for (let i = 0; i < v.length; i++) v[i] = k * v[i] + eta * g[i];
          s.num = v;
          s.scale = 1;
        },
      };
    },
  };
}
