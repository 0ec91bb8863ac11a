#!/usr/bin/python3
"""L-BFGS reference fixtures: real torch.optim.LBFGS, one step(closure) per engine step.

    /usr/bin/python3 tools/reference/lbfgs.py     # writes fixtures/lbfgs/cases.json

Each engine step is exactly one call of LBFGS.step(closure) with max_iter=1 (max_eval
defaults to max_iter * 5 // 4 = 1, which a single iteration never consults before it
stops), the optimizer's state carried from step to step. The closure counts its calls:
PyTorch's `func_evals`, f with its gradient being one evaluation. Written in float64.
"""

import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

torch.set_default_dtype(torch.float64)

from surfaces import SURFACES  # noqa: E402

CASES = []


def case(surface, start, steps, lr=1.0, history=100, line_search="none", tol_grad=1e-7, tol_change=1e-9):
    ident = f"lbfgs[lr={lr},historySize={history},lineSearch={line_search}]@{surface}({start[0]},{start[1]})x{steps}"
    CASES.append(dict(id=ident, surface=surface, start=list(start), steps=steps,
                      optimizer=dict(name="lbfgs", lr=lr, historySize=history, lineSearch=line_search,
                                     toleranceGrad=tol_grad, toleranceChange=tol_change)))


for ls in ("none", "strongWolfe"):
    case("rosenbrock", (-1.5, 2.0), 60, line_search=ls)
    case("rosenbrock", (-2.0, 2.0), 60, lr=0.5, line_search=ls)
    case("bowl", (10.0, 1.0), 20, line_search=ls)
    case("quadratic", (0.0, 2.0), 10, line_search=ls)
    case("himmelblau", (0.0, 0.0), 40, line_search=ls)
    case("beale", (1.0, 1.0), 40, line_search=ls)
    case("quartic", (-0.5, 0.5), 30, line_search=ls)
    case("sixHumpCamel", (-1.5, 1.0), 30, history=3, line_search=ls)
    case("ravine", (-8.0, 1.0), 30, lr=0.1, history=2, line_search=ls)
    case("rastrigin", (2.3, -1.7), 30, line_search=ls)
# A start where the gradient is below toleranceGrad: every step returns at once.
case("bowl", (0.0, 0.0), 5)
# toleranceChange large enough that the directional-derivative test stops the iteration.
case("bowl", (1e-4, 1e-4), 5, tol_change=1e-3)


PERTURBATION = 2.0**-52  # as generate.py: relative gradient perturbation that measures rounding sensitivity


def run(c, perturb=0.0):
    f = SURFACES[c["surface"]]
    param = torch.tensor(c["start"], requires_grad=True)
    o = c["optimizer"]
    opt = torch.optim.LBFGS([param], lr=o["lr"], max_iter=1, history_size=o["historySize"],
                            tolerance_grad=o["toleranceGrad"], tolerance_change=o["toleranceChange"],
                            line_search_fn=None if o["lineSearch"] == "none" else "strong_wolfe")
    calls = [0]

    def closure():
        calls[0] += 1
        opt.zero_grad()
        loss = f(param)
        loss.backward()
        if perturb:
            with torch.no_grad():
                param.grad.mul_(1.0 + perturb if calls[0] % 2 == 0 else 1.0 - perturb)
        return loss

    points, evals = [list(c["start"])], []
    for _ in range(c["steps"]):
        before = calls[0]
        opt.step(closure)
        p = param.detach().tolist()
        if not all(math.isfinite(v) for v in p):
            break
        points.append(p)
        evals.append(calls[0] - before)
    return points, evals


def main():
    out = []
    for c in CASES:
        points, evals = run(c)
        # Largest point difference, relative to max(1, |coordinate|), when every gradient is
        # scaled by 1 ± 2^-52: how far rounding alone moves this run (see generate.py).
        alt, _ = run(c, perturb=PERTURBATION)
        sens = max((abs(u - v) / max(1.0, abs(u)) for a, b in zip(points, alt) for u, v in zip(a, b)), default=0.0)
        if len(alt) < len(points):
            sens = 1.0
        out.append({**c, "sensitivity": sens, "points": points, "evaluations": evals})
    doc = {"generator": "tools/reference/lbfgs.py", "torch": torch.__version__, "dtype": "float64", "cases": out}
    path = os.path.join(HERE, "fixtures", "lbfgs", "cases.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(f"{len(out)} cases -> {os.path.relpath(path)}")
    for c in out:
        print(f"  {c['id']}: end {c['points'][-1]}, evaluations {sum(c['evaluations'])}, sensitivity {c['sensitivity']:.1e}")


if __name__ == "__main__":
    main()
