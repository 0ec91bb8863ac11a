import { defineOptimizer } from "./chain";
import { beta1, beta2, eps, flag, lr, weightDecay } from "./specs";
import { coupledL2, decoupledDecay } from "./transforms/decay";
import { descend } from "./transforms/descend";
import { amsgradMax, biasCorrection, firstMoment, secondMoment } from "./transforms/moments";

const b1 = beta1();
const b2 = beta2();
const epsilon = eps(1e-8);
/** torch.optim.Adam's scale_by_adam: moments, AMSGrad's max, bias correction (the decay goes in front). */
const scaleByAdam = [firstMoment("beta1", b1), secondMoment("beta2", b2), amsgradMax(flag("AMSGrad")), biasCorrection(b1, b2, epsilon)] as const;
const order = ["lr", "beta1", "beta2", "eps", "weightDecay", "amsgrad"] as const;

/** torch.optim.Adam (Kingma & Ba 2015; AMSGrad: Reddi et al. 2018); weight decay is coupled L2 added to the gradient. */
export const adam = defineOptimizer({
  name: "adam",
  displayName: "Adam",
  cite: "torch.optim.Adam; Kingma & Ba 2015, AMSGrad: Reddi et al. 2018",
  lr: lr(1e-3),
  chain: [coupledL2(weightDecay(0)), ...scaleByAdam, descend],
  order,
});

/** torch.optim.AdamW (Loshchilov & Hutter 2019): decay applied to the weights, not the gradient. */
export const adamw = defineOptimizer({
  name: "adamw",
  displayName: "AdamW",
  cite: "torch.optim.AdamW; Loshchilov & Hutter 2019",
  lr: lr(1e-3),
  chain: [decoupledDecay(weightDecay(0.01)), ...scaleByAdam, descend],
  order,
});
