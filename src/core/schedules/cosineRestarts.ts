import type { ParamSpecs } from "../params";
import { floorAtMostLr, minLrParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  t0: {
    kind: "integer",
    label: "First period",
    symbol: "T_0",
    default: 100,
    min: 1,
    scale: "log",
    slider: [1, 2000],
    help: "Steps until the first restart.",
  },
  tMult: {
    kind: "integer",
    label: "Period multiplier",
    symbol: String.raw`T_{\text{mult}}`,
    default: 1,
    min: 1,
    scale: "linear",
    slider: [1, 4],
    help: "Each period is this many times longer than the one before.",
  },
  etaMin: minLrParam,
};

/**
 * SGDR as PyTorch's CosineAnnealingWarmRestarts computes it when step() is called once
 * per step: T_cur += 1; when T_cur reaches T_i it wraps to 0 and T_i *= T_mult.
 * The cycle containing t is found by walking the periods in integer arithmetic
 * (O(log t) when T_mult > 1), not by PyTorch's log formula, so restarts land exactly.
 */
export const cosineRestarts: ScheduleDef = {
  name: "cosineRestarts",
  displayName: "Cosine with warm restarts",
  cite: "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts",
  params,
  latex: String.raw`\eta_t &= \eta_{\min} + (\eta_0 - \eta_{\min})\,\frac{1 + \cos(\pi\,T_{\text{cur}} / T_i)}{2} \\ T_i &= T_0\,T_{\text{mult}}^{\,i}, \quad T_{\text{cur}} = t - \textstyle\sum_{j < i} T_j, \quad i \text{ the period containing } t`,
  // Above the lr the "floor" would be a ceiling, and (lr − etaMin)·2 can overflow.
  check: (values, context) => floorAtMostLr("etaMin", readParams("cosineRestarts", params, values).number("etaMin"), context),
  create(values, baseLr) {
    const p = readParams("cosineRestarts", params, values);
    const t0 = p.number("t0");
    const tMult = p.number("tMult");
    const etaMin = p.number("etaMin");
    return {
      adaptive: false,
      lr(t) {
        let ti = t0;
        let tCur = t;
        if (tMult === 1) tCur = t % t0;
        else
          while (tCur >= ti) {
            tCur -= ti;
            ti *= tMult;
          }
        return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / ti))) / 2;
      },
    };
  },
};
