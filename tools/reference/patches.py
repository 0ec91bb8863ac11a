"""Bring Debian's torch 1.13 in line with current PyTorch where the numbers differ.

Downhill follows current torch.optim. Debian ships torch 1.13.1, which is current for every
optimizer and scheduler Downhill uses except one (see README.md, "Patches", for the audit):

  NAdam. 1.13's _single_tensor_nadam multiplies mu_t into the next mu-product twice:

        mu_product *= mu                                  # prod_{i<=t} mu_i
        mu_product_next = mu_product * mu * mu_next       # prod_{i<=t} mu_i * mu_t * mu_{t+1}  (bug)

  Current PyTorch (fixed by pytorch/pytorch#92699, released in 2.0) uses
        mu_product_next = mu_product * mu_next            # prod_{i<=t+1} mu_i

  which is Dozat's (2016) bias correction 1 - prod_{i=1}^{t+1} mu_i. The bug changes every
  step's exp_avg term, so it changes the numbers, and we patch it.

apply() replaces torch.optim.nadam._single_tensor_nadam with the corrected copy below.
nadam() looks the function up in its module globals at call time, so NAdam.step picks it up;
the foreach path is never taken (foreach defaults to False in 1.13 and generate.py passes
foreach=False; current torch also uses the single-tensor path for CPU tensors).

Everything else in the copy is 1.13's code, kept as is. In particular current torch writes
exp_avg.lerp_(grad, 1 - beta1) where 1.13 writes exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1):
same value up to rounding, so we leave it (see README.md, "Rounding-only differences").
"""

from typing import List

import torch
import torch.optim.nadam as _nadam_module
from torch import Tensor

_APPLIED = False
_ORIGINAL_SINGLE_TENSOR_NADAM = _nadam_module._single_tensor_nadam


def _single_tensor_nadam_fixed(params: List[Tensor],
                               grads: List[Tensor],
                               exp_avgs: List[Tensor],
                               exp_avg_sqs: List[Tensor],
                               mu_products: List[Tensor],
                               state_steps: List[Tensor],
                               *,
                               beta1: float,
                               beta2: float,
                               lr: float,
                               weight_decay: float,
                               momentum_decay: float,
                               eps: float):
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        # update step
        step_t += 1
        step = step_t.item()

        bias_correction2 = 1 - beta2 ** step

        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)

        # calculate the momentum cache \mu^{t} and \mu^{t+1}
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))

        # update mu_product
        mu_product *= mu

        # decay the first and second moment running average coefficient
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt()

        # PATCH (pytorch/pytorch#92699): prod_{i<=t+1} mu_i, not prod_{i<=t} mu_i * mu_t * mu_{t+1}.
        # Same expression as current torch's non-differentiable branch.
        mu_product_next = mu_product.item() * mu_next
        denom.add_(eps)
        param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
        param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


def apply():
    """Install the patches (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    if not torch.__version__.startswith("1.13"):
        raise RuntimeError(
            f"patches.py was written for torch 1.13 and found {torch.__version__}; "
            "re-audit the patches before generating fixtures with another version")
    _nadam_module._single_tensor_nadam = _single_tensor_nadam_fixed
    _APPLIED = True


def describe():
    """The patch list recorded in every fixture file."""
    return [
        {
            "optimizer": "nadam",
            "what": "mu_product_next = mu_product * mu_next (1.13 had mu_product * mu * mu_next)",
            "why": "1.13 bug fixed upstream in pytorch/pytorch#92699 (torch 2.0); changes every step",
        }
    ]
