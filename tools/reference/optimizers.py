"""Build a torch optimizer from a Downhill optimizer spec ({"name", camelCase params}).

Torch's own optimizers are used wherever torch has them. Downhill's three optimizers that
torch 1.13 lacks are written here as small torch.optim.Optimizer subclasses with tensor ops:

  lion         Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", with the
               update order of lucidrains/lion-pytorch.
  emaMomentum  seed 003's heavy ball: v = beta*v + (1-beta)*g, x -= lr*v.
  nag          seed 000's look-ahead Nesterov: v = gamma*v + lr*grad f(x - gamma*v), x -= v.

In these hand-written ones every product is formed as its own tensor before the add
(`v.mul_(b).add_(c * g)`, never `add_(g, alpha=c)`): on this build torch's add-with-alpha
is a fused multiply-add, which JavaScript cannot do, and for a reference we wrote ourselves
there is no reason to carry that rounding difference.
"""

import torch

# Downhill defaults = current torch defaults (SGD's lr default is current torch's 1e-3;
# 1.13 had no default). Lion: lucidrains' defaults. emaMomentum / nag: the seeds' values.
DEFAULTS = {
    "sgd": {"lr": 1e-3, "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weightDecay": 0.0},
    "adagrad": {"lr": 1e-2, "lrDecay": 0.0, "weightDecay": 0.0, "initialAccumulatorValue": 0.0, "eps": 1e-10},
    "rmsprop": {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weightDecay": 0.0, "momentum": 0.0, "centered": False},
    "adam": {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.0, "amsgrad": False},
    "adamw": {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 1e-2, "amsgrad": False},
    "nadam": {"lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.0, "momentumDecay": 4e-3},
    "adamax": {"lr": 2e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.0},
    "adadelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-6, "weightDecay": 0.0},
    "radam": {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.0},
    "rprop": {"lr": 1e-2, "etaMinus": 0.5, "etaPlus": 1.2, "stepSizeMin": 1e-6, "stepSizeMax": 50.0},
    "asgd": {"lr": 1e-2, "lambd": 1e-4, "alpha": 0.75, "t0": 1e6, "weightDecay": 0.0},
    "lion": {"lr": 1e-4, "beta1": 0.9, "beta2": 0.99, "weightDecay": 0.0},
    "emaMomentum": {"lr": 0.1, "beta": 0.9},
    "nag": {"lr": 0.01, "momentum": 0.9},
}


class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023), update order as in lucidrains/lion-pytorch:

        x <- x * (1 - lr * wd)
        c  = beta1 * m + (1 - beta1) * g
        x <- x - lr * sign(c)
        m <- beta2 * m + (1 - beta2) * g          (m starts at 0)
    """

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd = group["lr"], group["weight_decay"]
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state["exp_avg"] = torch.zeros_like(p)
                m = state["exp_avg"]
                p.mul_(1 - lr * wd)
                c = m * beta1 + g * (1 - beta1)
                p.sub_(torch.sign(c) * lr)
                m.mul_(beta2).add_(g * (1 - beta2))


class EmaMomentum(torch.optim.Optimizer):
    """Seed 003's momentum ("heavy ball" as an exponential moving average):

        v <- beta * v + (1 - beta) * g            (v starts at 0)
        x <- x - lr * v
    """

    def __init__(self, params, lr=0.1, beta=0.9):
        super().__init__(params, dict(lr=lr, beta=beta))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, beta = group["lr"], group["beta"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state["velocity"] = torch.zeros_like(p)
                v = state["velocity"]
                v.mul_(beta).add_(p.grad * (1 - beta))
                p.sub_(v * lr)


class LookaheadNesterov(torch.optim.Optimizer):
    """Seed 000's Nesterov accelerated gradient, look-ahead form:

        v <- gamma * v + lr * grad f(x - gamma * v)      (v starts at 0)
        x <- x - v

    The caller evaluates the gradient at gradient_point(x) = x - gamma * v and stores it in
    p.grad (noise and clipping act on that gradient), then calls step().
    """

    def __init__(self, params, lr=0.01, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    def _velocity(self, p):
        state = self.state[p]
        if len(state) == 0:
            state["velocity"] = torch.zeros_like(p)
        return state["velocity"]

    @torch.no_grad()
    def gradient_point(self, p):
        gamma = self.param_groups[0]["momentum"]
        return p - self._velocity(p) * gamma

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, gamma = group["lr"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                v = self._velocity(p)
                v.mul_(gamma).add_(p.grad * lr)
                p.sub_(v)


def full_params(spec):
    """The spec with every parameter filled in from DEFAULTS (the fixture records all of them)."""
    name = spec["name"]
    if name not in DEFAULTS:
        raise ValueError(f"optimizer.name: unknown optimizer {name!r}; allowed: {', '.join(DEFAULTS)}")
    unknown = set(spec) - {"name"} - set(DEFAULTS[name])
    if unknown:
        raise ValueError(f"optimizer {name}: unknown parameter(s) {sorted(unknown)}; allowed: {sorted(DEFAULTS[name])}")
    out = {"name": name}
    for key, default in DEFAULTS[name].items():
        value = spec.get(key, default)
        out[key] = float(value) if isinstance(default, float) else value
    return out


def make_optimizer(params, spec):
    """torch optimizer for a full Downhill optimizer spec (see full_params)."""
    s = spec
    name = s["name"]
    o = torch.optim
    if name == "sgd":
        return o.SGD(params, lr=s["lr"], momentum=s["momentum"], dampening=s["dampening"],
                     nesterov=s["nesterov"], weight_decay=s["weightDecay"], foreach=False)
    if name == "adagrad":
        return o.Adagrad(params, lr=s["lr"], lr_decay=s["lrDecay"], weight_decay=s["weightDecay"],
                         initial_accumulator_value=s["initialAccumulatorValue"], eps=s["eps"], foreach=False)
    if name == "rmsprop":
        return o.RMSprop(params, lr=s["lr"], alpha=s["alpha"], eps=s["eps"], weight_decay=s["weightDecay"],
                         momentum=s["momentum"], centered=s["centered"], foreach=False)
    if name in ("adam", "adamw"):
        cls = o.Adam if name == "adam" else o.AdamW
        return cls(params, lr=s["lr"], betas=(s["beta1"], s["beta2"]), eps=s["eps"],
                   weight_decay=s["weightDecay"], amsgrad=s["amsgrad"], foreach=False)
    if name == "nadam":
        return o.NAdam(params, lr=s["lr"], betas=(s["beta1"], s["beta2"]), eps=s["eps"],
                       weight_decay=s["weightDecay"], momentum_decay=s["momentumDecay"], foreach=False)
    if name == "adamax":
        return o.Adamax(params, lr=s["lr"], betas=(s["beta1"], s["beta2"]), eps=s["eps"],
                        weight_decay=s["weightDecay"], foreach=False)
    if name == "adadelta":
        return o.Adadelta(params, lr=s["lr"], rho=s["rho"], eps=s["eps"], weight_decay=s["weightDecay"],
                          foreach=False)
    if name == "radam":
        return o.RAdam(params, lr=s["lr"], betas=(s["beta1"], s["beta2"]), eps=s["eps"],
                       weight_decay=s["weightDecay"], foreach=False)
    if name == "rprop":
        return o.Rprop(params, lr=s["lr"], etas=(s["etaMinus"], s["etaPlus"]),
                       step_sizes=(s["stepSizeMin"], s["stepSizeMax"]), foreach=False)
    if name == "asgd":
        return o.ASGD(params, lr=s["lr"], lambd=s["lambd"], alpha=s["alpha"], t0=s["t0"],
                      weight_decay=s["weightDecay"], foreach=False)
    if name == "lion":
        return Lion(params, lr=s["lr"], betas=(s["beta1"], s["beta2"]), weight_decay=s["weightDecay"])
    if name == "emaMomentum":
        return EmaMomentum(params, lr=s["lr"], beta=s["beta"])
    if name == "nag":
        return LookaheadNesterov(params, lr=s["lr"], momentum=s["momentum"])
    raise ValueError(f"optimizer.name: unknown optimizer {name!r}")
