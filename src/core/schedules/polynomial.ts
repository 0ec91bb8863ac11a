import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  totalSteps: {
    horizon: true,
    kind: "integer",
    label: "Decay steps",
    symbol: "T",
    default: 500,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    help: "Steps over which the lr falls to its end value, then stays there.",
  },
  power: {
    kind: "number",
    label: "Power",
    symbol: "p",
    default: 1,
    min: 0,
    scale: "log",
    slider: [0.1, 10],
    help: "1 is a straight line; above 1 the decay is fast early, below 1 fast late.",
  },
  endLr: {
    kind: "number",
    label: "End learning rate",
    symbol: String.raw`\eta_{\text{end}}`,
    default: 0,
    min: 0,
    scale: "linear",
    slider: [0, 0.1],
  },
  cycle: {
    kind: "boolean",
    label: "Cycle (Keras)",
    default: false,
    help: "Past the decay steps, decay again over the next multiple of them instead of holding the end lr.",
  },
};

/**
 * Polynomial decay. With endLr = 0 this is PyTorch's PolynomialLR closed form
 * base_lr·(1 − min(t, T)/T)^power; otherwise Keras' PolynomialDecay,
 * (initial − end)·(1 − min(t, T)/T)^power + end. With cycle (Keras only), T becomes the
 * first multiple of itself that is ≥ t (T itself at t = 0, as Keras special-cases it),
 * so each period decays from a little below the previous peak back to the end lr.
 */
export const polynomial: ScheduleDef = {
  name: "polynomial",
  displayName: "Polynomial decay",
  cite: "torch.optim.lr_scheduler.PolynomialLR (end lr 0); keras.optimizers.schedules.PolynomialDecay",
  params,
  latex: String.raw`\eta_t &= (\eta_0 - \eta_{\text{end}})\left(1 - \frac{\min(t, T)}{T}\right)^{p} + \eta_{\text{end}} \\ \eta_t &= (\eta_0 - \eta_{\text{end}})\left(1 - \frac{t}{T_c}\right)^{p} + \eta_{\text{end}}, \quad T_c = T \max\left(1, \left\lceil t / T \right\rceil\right) \quad \text{(cycle)}`,
  create(values, baseLr) {
    const p = readParams("polynomial", params, values);
    const total = p.number("totalSteps");
    const power = p.number("power");
    const endLr = p.number("endLr");
    if (p.boolean("cycle"))
      return {
        adaptive: false,
        lr: (t) => (baseLr - endLr) * (1 - t / (total * Math.max(1, Math.ceil(t / total)))) ** power + endLr,
      };
    return {
      adaptive: false,
      lr: (t) => (baseLr - endLr) * (1 - Math.min(t, total) / total) ** power + endLr,
    };
  },
};
