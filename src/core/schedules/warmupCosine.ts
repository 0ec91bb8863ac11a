import type { ParamSpecs } from "../params";
import { floorAtMostLr, minLrParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  warmupSteps: {
    kind: "integer",
    label: "Warmup steps",
    symbol: "w",
    default: 50,
    min: 0,
    scale: "linear",
    slider: [0, 1000],
    help: "Steps of the linear ramp from 0 up to the peak lr.",
  },
  totalSteps: {
    horizon: true,
    kind: "integer",
    label: "Total steps",
    symbol: "T",
    default: 500,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    help: "Step at which the cosine reaches the minimum lr, held afterwards.",
  },
  minLr: minLrParam,
};

/**
 * Linear warmup then cosine decay to minLr at T, the transformer recipe as the seeds
 * write it (seed 001's worked table, seed 003's warmup_cosine). The seeds never go
 * past T; we hold minLr there rather than let the cosine climb back.
 */
export const warmupCosine: ScheduleDef = {
  name: "warmupCosine",
  displayName: "Warmup + cosine",
  cite: "The seeds' warmup_cosine; equal up to rounding to keras.optimizers.schedules.CosineDecay(initial_learning_rate=0, warmup_target=η0, warmup_steps=w, decay_steps=T−w, alpha=ηmin/η0)",
  params,
  latex: String.raw`\eta_t &= \begin{cases} \eta_0\,\dfrac{t}{w} & t < w \\[1ex] \eta_{\min} + (\eta_0 - \eta_{\min})\,\dfrac{1}{2}\left(1 + \cos\left(\pi\,\dfrac{t - w}{T - w}\right)\right) & w \le t \le T \\[1ex] \eta_{\min} & t > T \end{cases}`,
  check(values, context) {
    const p = readParams("warmupCosine", params, values);
    const w = p.number("warmupSteps");
    const total = p.number("totalSteps");
    if (total <= w) return { field: "totalSteps", message: `must be greater than warmupSteps (${w}), got ${total}` };
    return floorAtMostLr("minLr", p.number("minLr"), context);
  },
  create(values, baseLr) {
    const p = readParams("warmupCosine", params, values);
    const w = p.number("warmupSteps");
    const total = p.number("totalSteps");
    const minLr = p.number("minLr");
    return {
      adaptive: false,
      lr(t) {
        if (t < w) return (baseLr * t) / w;
        if (t > total) return minLr;
        return minLr + (baseLr - minLr) * 0.5 * (1 + Math.cos((Math.PI * (t - w)) / (total - w)));
      },
    };
  },
};
