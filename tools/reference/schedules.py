"""Build the learning-rate schedule of a case: a torch scheduler where torch has one,
otherwise a closed-form formula (Keras schedules, seed formulas, generic linear warmup).

Every schedule runs on the optimizer's lr as its base (torch's base_lrs / initial_lr).
Two torch schedulers overwrite the optimizer's lr when built: CyclicLR sets it to baseLr and
OneCycleLR to maxLr/divFactor; the cases give the optimizer lr = baseLr (cyclic) and
lr = maxLr (oneCycle) so the fixture reads the same whichever of the two the engine uses.

The torch schedulers are stepped without an epoch argument, i.e. through their recursive
("chainable") get_lr: StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR and PolynomialLR
multiply the previous lr by a factor each step. Their closed forms (what a schedule written
as a function of t computes) agree to ~1e-15 relative, not bit for bit; generate.py measures
the gap and README.md reports it.
"""

import math
from bisect import bisect_right

import torch
from torch.optim import lr_scheduler as S

# Required parameters per schedule, in the order the fixtures list them.
TORCH_PARAMS = {
    "step": ["stepSize", "gamma"],
    "multistep": ["milestones", "gamma"],
    "exponential": ["gamma"],
    "cosine": ["tMax", "etaMin"],
    "cosineRestarts": ["t0", "tMult", "etaMin"],
    "cyclic": ["baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode", "gamma"],
    "oneCycle": ["maxLr", "totalSteps", "pctStart", "divFactor", "finalDivFactor", "annealStrategy"],
    "polynomial": ["totalSteps", "power", "endLr"],
    "reduceOnPlateau": ["factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr"],
}
FORMULA_PARAMS = {
    "exponential": ["decaySteps", "decayRate", "staircase"],  # Keras ExponentialDecay
    "inverseTime": ["decayRate", "decaySteps", "staircase"],  # Keras InverseTimeDecay
    "piecewise": ["boundaries", "values"],  # Keras PiecewiseConstantDecay
    "warmupCosine": ["warmupSteps", "totalSteps", "minLr"],  # seeds 001 / 003
}


def source_of(spec):
    """'torch' when a torch scheduler implements the spec, else 'formula'."""
    if spec is None:
        return None
    if "warmup" in spec:
        return "formula"
    if spec["name"] == "exponential" and "decayRate" in spec:
        return "formula"
    if spec["name"] in TORCH_PARAMS:
        return "torch"
    if spec["name"] in FORMULA_PARAMS:
        return "formula"
    raise ValueError(f"schedule.name: unknown schedule {spec['name']!r}")


def validate(spec):
    source_of(spec)
    name = spec["name"]
    keras_exponential = name == "exponential" and "decayRate" in spec
    # a torch schedule behind a warmup is still checked against torch's parameters
    table = FORMULA_PARAMS if (name in FORMULA_PARAMS and name != "exponential") or keras_exponential \
        else TORCH_PARAMS
    expected = set(table[name]) | {"name"} | ({"warmup"} if "warmup" in spec else set())
    if set(spec) != expected:
        raise ValueError(f"schedule {name}: keys {sorted(spec)} != expected {sorted(expected)}")
    if name == "polynomial" and spec["endLr"] != 0:
        raise ValueError("schedule polynomial: endLr must be 0 (torch's PolynomialLR decays to 0)")


# ------------------------------------------------------------------ closed-form formulas

def _closed_form(spec):
    """fn(t, base) -> lr for a schedule without warmup, and its formula as text."""
    name = spec["name"]
    if name == "exponential" and "decayRate" in spec:
        k, r, stair = spec["decaySteps"], spec["decayRate"], spec["staircase"]
        if stair:
            return (lambda t, b: b * r ** (t // k)), "base * decayRate ** floor(t / decaySteps)"
        return (lambda t, b: b * r ** (t / k)), "base * decayRate ** (t / decaySteps)"
    if name == "inverseTime":
        k, r, stair = spec["decaySteps"], spec["decayRate"], spec["staircase"]
        if stair:
            return (lambda t, b: b / (1 + r * (t // k))), "base / (1 + decayRate * floor(t / decaySteps))"
        return (lambda t, b: b / (1 + r * (t / k))), "base / (1 + decayRate * (t / decaySteps))"
    if name == "piecewise":
        bounds, values = spec["boundaries"], spec["values"]
        if len(values) != len(bounds) + 1:
            raise ValueError("schedule piecewise: len(values) must be len(boundaries) + 1")

        def piecewise(t, b):
            for i, bound in enumerate(bounds):
                if t <= bound:
                    return values[i]
            return values[-1]
        return piecewise, ("values[0] if t <= boundaries[0]; values[i] if boundaries[i-1] < t <= boundaries[i]; "
                           "values[-1] if t > boundaries[-1] (Keras PiecewiseConstantDecay; absolute lrs, base unused)")
    if name == "warmupCosine":
        w, T, lo = spec["warmupSteps"], spec["totalSteps"], spec["minLr"]

        def warmup_cosine(t, b):
            if t < w:
                return b * t / w
            tt = min(t, T)
            return lo + (b - lo) * 0.5 * (1 + math.cos(math.pi * (tt - w) / (T - w)))
        return warmup_cosine, ("base * t / warmupSteps if t < warmupSteps, else minLr + (base - minLr) * 0.5 * "
                               "(1 + cos(pi * (min(t, totalSteps) - warmupSteps) / (totalSteps - warmupSteps)))")
    # torch schedules in closed form (torch's _get_closed_form_lr), used behind a warmup
    if name == "step":
        s, g = spec["stepSize"], spec["gamma"]
        return (lambda t, b: b * g ** (t // s)), "base * gamma ** floor(t / stepSize)"
    if name == "multistep":
        ms, g = sorted(spec["milestones"]), spec["gamma"]
        return (lambda t, b: b * g ** bisect_right(ms, t)), "base * gamma ** (number of milestones <= t)"
    if name == "exponential":
        g = spec["gamma"]
        return (lambda t, b: b * g ** t), "base * gamma ** t"
    if name == "cosine":
        T, lo = spec["tMax"], spec["etaMin"]
        return ((lambda t, b: lo + (b - lo) * (1 + math.cos(math.pi * t / T)) / 2),
                "etaMin + (base - etaMin) * (1 + cos(pi * t / tMax)) / 2")
    if name == "polynomial":
        T, pw = spec["totalSteps"], spec["power"]
        return ((lambda t, b: b * (1.0 - min(T, t) / T) ** pw),
                "base * (1 - min(totalSteps, t) / totalSteps) ** power")
    raise ValueError(f"schedule {name}: no closed form written for it (add one to schedules.py)")


def formula(spec):
    """fn(t, base) -> lr and its text, including a generic linear warmup."""
    inner, text = _closed_form({k: v for k, v in spec.items() if k != "warmup"})
    if "warmup" not in spec:
        return inner, text
    w = spec["warmup"]
    return ((lambda t, b: b * t / w if t < w else inner(t - w, b)),
            f"base * t / warmup if t < warmup, else [{text}] at t - warmup")


class FormulaLR(S._LRScheduler):
    """lr = fn(t, base_lr), set directly (LambdaLR would compute base * lambda(t), which adds a
    rounding and cannot express absolute values such as Keras' piecewise lrs)."""

    def __init__(self, optimizer, fn):
        self.fn = fn
        super().__init__(optimizer)

    def get_lr(self):
        return [self.fn(self.last_epoch, base) for base in self.base_lrs]


def make_schedule(optimizer, spec):
    """Scheduler for the optimizer, or None. Call .step() after optimizer.step()
    (ReduceLROnPlateau: .step(loss))."""
    if spec is None:
        return None
    validate(spec)
    if source_of(spec) == "formula":
        fn, _ = formula(spec)
        return FormulaLR(optimizer, fn)
    s, name = spec, spec["name"]
    if name == "step":
        return S.StepLR(optimizer, step_size=s["stepSize"], gamma=s["gamma"])
    if name == "multistep":
        return S.MultiStepLR(optimizer, milestones=s["milestones"], gamma=s["gamma"])
    if name == "exponential":
        return S.ExponentialLR(optimizer, gamma=s["gamma"])
    if name == "cosine":
        return S.CosineAnnealingLR(optimizer, T_max=s["tMax"], eta_min=s["etaMin"])
    if name == "cosineRestarts":
        return S.CosineAnnealingWarmRestarts(optimizer, T_0=s["t0"], T_mult=s["tMult"], eta_min=s["etaMin"])
    if name == "cyclic":
        mode = {"triangular": "triangular", "triangular2": "triangular2", "expRange": "exp_range"}[s["mode"]]
        return S.CyclicLR(optimizer, base_lr=s["baseLr"], max_lr=s["maxLr"], step_size_up=s["stepSizeUp"],
                          step_size_down=s["stepSizeDown"], mode=mode, gamma=s["gamma"], cycle_momentum=False)
    if name == "oneCycle":
        return S.OneCycleLR(optimizer, max_lr=s["maxLr"], total_steps=s["totalSteps"],
                            pct_start=float(s["pctStart"]), anneal_strategy=s["annealStrategy"],
                            cycle_momentum=False, div_factor=s["divFactor"],
                            final_div_factor=s["finalDivFactor"])
    if name == "polynomial":
        return S.PolynomialLR(optimizer, total_iters=s["totalSteps"], power=s["power"])
    if name == "reduceOnPlateau":
        return S.ReduceLROnPlateau(optimizer, mode="min", factor=s["factor"], patience=s["patience"],
                                   threshold=s["threshold"], threshold_mode=s["thresholdMode"],
                                   cooldown=s["cooldown"], min_lr=s["minLr"])
    raise ValueError(f"schedule.name: unknown schedule {name!r}")


def step_schedule(sched, loss_value):
    if sched is None:
        return
    if isinstance(sched, S.ReduceLROnPlateau):
        sched.step(loss_value)
    else:
        sched.step()


def closed_form_for_torch(spec):
    """Closed form of a torch schedule (for measuring the recursive-vs-closed-form gap), or None."""
    name = spec["name"]
    if name in ("step", "multistep", "exponential", "cosine", "polynomial"):
        return _closed_form(spec)[0]
    return None
