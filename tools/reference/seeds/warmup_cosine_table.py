"""Seed 001, "Example 3: learning rate with warmup and cosine decay".

Total steps T = 1000, warmup steps W = 100, peak learning rate 0.001.
  warmup (t < W):  lr = peak * t / W
  decay  (t >= W): lr = peak * 0.5 * (1 + cos(pi * (t - W) / (T - W)))
The seed's table shows steps 0, 50, 100, 300, 700, 1000 to six decimals.
Written for Downhill (the seed gives only the table); same formula as seed 003's warmup_cosine.
"""
import math

T, W, PEAK = 1000, 100, 0.001


def warmup_cosine(t):
    if t < W:
        return PEAK * t / W
    return PEAK * 0.5 * (1 + math.cos(math.pi * (t - W) / (T - W)))


print("Warmup + cosine decay (seed 001): warmup 100, total 1000, peak 0.001")
print(f"{'Step':>5} | {'Phase':<22} | {'lr (6 d.p.)':>11} | lr (repr)")
for t in [0, 50, 100, 300, 700, 1000]:
    phase = "Warmup" if t < W else ("Warmup end / peak" if t == W else "Cosine decay")
    if t == T:
        phase = "Cosine decay (end)"
    lr = warmup_cosine(t)
    print(f"{t:>5} | {phase:<22} | {lr:>11.6f} | {lr!r}")
