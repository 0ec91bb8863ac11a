import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  maxLr: {
    kind: "number",
    label: "Peak learning rate",
    symbol: String.raw`\eta_{\max}`,
    default: 0.1,
    min: 0,
    minExclusive: true,
    scale: "log",
    slider: [1e-5, 10],
    optional: true,
    help: "The optimizer's lr when left out.",
  },
  totalSteps: {
    horizon: true,
    kind: "integer",
    label: "Cycle length",
    symbol: "T",
    default: 500,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    help: "Steps in the whole cycle; the final lr is held after it.",
  },
  pctStart: {
    kind: "number",
    label: "Rising fraction",
    symbol: "p",
    default: 0.3,
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    scale: "linear",
    slider: [0.05, 0.95],
    help: "Fraction of the cycle spent increasing the lr.",
  },
  divFactor: {
    kind: "number",
    label: "Initial division factor",
    symbol: "D",
    default: 25,
    min: 0,
    minExclusive: true,
    scale: "log",
    slider: [1, 1000],
    help: "The cycle starts at peak / D.",
  },
  finalDivFactor: {
    kind: "number",
    label: "Final division factor",
    symbol: "D_f",
    default: 1e4,
    min: 0,
    minExclusive: true,
    scale: "log",
    slider: [1, 1e6],
    help: "The cycle ends at peak / (D · D_f).",
  },
  annealStrategy: {
    kind: "enum",
    label: "Annealing",
    options: ["cos", "linear"],
    default: "cos",
  },
};

/**
 * PyTorch's OneCycleLR, two phases (three_phase=False), no momentum cycling. Phase
 * boundaries are PyTorch's float end steps: p·T − 1 and T − 1.
 *
 * Past the cycle PyTorch evaluates t = T (an overshoot, pct > 1, never used by a
 * T-step run) and raises after that. We hold the lr of step T − 1, the final lr
 * peak / (D·D_f), for every t ≥ T − 1 instead. Where p·T = 1 exactly PyTorch divides 0 by 0 at t = 0; the rising
 * phase then has no length and we give its end value, the peak.
 */
export const oneCycle: ScheduleDef = {
  name: "oneCycle",
  displayName: "One cycle",
  cite: "torch.optim.lr_scheduler.OneCycleLR (three_phase=False, cycle_momentum=False)",
  params,
  latex: String.raw`\eta_t &= \begin{cases} A\!\left(\frac{\eta_{\max}}{D},\ \eta_{\max},\ \frac{t}{pT - 1}\right) & t \le pT - 1 \\[1ex] A\!\left(\eta_{\max},\ \frac{\eta_{\max}}{D\,D_f},\ \frac{t - (pT - 1)}{T - pT}\right) & pT - 1 < t < T - 1 \\[1ex] \frac{\eta_{\max}}{D\,D_f} & t \ge T - 1 \end{cases} \\ A(a, b, u) &= \begin{cases} b + (a - b)\,\frac{1 + \cos \pi u}{2} & \text{cos} \\ a + (b - a)\,u & \text{linear} \end{cases}`,
  // A tiny division factor would make the initial or final lr overflow.
  check(values, context) {
    const p = readParams("oneCycle", params, values);
    const maxLr = p.optionalNumber("maxLr") ?? context?.lr;
    if (maxLr === undefined) return null;
    // Halving (initial − peak) in the rising cosine is exact only for normal floats.
    if (maxLr < 1e-300) return { field: "maxLr", message: "must be ≥ 1e-300 (below, the rising cosine rounds under 0)" };
    const initialLr = maxLr / p.number("divFactor");
    if (!Number.isFinite(initialLr)) return { field: "divFactor", message: `makes the initial lr (peak / divFactor) overflow; must be ≥ ${(maxLr / Number.MAX_VALUE).toPrecision(3)}` };
    if (!Number.isFinite(initialLr / p.number("finalDivFactor")))
      return { field: "finalDivFactor", message: `makes the final lr (peak / (divFactor · finalDivFactor)) overflow; must be ≥ ${(initialLr / Number.MAX_VALUE).toPrecision(3)}` };
    return null;
  },
  create(values, optimizerLr) {
    const p = readParams("oneCycle", params, values);
    const maxLr = p.optionalNumber("maxLr") ?? optimizerLr;
    const total = p.number("totalSteps");
    const pctStart = p.number("pctStart");
    const initialLr = maxLr / p.number("divFactor");
    const minLr = initialLr / p.number("finalDivFactor");
    const linear = p.string("annealStrategy") === "linear";
    const anneal = (start: number, end: number, pct: number): number =>
      linear ? (end - start) * pct + start : end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);
    const end1 = pctStart * total - 1;
    const end2 = total - 1;
    return {
      adaptive: false,
      lr(t) {
        const s = t < end2 ? t : end2;
        if (s <= end1) return end1 === 0 ? maxLr : anneal(initialLr, maxLr, s / end1);
        return anneal(maxLr, minLr, (s - end1) / (end2 - end1));
      },
    };
  },
};
