import type { ParamSpecs } from "../params";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  boundaries: {
    kind: "numberList",
    label: "Boundaries",
    symbol: "b",
    default: [100, 200],
    min: 0,
    integer: true,
    increasing: true,
    help: "Last step of each piece but the final one.",
  },
  values: {
    kind: "numberList",
    label: "Learning rates",
    symbol: "v",
    default: [0.1, 0.05, 0.01],
    min: 0,
    minExclusive: true,
    help: "Absolute learning rates, one more than there are boundaries; the optimizer's lr is not used.",
  },
};

/**
 * Keras' PiecewiseConstantDecay: values[0] while t <= boundaries[0], values[i] while
 * boundaries[i-1] < t <= boundaries[i], the last value after the last boundary.
 * The values are absolute learning rates, so baseLr is not used.
 */
export const piecewise: ScheduleDef = {
  name: "piecewise",
  displayName: "Piecewise constant",
  cite: "keras.optimizers.schedules.PiecewiseConstantDecay",
  params,
  latex: String.raw`\eta_t &= \begin{cases} v_0 & t \le b_0 \\ v_i & b_{i-1} < t \le b_i \\ v_n & t > b_{n-1} \end{cases}`,
  check(values) {
    const p = readParams("piecewise", params, values);
    const nb = p.list("boundaries").length;
    const nv = p.list("values").length;
    if (nv === nb + 1) return null;
    return { field: "values", message: `needs ${nb + 1} learning rates (one more than the ${nb} boundaries), got ${nv}` };
  },
  create(values) {
    const p = readParams("piecewise", params, values);
    const boundaries = Float64Array.from(p.list("boundaries"));
    const lrs = Float64Array.from(p.list("values"));
    return {
      adaptive: false,
      lr(t) {
        for (let i = 0; i < boundaries.length; i++) if (t <= boundaries[i]) return lrs[i];
        return lrs[boundaries.length];
      },
    };
  },
};
