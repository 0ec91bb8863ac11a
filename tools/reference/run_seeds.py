#!/usr/bin/python3
"""Run the seeds' exercises and store what they print.

    /usr/bin/python3 tools/reference/run_seeds.py

tools/reference/seeds/*.py are the runnable code blocks of the seed documents, copied verbatim
(seed 003: escape_the_trap, optimizer_shootout, schedule_comparison, adam_from_scratch) plus
warmup_cosine_table.py, a small script that computes seed 001's warmup + cosine table.
Each one's stdout goes to tools/reference/fixtures/seeds/<name>.txt. generate.py calls this too.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "seeds")
OUT = os.path.join(HERE, "fixtures", "seeds")


def main():
    os.makedirs(OUT, exist_ok=True)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")  # the seeds print emoji
    for name in sorted(os.listdir(SEEDS)):
        if not name.endswith(".py"):
            continue
        res = subprocess.run([sys.executable, os.path.join(SEEDS, name)], capture_output=True, text=True,
                             encoding="utf-8", env=env, timeout=600)
        if res.returncode != 0:
            raise SystemExit(f"seed {name} failed:\n{res.stderr}")
        path = os.path.join(OUT, name[:-3] + ".txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(res.stdout)
        print(f"seed {name}: {len(res.stdout.splitlines())} lines -> {os.path.relpath(path, HERE)}")


if __name__ == "__main__":
    main()
