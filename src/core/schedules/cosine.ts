import type { ParamSpecs } from "../params";
import { floorAtMostLr, minLrParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  tMax: {
    horizon: true,
    kind: "integer",
    label: "Half period",
    symbol: String.raw`T_{\max}`,
    default: 500,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    help: "Steps from the base lr down to the minimum.",
  },
  etaMin: minLrParam,
};

/**
 * CosineAnnealingLR's closed form. PyTorch's recursive form reaches eta_min at
 * t = T_max and then climbs back along the same cosine (it has no restart and no
 * hold); so does this closed form, deliberately: we match PyTorch, not SGDR.
 */
export const cosine: ScheduleDef = {
  name: "cosine",
  displayName: "Cosine annealing",
  cite: "torch.optim.lr_scheduler.CosineAnnealingLR",
  params,
  latex: String.raw`\eta_t &= \eta_{\min} + (\eta_0 - \eta_{\min})\,\frac{1 + \cos(\pi t / T_{\max})}{2}`,
  // Above the lr the "floor" would be a ceiling, and (lr − etaMin)·2 can overflow.
  check: (values, context) => floorAtMostLr("etaMin", readParams("cosine", params, values).number("etaMin"), context),
  create(values, baseLr) {
    const p = readParams("cosine", params, values);
    const tMax = p.number("tMax");
    const etaMin = p.number("etaMin");
    return {
      adaptive: false,
      lr: (t) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2,
    };
  },
};
