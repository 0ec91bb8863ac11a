import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  gamma: {
    kind: "number",
    label: "Decay per step",
    symbol: String.raw`\gamma`,
    default: 0.99,
    min: 0,
    minExclusive: true,
    // Above 1 the lr grows geometrically: the learning-rate range test.
    max: 2,
    scale: "linear",
    slider: [0.9, 1.05],
    help: "PyTorch ExponentialLR: the lr is multiplied by this every step. Ignored when a decay rate is set.",
  },
  decayRate: {
    kind: "number",
    label: "Decay rate (Keras)",
    symbol: "r",
    default: 0.96,
    min: 0,
    minExclusive: true,
    max: 2,
    scale: "linear",
    slider: [0.01, 1],
    optional: true,
    help: "When set, Keras ExponentialDecay: the lr is multiplied by this every decaySteps steps, replacing gamma.",
  },
  decaySteps: {
    kind: "integer",
    label: "Decay steps (Keras)",
    symbol: "d",
    default: 1,
    min: 1,
    scale: "log",
    slider: [1, 1000],
    help: "Used with the decay rate only.",
  },
  staircase: {
    kind: "boolean",
    label: "Staircase (Keras)",
    default: false,
    help: "Used with the decay rate only: decay in whole steps of decaySteps instead of continuously.",
  },
};

/**
 * Exponential decay in two dialects. Without decayRate it is PyTorch's ExponentialLR
 * (closed form base_lr·gamma^t); with decayRate it is Keras' ExponentialDecay,
 * initial_lr·decay_rate^(step / decay_steps), the exponent floored when staircase.
 */
export const exponential: ScheduleDef = {
  name: "exponential",
  displayName: "Exponential decay",
  cite: "torch.optim.lr_scheduler.ExponentialLR; keras.optimizers.schedules.ExponentialDecay when the decay rate is set",
  params,
  latex: String.raw`\eta_t &= \begin{cases} \eta_0\,\gamma^{t} & \text{no decay rate (PyTorch)} \\ \eta_0\,r^{\,t/d} & \text{decay rate } r \text{ (Keras)} \\ \eta_0\,r^{\lfloor t/d \rfloor} & \text{decay rate } r \text{, staircase} \end{cases}`,
  // Above 1 the lr grows geometrically: refuse a factor that overflows within the race.
  check(values, context) {
    if (!context?.steps) return null;
    const p = readParams("exponential", params, values);
    const decayRate = p.optionalNumber("decayRate");
    const t = context.steps - 1;
    const field = decayRate === undefined ? "gamma" : "decayRate";
    const factor = decayRate ?? p.number("gamma");
    const exponent = decayRate === undefined ? t : p.boolean("staircase") ? Math.floor(t / p.number("decaySteps")) : t / p.number("decaySteps");
    // The same expression create() evaluates, at the step where the lr is largest.
    if (Number.isFinite(context.lr * factor ** exponent)) return null;
    const largest = Math.exp((Math.log(Number.MAX_VALUE) - Math.log(context.lr)) / exponent);
    return {
      field,
      message: `makes the lr overflow by step ${t} (lr·${field}^${decayRate === undefined ? "t" : "(t/decaySteps)"} is beyond 1.8e308); with lr ${context.lr} and ${context.steps} steps it must be at most ${Math.floor(largest * 1e4) / 1e4}`,
    };
  },
  create(values, baseLr) {
    const p = readParams("exponential", params, values);
    const decayRate = p.optionalNumber("decayRate");
    if (decayRate === undefined) {
      const gamma = p.number("gamma");
      return { adaptive: false, lr: (t) => baseLr * gamma ** t };
    }
    const decaySteps = p.number("decaySteps");
    const staircase = p.boolean("staircase");
    return {
      adaptive: false,
      lr(t) {
        const e = t / decaySteps;
        return baseLr * decayRate ** (staircase ? Math.floor(e) : e);
      },
    };
  },
};
