import { defineOptimizer } from "./chain";
import { eps, flag, lr, momentum, weightDecay } from "./specs";
import { scaleByRms } from "./transforms/adaptive";
import { coupledL2 } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { heavyBall } from "./transforms/momentum";

/** torch.optim.RMSprop (Tieleman & Hinton 2012, lecture 6e; centered variant from Graves 2013). */
export const rmsprop = defineOptimizer({
  name: "rmsprop",
  displayName: "RMSprop",
  cite: "torch.optim.RMSprop; Tieleman & Hinton 2012, Graves 2013 (centered)",
  lr: lr(0.01),
  chain: [
    coupledL2(weightDecay()),
    scaleByRms(
      { kind: "number", label: "Alpha", symbol: "\\alpha", default: 0.99, min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0.5, 0.999] },
      eps(1e-8),
      flag("Centered"),
    ),
    heavyBall(momentum(0)),
    descend,
  ],
  order: ["lr", "alpha", "eps", "weightDecay", "momentum", "centered"],
});
