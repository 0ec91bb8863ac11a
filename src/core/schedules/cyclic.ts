import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  baseLr: {
    kind: "number",
    label: "Lower learning rate",
    symbol: String.raw`\eta_{\text{low}}`,
    default: 0.001,
    min: 0,
    scale: "log",
    slider: [1e-5, 1],
    optional: true,
    help: "Bottom of the cycle; the optimizer's lr when left out.",
  },
  maxLr: {
    kind: "number",
    label: "Upper learning rate",
    symbol: String.raw`\eta_{\text{high}}`,
    default: 0.01,
    min: 0,
    scale: "log",
    slider: [1e-5, 10],
    optional: true,
    help: "Top of the cycle; 10 × the lower learning rate when left out.",
  },
  stepSizeUp: {
    kind: "integer",
    label: "Steps up",
    symbol: String.raw`s_{\uparrow}`,
    default: 2000,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    help: "Steps in the rising half of each cycle.",
  },
  stepSizeDown: {
    kind: "integer",
    label: "Steps down",
    symbol: String.raw`s_{\downarrow}`,
    default: 2000,
    min: 1,
    scale: "log",
    slider: [1, 5000],
    optional: true,
    help: "Steps in the falling half of each cycle; the steps up when left out.",
  },
  mode: {
    kind: "enum",
    label: "Amplitude policy",
    options: ["triangular", "triangular2", "expRange"],
    default: "triangular",
    help: "triangular: constant amplitude; triangular2: halved every cycle; expRange: scaled by gamma^t.",
  },
  gamma: {
    kind: "number",
    label: "Amplitude decay per step",
    symbol: String.raw`\gamma`,
    default: 1,
    min: 0,
    minExclusive: true,
    max: 1,
    scale: "linear",
    slider: [0.99, 1],
    help: "Used by expRange only.",
  },
};

/**
 * PyTorch's CyclicLR (Smith 2017) without momentum cycling: scale_mode "cycle" for the
 * triangular policies, "iterations" for exp_range, as PyTorch sets them. The expression
 * order follows get_lr so results agree to the last bit or two. With equal halves
 * (step_size) the triangular policy equals TF-Addons' CyclicalLearningRate.
 */
export const cyclic: ScheduleDef = {
  name: "cyclic",
  displayName: "Cyclical",
  cite: "torch.optim.lr_scheduler.CyclicLR (cycle_momentum=False); tfa.optimizers.CyclicalLearningRate",
  params,
  latex: String.raw`\eta_t &= \eta_{\text{low}} + (\eta_{\text{high}} - \eta_{\text{low}})\; h\; g \\ c &= \left\lfloor 1 + \frac{t}{s_{\uparrow} + s_{\downarrow}} \right\rfloor, \quad x = 1 + \frac{t}{s_{\uparrow} + s_{\downarrow}} - c, \quad \rho = \frac{s_{\uparrow}}{s_{\uparrow} + s_{\downarrow}} \\ h &= \begin{cases} x / \rho & x \le \rho \\ (1 - x) / (1 - \rho) & x > \rho \end{cases} \\ g &= \begin{cases} 1 & \text{triangular} \\ 2^{\,1 - c} & \text{triangular2} \\ \gamma^{t} & \text{expRange} \end{cases}`,
  // The cycle runs between the two rates; upper below lower would turn it upside down (and
  // rounding can then take the lr below 0), and 10 × a huge lower rate overflows.
  check(values, context) {
    const p = readParams("cyclic", params, values);
    const low = p.optionalNumber("baseLr") ?? context?.lr;
    if (low === undefined) return null;
    const high = p.optionalNumber("maxLr");
    if (high === undefined)
      return Number.isFinite(10 * low) ? null : { field: "baseLr", message: `must be ≤ ${Number.MAX_VALUE / 10} when maxLr is left out (it defaults to 10 × this)` };
    return high >= low ? null : { field: "maxLr", message: `must be ≥ the lower learning rate (${low})` };
  },
  create(values, optimizerLr) {
    const p = readParams("cyclic", params, values);
    const low = p.optionalNumber("baseLr") ?? optimizerLr;
    const high = p.optionalNumber("maxLr") ?? 10 * low;
    const up = p.number("stepSizeUp");
    const down = p.optionalNumber("stepSizeDown") ?? up;
    const mode = p.string("mode");
    const gamma = p.number("gamma");
    const totalSize = up + down;
    const stepRatio = up / totalSize;
    return {
      adaptive: false,
      lr(t) {
        const cycle = Math.floor(1 + t / totalSize);
        const x = 1.0 + t / totalSize - cycle;
        const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        const height = (high - low) * scaleFactor;
        if (mode === "triangular2") return low + height * (1 / 2.0 ** (cycle - 1));
        if (mode === "expRange") return low + height * gamma ** t;
        return low + height;
      },
    };
  },
};
