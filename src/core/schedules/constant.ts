import type { ScheduleDef } from "./types";

/** The optimizer's lr at every step: what torch.optim does with no scheduler attached. */
export const constant: ScheduleDef = {
  name: "constant",
  displayName: "Constant",
  cite: "torch.optim with no lr_scheduler attached",
  params: {},
  latex: String.raw`\eta_t &= \eta_0`,
  create: (_params, baseLr) => ({ adaptive: false, lr: () => baseLr }),
};
