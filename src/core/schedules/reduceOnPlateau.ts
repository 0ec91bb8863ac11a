import type { ParamSpecs } from "../params";
import { floorAtMostLr, minLrParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

/** PyTorch's default eps: a reduction smaller than this is skipped. */
const EPS = 1e-8;

const params: ParamSpecs = {
  factor: {
    kind: "number",
    label: "Reduction factor",
    symbol: String.raw`\gamma`,
    default: 0.1,
    min: 0,
    minExclusive: true,
    max: 1,
    maxExclusive: true,
    scale: "linear",
    slider: [0.05, 0.95],
    help: "The lr is multiplied by this on a plateau.",
  },
  patience: {
    kind: "integer",
    label: "Patience",
    symbol: "P",
    default: 10,
    min: 0,
    scale: "linear",
    slider: [0, 100],
    help: "Steps without improvement tolerated; the lr is cut on the next one.",
  },
  threshold: {
    kind: "number",
    label: "Improvement threshold",
    symbol: String.raw`\tau`,
    default: 1e-4,
    min: 0,
    scale: "log",
    slider: [1e-6, 0.5],
    help: "rel: the loss must fall below best·(1 − τ); abs: below best − τ.",
  },
  thresholdMode: {
    kind: "enum",
    label: "Threshold mode",
    options: ["rel", "abs"],
    default: "rel",
  },
  cooldown: {
    kind: "integer",
    label: "Cooldown",
    symbol: "C",
    default: 0,
    min: 0,
    scale: "linear",
    slider: [0, 100],
    help: "Steps after a cut during which bad steps are not counted.",
  },
  minLr: minLrParam,
};

/**
 * PyTorch's ReduceLROnPlateau(mode="min", eps=1e-8), fed the loss of every step: the
 * engine calls observe(loss of step t) after step t, as scheduler.step(loss) after
 * opt.step(). best / num_bad_epochs / cooldown_counter follow PyTorch line for line,
 * including the cut being skipped when it would change the lr by eps or less.
 * The lr is state, so lr(t) returns the current value whatever t is asked.
 */
export const reduceOnPlateau: ScheduleDef = {
  name: "reduceOnPlateau",
  displayName: "Reduce on plateau",
  cite: "torch.optim.lr_scheduler.ReduceLROnPlateau (mode='min', eps=1e-8)",
  params,
  latex: String.raw`\eta_{t+1} &= \begin{cases} \max(\gamma\,\eta_t,\ \eta_{\min}) & \text{more than } P \text{ steps since the loss last improved (not counting cooldown } C\text{)} \\ \eta_t & \text{otherwise, or if the cut is} \le 10^{-8} \end{cases} \\ \text{improved} &\iff L_t < \begin{cases} L_{\text{best}}\,(1 - \tau) & \text{rel} \\ L_{\text{best}} - \tau & \text{abs} \end{cases}, \qquad \eta_0 \text{ at } t = 0`,
  check(values, context) {
    const p = readParams("reduceOnPlateau", params, values);
    if (p.string("thresholdMode") === "rel" && p.number("threshold") >= 1)
      return { field: "threshold", message: "must be less than 1 in rel mode (improvement means loss < best·(1 − threshold))" };
    return floorAtMostLr("minLr", p.number("minLr"), context);
  },
  create(values, baseLr) {
    const p = readParams("reduceOnPlateau", params, values);
    const factor = p.number("factor");
    const patience = p.number("patience");
    const threshold = p.number("threshold");
    const rel = p.string("thresholdMode") === "rel";
    const cooldown = p.number("cooldown");
    const minLr = p.number("minLr");
    const relEpsilon = 1.0 - threshold;

    let lr = baseLr;
    let best = Infinity;
    let numBadSteps = 0;
    let cooldownCounter = 0;
    return {
      adaptive: true,
      lr: () => lr,
      observe(loss) {
        // NaN compares false, so a NaN loss counts as a bad step, as in PyTorch.
        if (rel ? loss < best * relEpsilon : loss < best - threshold) {
          best = loss;
          numBadSteps = 0;
        } else numBadSteps += 1;

        if (cooldownCounter > 0) {
          cooldownCounter -= 1;
          numBadSteps = 0;
        }

        if (numBadSteps > patience) {
          const newLr = Math.max(lr * factor, minLr);
          if (lr - newLr > EPS) lr = newLr;
          cooldownCounter = cooldown;
          numBadSteps = 0;
        }
      },
    };
  },
};
