"""Checks of the reference itself, run by generate.py (results go to fixtures/index.json).

1. The NAdam patch: torch with the patch vs a plain-Python transcription of current PyTorch's
   NAdam, and vs unpatched 1.13, to show the patch is needed and right.
2. The hand-written optimizers (lion, emaMomentum, nag): torch vs plain Python. On the bowl
   autograd's gradient (x, 10y) is exactly the analytic one, so they must agree bit for bit.
3. How far plain double arithmetic (what a JavaScript engine computes) lands from torch for a
   few torch optimizers, again on the bowl: the gap comes only from torch's fused multiply-adds
   (see README.md), and tells the TypeScript tests what tolerance to use.
"""

import math

import torch

import optimizers
import patches


def _bowl_grad(x, y):
    return [x, 10 * y]


def _run_py(step_fn, start, steps):
    x = list(start)
    pts = [list(x)]
    for t in range(1, steps + 1):
        g = _bowl_grad(*x)
        x = step_fn(x, g, t)
        pts.append(list(x))
    return pts


def _nadam_py(lr, b1, b2, eps, wd, psi):
    m, v, prod = [0.0, 0.0], [0.0, 0.0], [1.0]

    def step(x, g, t):
        g = [gi + wd * xi for gi, xi in zip(g, x)] if wd else g
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        prod[0] *= mu
        prod_next = prod[0] * mu_next
        out = []
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            denom = math.sqrt(v[i] / (1 - b2**t)) + eps
            xi = x[i] + (-lr * (1.0 - mu) / (1.0 - prod[0])) * g[i] / denom
            xi = xi + ((-lr * mu_next) / (1.0 - prod_next)) * m[i] / denom
            out.append(xi)
        return out
    return step


def _adam_py(lr, b1, b2, eps, wd):
    m, v = [0.0, 0.0], [0.0, 0.0]

    def step(x, g, t):
        out = []
        for i in range(2):
            gi = g[i] + wd * x[i]
            m[i] = b1 * m[i] + (1 - b1) * gi
            v[i] = b2 * v[i] + (1 - b2) * gi * gi
            denom = math.sqrt(v[i]) / math.sqrt(1 - b2**t) + eps
            out.append(x[i] - (lr / (1 - b1**t)) * m[i] / denom)
        return out
    return step


def _sgd_py(lr, mom, damp, nesterov, wd):
    buf = [None]

    def step(x, g, t):
        g = [gi + wd * xi for gi, xi in zip(g, x)]
        if mom:
            if buf[0] is None:
                buf[0] = list(g)
            else:
                buf[0] = [mom * b + (1 - damp) * gi for b, gi in zip(buf[0], g)]
            d = [gi + mom * b for gi, b in zip(g, buf[0])] if nesterov else buf[0]
        else:
            d = g
        return [xi - lr * di for xi, di in zip(x, d)]
    return step


def _lion_py(lr, b1, b2, wd):
    m = [0.0, 0.0]

    def step(x, g, t):
        out = []
        for i in range(2):
            xi = x[i] * (1 - lr * wd)
            c = m[i] * b1 + g[i] * (1 - b1)
            s = (c > 0) - (c < 0)
            out.append(xi - s * lr)
            m[i] = m[i] * b2 + g[i] * (1 - b2)
        return out
    return step


def _ema_py(lr, beta):
    v = [0.0, 0.0]

    def step(x, g, t):
        for i in range(2):
            v[i] = v[i] * beta + g[i] * (1 - beta)
        return [x[i] - v[i] * lr for i in range(2)]
    return step


def _nag_py(start, steps, lr, gamma):
    x, v = list(start), [0.0, 0.0]
    pts = [list(x)]
    for _ in range(steps):
        look = [x[i] - v[i] * gamma for i in range(2)]
        g = _bowl_grad(*look)
        v = [v[i] * gamma + g[i] * lr for i in range(2)]
        x = [x[i] - v[i] for i in range(2)]
        pts.append(list(x))
    return pts


def _gap(a, b):
    return max(abs(u - v) / max(1.0, abs(u)) for p, q in zip(a, b) for u, v in zip(p, q))


def _torch_run(run, opt, steps, start=(10.0, 1.0)):
    case = {"surface": "bowl", "start": list(start), "steps": steps, "optimizer": optimizers.full_params(opt)}
    return run(case)[0]


def run_all(run):
    """`run` is generate.run. Returns a dict of results (also printed)."""
    res = {}
    steps = 100
    # 1. NAdam patch
    spec = {"name": "nadam", "lr": 0.1, "weightDecay": 0.1}
    full = optimizers.full_params(spec)
    py = _run_py(_nadam_py(0.1, 0.9, 0.999, 1e-8, 0.1, 4e-3), (10.0, 1.0), steps)
    patched = _torch_run(run, spec, steps)
    import torch.optim.nadam as nm
    fixed = nm._single_tensor_nadam
    nm._single_tensor_nadam = patches._ORIGINAL_SINGLE_TENSOR_NADAM
    try:
        unpatched = _torch_run(run, spec, steps)
    finally:
        nm._single_tensor_nadam = fixed
    res["nadamPatch"] = {"case": f"nadam {full} on bowl (10,1), {steps} steps",
                         "patchedVsCurrentAlgorithm": _gap(py, patched),
                         "unpatched1_13VsCurrentAlgorithm": _gap(py, unpatched),
                         "finalPatched": patched[-1], "finalUnpatched": unpatched[-1]}
    # 2. hand-written optimizers: bit-exact
    hand = {
        "lion": ( {"name": "lion", "lr": 0.05, "weightDecay": 0.1}, _run_py(_lion_py(0.05, 0.9, 0.99, 0.1), (10.0, 1.0), steps)),
        "emaMomentum": ({"name": "emaMomentum", "lr": 0.1, "beta": 0.9}, _run_py(_ema_py(0.1, 0.9), (10.0, 1.0), steps)),
        "nag": ({"name": "nag", "lr": 0.05, "momentum": 0.9}, _nag_py((10.0, 1.0), steps, 0.05, 0.9)),
    }
    res["handWritten"] = {k: {"maxGap": _gap(py_pts, _torch_run(run, s, steps))} for k, (s, py_pts) in hand.items()}
    # 3. torch optimizers vs plain double arithmetic
    plain = {
        "sgd": ({"name": "sgd", "lr": 0.1}, _sgd_py(0.1, 0, 0, False, 0)),
        "sgd momentum+nesterov+wd": ({"name": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01},
                                     _sgd_py(0.05, 0.9, 0, True, 0.01)),
        "adam": ({"name": "adam", "lr": 0.1}, _adam_py(0.1, 0.9, 0.999, 1e-8, 0)),
        "adam wd": ({"name": "adam", "lr": 0.1, "weightDecay": 0.1}, _adam_py(0.1, 0.9, 0.999, 1e-8, 0.1)),
    }
    res["plainDoubleVsTorch"] = {k: {"maxGap": _gap(_run_py(fn, (10.0, 1.0), steps), _torch_run(run, s, steps))}
                                 for k, (s, fn) in plain.items()}
    for k, v in res.items():
        print(f"selfcheck {k}: {v}")
    return res
