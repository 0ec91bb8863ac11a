import type { ParamSpecs } from "../params";
import { decayFactorParam } from "./specs";
import { readParams } from "./readParams";
import type { ScheduleDef } from "./types";

const params: ParamSpecs = {
  milestones: {
    kind: "numberList",
    label: "Milestones",
    symbol: "M",
    default: [100, 200],
    min: 1,
    integer: true,
    increasing: true,
    help: "Steps at which the lr is multiplied by gamma.",
  },
  gamma: decayFactorParam("The lr is multiplied by this at each milestone."),
};

/** MultiStepLR's closed form: base_lr·gamma^bisect_right(milestones, t). */
export const multistep: ScheduleDef = {
  name: "multistep",
  displayName: "Multi-step decay",
  cite: "torch.optim.lr_scheduler.MultiStepLR",
  params,
  latex: String.raw`\eta_t &= \eta_0\,\gamma^{\,\left|\{\, m \in M \,:\, m \le t \,\}\right|}`,
  create(values, baseLr) {
    const p = readParams("multistep", params, values);
    const milestones = Float64Array.from(p.list("milestones"));
    const gamma = p.number("gamma");
    return {
      adaptive: false,
      lr(t) {
        // bisect_right: number of milestones <= t (milestones are increasing).
        let lo = 0;
        let hi = milestones.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (milestones[mid] <= t) lo = mid + 1;
          else hi = mid;
        }
        return baseLr * gamma ** lo;
      },
    };
  },
};
