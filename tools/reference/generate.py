#!/usr/bin/python3
"""Generate Downhill's PyTorch reference fixtures.

    /usr/bin/python3 tools/reference/generate.py            # everything
    /usr/bin/python3 tools/reference/generate.py --no-seeds # skip re-running the seed scripts
    /usr/bin/python3 tools/reference/generate.py --check-noise  # also compare noise.py with Node

Runs every case of cases.py through real torch.optim in float64 and writes
tools/reference/fixtures/<group>.json (see README.md for the format), then runs the seeds'
exercises (run_seeds.py) into fixtures/seeds/. Needs torch 1.13 (Debian's python3-torch);
the tests that read the fixtures never need torch.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import torch  # noqa: E402

torch.set_default_dtype(torch.float64)

import cases  # noqa: E402
import optimizers  # noqa: E402
import patches  # noqa: E402
import schedules  # noqa: E402
from noise import GaussianNoise  # noqa: E402
from surfaces import SURFACES  # noqa: E402

patches.apply()

FIXTURES = os.path.join(HERE, "fixtures")
PROBLEMS = []
PERTURBATION = 2.0**-52  # relative gradient perturbation used to measure rounding sensitivity


def clip_gradient(param, clip):
    if clip["mode"] == "norm":
        norm_type = float("inf") if clip["normType"] == "inf" else float(clip["normType"])
        torch.nn.utils.clip_grad_norm_([param], clip["maxNorm"], norm_type=norm_type)
    elif clip["mode"] == "value":
        torch.nn.utils.clip_grad_value_([param], clip["clipValue"])
    else:
        raise ValueError(f"clip.mode: unknown mode {clip['mode']!r}; allowed: norm, value")


def run(case, perturb=0.0):
    """One run, the loop of README.md ("The run"). Returns (points, lrs) up to divergence."""
    f = SURFACES[case["surface"]]
    x0, y0 = case["start"]
    param = torch.tensor([x0, y0], requires_grad=True)
    opt = optimizers.make_optimizer([param], case["optimizer"])
    sched = schedules.make_schedule(opt, case.get("schedule"))
    noise = GaussianNoise(case["noise"]["seed"]) if "noise" in case else None
    clip = case.get("clip")
    lookahead = isinstance(opt, optimizers.LookaheadNesterov)

    points, lrs = [[x0, y0]], []
    for t in range(case["steps"]):
        opt.zero_grad()
        if lookahead:
            q = opt.gradient_point(param).detach().requires_grad_(True)
            loss = f(q)
            loss.backward()
            param.grad = q.grad
        else:
            loss = f(param)
            loss.backward()
        with torch.no_grad():
            if perturb:  # alternate the sign so that scale-invariant optimizers (Adam) notice too
                param.grad.mul_(1.0 + perturb if t % 2 == 0 else 1.0 - perturb)
            if noise is not None:
                param.grad += case["noise"]["std"] * torch.tensor(noise.pair())
        if clip:
            clip_gradient(param, clip)
        lrs.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        schedules.step_schedule(sched, loss.item())
        p = param.detach().tolist()
        if not all(math.isfinite(v) for v in p):
            break
        points.append(p)
    return points, lrs


def loss_at(surface, point):
    with torch.no_grad():
        return float(SURFACES[surface](torch.tensor(point)))


def build(case):
    """Run a case and return its fixture record."""
    c = dict(case)
    c["optimizer"] = optimizers.full_params(case["optimizer"])
    points, lrs = run(c)
    losses = []
    for p in points:
        v = loss_at(c["surface"], p)
        if not math.isfinite(v):
            break
        losses.append(v)
    n = len(losses)  # points kept: up to and including the last finite point with a finite loss
    diverged = n < c["steps"] + 1
    if diverged != bool(c.get("expectDiverge")):
        PROBLEMS.append(f"{c['id']}: diverged={diverged} but expectDiverge={c.get('expectDiverge', False)}")
    points, lrs = points[:n], lrs[: n - 1]

    # Rounding sensitivity: rerun with every gradient scaled by 1 +- 2^-52 (alternating) and take the largest
    # point difference relative to max(1, |coordinate|). ~1e-15 means a well-conditioned run that
    # an exact engine reproduces to ~1e-12; values near 1 mean a branch flipped (sign, plateau,
    # clip threshold) or the dynamics are chaotic, so only a loose comparison makes sense there.
    alt, _ = run(c, perturb=PERTURBATION)
    sens = 0.0
    for a, b in zip(points, alt):
        for u, v in zip(a, b):
            sens = max(sens, abs(u - v) / max(1.0, abs(u)))
    if len(alt) < len(points):
        sens = float("inf")

    out = {k: c[k] for k in ("id", "group", "surface", "steps", "start", "optimizer")}
    for k in ("schedule", "clip", "noise"):
        if k in c:
            out[k] = c[k]
    if "schedule" in c:
        src = schedules.source_of(c["schedule"])
        out["scheduleSource"] = src
        if src == "formula":
            out["formula"] = schedules.formula(c["schedule"])[1]
    if diverged:
        out["expectDiverge"] = True
        out["divergedAt"] = n
    if "note" in c:
        out["note"] = c["note"]
    out["sensitivity"] = sens if math.isfinite(sens) else 1.0
    out["points"] = points
    out["lr"] = lrs
    out["loss"] = losses
    return out


def closed_form_gap(record):
    """Largest relative gap between torch's recursive lr and the schedule's closed form."""
    spec = record.get("schedule")
    if not spec or record.get("scheduleSource") != "torch":
        return None
    fn = schedules.closed_form_for_torch(spec)
    if fn is None:
        return None
    base = record["optimizer"]["lr"]
    gap = 0.0
    for t, lr in enumerate(record["lr"]):
        ref = fn(t, base)
        if ref != lr:
            gap = max(gap, abs(lr - ref) / max(abs(ref), 1e-300))
    return gap


def write_group(path, header, records):
    """JSON with one case per line: valid JSON, compact, and diff-friendly."""
    lines = ["{"]
    for k, v in header.items():
        lines.append(f"{json.dumps(k)}: {json.dumps(v, allow_nan=False)},")
    lines.append('"cases": [')
    body = [json.dumps(r, separators=(",", ":"), allow_nan=False) for r in records]
    lines.append(",\n".join(body))
    lines.append("]")
    lines.append("}")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


def torch_package():
    """Debian's package version (torch.__version__ says 1.13.0a0 for Debian's 1.13.1 build)."""
    try:
        res = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}", "python3-torch"],
                             capture_output=True, text=True, timeout=30)
        return res.stdout.strip() or None
    except OSError:
        return None


def noise_sequences():
    """First normals for a few seeds, for a unit test of noise.ts."""
    out = {}
    for seed in (0, 1, 7, 42, 4294967295):
        n = GaussianNoise(seed)
        out[str(seed)] = [n.normal() for _ in range(16)]
    return out


def check_noise_against_node():
    """Compare noise.py with src/core/engine/noise.ts under Node (npx tsx); 120 000 draws."""
    repo = os.path.abspath(os.path.join(HERE, "..", ".."))
    seeds = [0, 1, 7, 42, 123456789, 4294967295]
    script = ("import {GaussianNoise} from './src/core/engine/noise.ts';"
              f"const out=[];for(const s of {json.dumps(seeds)}){{const n=new GaussianNoise(s);"
              "for(let i=0;i<20000;i++)out.push(n.normal());}"
              "console.log(JSON.stringify(out));")
    res = subprocess.run(["npx", "tsx", "-e", script], cwd=repo, capture_output=True, text=True, timeout=300)
    if res.returncode != 0:
        print("noise check: could not run Node:", res.stderr.strip()[:500])
        return None
    js = json.loads(res.stdout.strip().splitlines()[-1])
    py = []
    for s in seeds:
        n = GaussianNoise(s)
        py.extend(n.normal() for _ in range(20000))
    diff = sum(1 for a, b in zip(js, py) if a != b)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"noise check vs Node {node}: {len(js)} draws, {diff} differ")
    return {"node": node, "draws": len(js), "differ": diff}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-seeds", action="store_true", help="do not re-run the seed exercises")
    ap.add_argument("--check-noise", action="store_true", help="compare noise.py with noise.ts under Node")
    ap.add_argument("--only", help="only cases whose id contains this string (does not write fixtures)")
    args = ap.parse_args()

    ids = [c["id"] for c in cases.CASES]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate case ids: {sorted(dupes)}")

    selected = [c for c in cases.CASES if not args.only or args.only in c["id"]]
    t0 = time.time()
    records = [build(c) for c in selected]
    print(f"{len(records)} cases in {time.time() - t0:.1f}s")
    if PROBLEMS:
        print("\n".join(PROBLEMS))
        if not args.only:
            raise SystemExit("fix the case table: divergence does not match expectDiverge")
    if args.only:
        for r in records:
            print(r["id"], "final", r["points"][-1], "loss", r["loss"][-1], "sens", r["sensitivity"])
        return

    os.makedirs(FIXTURES, exist_ok=True)
    header = {
        "generator": "tools/reference/generate.py",
        "torch": torch.__version__,
        "torchPackage": torch_package(),
        "dtype": "float64",
        "patches": patches.describe(),
        "sensitivityPerturbation": PERTURBATION,
    }
    groups = {}
    for r in records:
        groups.setdefault(r["group"], []).append(r)
    for group, recs in groups.items():
        write_group(os.path.join(FIXTURES, f"{group}.json"), {**header, "group": group}, recs)

    with open(os.path.join(FIXTURES, "noise_sequences.json"), "w") as fh:
        json.dump({"generator": "tools/reference/generate.py (noise.py)", "normals": noise_sequences()}, fh, indent=1)
        fh.write("\n")

    import selfcheck
    checks = selfcheck.run_all(run)
    gaps = [g for g in (closed_form_gap(r) for r in records) if g is not None]
    summary = {
        "files": sorted(f"{g}.json" for g in groups),
        "cases": len(records),
        "byGroup": {g: len(v) for g, v in sorted(groups.items())},
        "byOptimizer": {},
        "bySchedule": {},
        "byClip": {},
        "noise": 0,
        "expectDiverge": sum(1 for r in records if r.get("expectDiverge")),
        "maxRecursiveVsClosedFormLrGap": max(gaps) if gaps else 0.0,
        "sensitivity": {"<1e-12": 0, "<1e-9": 0, "<1e-6": 0, ">=1e-6": 0},
        "selfCheck": checks,
    }
    for r in records:
        o = r["optimizer"]["name"]
        summary["byOptimizer"][o] = summary["byOptimizer"].get(o, 0) + 1
        if "schedule" in r:
            s = r["schedule"]["name"] + ("+warmup" if "warmup" in r["schedule"] else "")
            s += " (formula)" if r["scheduleSource"] == "formula" else ""
            summary["bySchedule"][s] = summary["bySchedule"].get(s, 0) + 1
        if "clip" in r:
            c = r["clip"]
            k = f"norm{c['normType']}" if c["mode"] == "norm" else "value"
            summary["byClip"][k] = summary["byClip"].get(k, 0) + 1
        if "noise" in r:
            summary["noise"] += 1
        s = r["sensitivity"]
        key = "<1e-12" if s < 1e-12 else "<1e-9" if s < 1e-9 else "<1e-6" if s < 1e-6 else ">=1e-6"
        summary["sensitivity"][key] += 1
    summary["byOptimizer"] = dict(sorted(summary["byOptimizer"].items()))
    summary["bySchedule"] = dict(sorted(summary["bySchedule"].items()))
    with open(os.path.join(FIXTURES, "index.json"), "w") as fh:
        json.dump({**header, **summary}, fh, indent=1)
        fh.write("\n")
    print(json.dumps(summary, indent=1))

    if not args.no_seeds:
        import run_seeds
        run_seeds.main()
    if args.check_noise:
        check_noise_against_node()


if __name__ == "__main__":
    main()
