import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  decayRate: {
    kind: "number",
    label: "Decay rate",
    symbol: "k",
    default: 0.01,
    min: 0,
    scale: "log",
    slider: [1e-4, 1],
  },
  decaySteps: {
    kind: "integer",
    label: "Decay steps",
    symbol: "d",
    default: 1,
    min: 1,
    scale: "log",
    slider: [1, 1000],
    help: "Steps per unit of decay; 1 gives the time-based decay η0 / (1 + k t).",
  },
  staircase: {
    kind: "boolean",
    label: "Staircase",
    default: false,
    help: "Decay in whole steps of decaySteps instead of continuously.",
  },
};

/**
 * Time-based decay η0 / (1 + k t), as Keras' InverseTimeDecay computes it:
 * p = step / decay_steps (floored when staircase), lr = initial_lr / (1 + decay_rate·p).
 */
export const inverseTime: ScheduleDef = {
  name: "inverseTime",
  displayName: "Inverse time decay",
  cite: "keras.optimizers.schedules.InverseTimeDecay",
  params,
  latex: String.raw`\eta_t &= \begin{cases} \dfrac{\eta_0}{1 + k\,t/d} & \\[1ex] \dfrac{\eta_0}{1 + k\,\lfloor t/d \rfloor} & \text{staircase} \end{cases}`,
  create(values, baseLr) {
    const p = readParams("inverseTime", params, values);
    const k = p.number("decayRate");
    const decaySteps = p.number("decaySteps");
    const staircase = p.boolean("staircase");
    return {
      adaptive: false,
      lr(t) {
        const e = t / decaySteps;
        return baseLr / (1 + k * (staircase ? Math.floor(e) : e));
      },
    };
  },
};
