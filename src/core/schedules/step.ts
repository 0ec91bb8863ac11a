import type { ParamSpecs } from "../params";
import { decayFactorParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  stepSize: {
    kind: "integer",
    label: "Steps between decays",
    symbol: "s",
    default: 100,
    min: 1,
    scale: "log",
    slider: [1, 1000],
  },
  gamma: decayFactorParam("The lr is multiplied by this every stepSize steps."),
};

/**
 * Step decay. PyTorch's chainable StepLR multiplies the running lr by gamma at every
 * multiple of step_size; its closed form (used here) is base_lr·gamma^(t // step_size).
 */
export const step: ScheduleDef = {
  name: "step",
  displayName: "Step decay",
  cite: "torch.optim.lr_scheduler.StepLR",
  params,
  latex: String.raw`\eta_t &= \eta_0\,\gamma^{\lfloor t / s \rfloor}`,
  create(values, baseLr) {
    const p = readParams("step", params, values);
    const stepSize = p.number("stepSize");
    const gamma = p.number("gamma");
    return { adaptive: false, lr: (t) => baseLr * gamma ** Math.floor(t / stepSize) };
  },
};
