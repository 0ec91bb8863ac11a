import { describe, expect, it } from "vitest";
import type { ParamValues } from "../params";
import { reduceOnPlateau } from "./reduceOnPlateau";

/**
 * The engine's loop: loss = f(x_t); lr_t = schedule.lr(t); opt.step(); schedule.observe(loss).
 * Returns lr_t for every step.
 */
function run(params: ParamValues, baseLr: number, losses: readonly number[]): number[] {
  const s = reduceOnPlateau.create(params, baseLr);
  expect(s.adaptive).toBe(true);
  return losses.map((loss, t) => {
    const lr = s.lr(t);
    s.observe?.(loss);
    return lr;
  });
}

/** torch.optim.lr_scheduler.ReduceLROnPlateau, mode="min", one param group, transcribed. */
class TorchReduceLROnPlateau {
  lr: number;
  best = Infinity;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  constructor(
    lr: number,
    readonly factor = 0.1,
    readonly patience = 10,
    readonly threshold = 1e-4,
    readonly thresholdMode: "rel" | "abs" = "rel",
    readonly cooldown = 0,
    readonly minLr = 0,
    readonly eps = 1e-8,
  ) {
    this.lr = lr;
  }
  isBetter(a: number, best: number): boolean {
    if (this.thresholdMode === "rel") return a < best * (1.0 - this.threshold);
    return a < best - this.threshold;
  }
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }
  step(metrics: number): void {
    const current = metrics;
    this.lastEpoch += 1;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs += 1;
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      const oldLr = this.lr;
      const newLr = Math.max(oldLr * this.factor, this.minLr);
      if (oldLr - newLr > this.eps) this.lr = newLr;
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
  }
}

const repeat = (n: number, v: number) => Array.from({ length: n }, () => v);

interface CraftedCase {
  what: string;
  params: ParamValues;
  baseLr: number;
  losses: number[];
  lrs: number[];
}

describe("reduceOnPlateau on crafted losses", () => {
  it.each<CraftedCase>([
    {
      what: "patience 0 cuts on the first step that does not improve (PyTorch's docstring example)",
      params: { factor: 0.5, patience: 0, threshold: 0, thresholdMode: "abs" },
      baseLr: 1,
      losses: [5, 6, 4, 4, 3, 3],
      lrs: [1, 1, 0.5, 0.5, 0.25, 0.25],
    },
    {
      what: "rel threshold: a loss must beat best·(1 − τ) to count as improvement",
      params: { factor: 0.5, patience: 2, threshold: 0.1, thresholdMode: "rel" },
      baseLr: 1,
      // 9.5 is not below 10·0.9; 8.5 is; 8.0, 7.9, 7.8 are not below 8.5·0.9 = 7.65.
      losses: [10, 9.5, 8.5, 8.0, 7.9, 7.8, 7.0, 7.0],
      lrs: [1, 1, 1, 1, 1, 1, 0.5, 0.5],
    },
    {
      what: "cooldown ignores bad steps after a cut; minLr floors the lr; a cut to the floor of 0 is skipped",
      params: { factor: 0.5, patience: 1, threshold: 0, thresholdMode: "abs", cooldown: 2, minLr: 0.2 },
      baseLr: 1,
      // Cuts after steps 2, 6, 10 (patience 1, then 2 cooldown steps each time); the one
      // after 14 would go from 0.2 to max(0.1, 0.2) = 0.2 and changes nothing.
      losses: repeat(18, 1),
      lrs: [...repeat(3, 1), ...repeat(4, 0.5), ...repeat(4, 0.25), ...repeat(7, 0.2)],
    },
    {
      what: "a cut of 1e-8 or less is skipped (eps)",
      params: { factor: 0.1, patience: 0 },
      baseLr: 1.5e-8,
      // 1.5e-8 → 1.5e-9 changes the lr by 1.35e-8 > eps; 1.5e-9 → 1.5e-10 by 1.35e-9 ≤ eps.
      losses: repeat(6, 1),
      lrs: [1.5e-8, 1.5e-8, ...repeat(4, 1.5e-8 * 0.1)],
    },
    {
      what: "a NaN loss counts as a step without improvement",
      params: { factor: 0.5, patience: 1 },
      baseLr: 1,
      losses: [1, Number.NaN, Number.NaN, 0.5],
      lrs: [1, 1, 1, 0.5],
    },
  ])("$what", ({ params, baseLr, losses, lrs }) => {
    expect(run(params, baseLr, losses)).toEqual(lrs);
  });
});

describe("reduceOnPlateau against PyTorch's logic on noisy losses", () => {
  /** A loss that falls, stalls, and jitters: deterministic (LCG), so failures reproduce. */
  function losses(n: number, seed: number, noise: number): number[] {
    let state = seed >>> 0;
    const uniform = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    return Array.from({ length: n }, (_, t) => 1 / (1 + 0.05 * Math.min(t, 150)) + 0.3 + noise * (uniform() - 0.5));
  }

  it.each([
    { factor: 0.1, patience: 10, threshold: 1e-4, thresholdMode: "rel", cooldown: 0, minLr: 0, noise: 0.01 },
    { factor: 0.5, patience: 3, threshold: 1e-3, thresholdMode: "rel", cooldown: 5, minLr: 1e-3, noise: 0.05 },
    { factor: 0.7, patience: 0, threshold: 0.01, thresholdMode: "abs", cooldown: 2, minLr: 0, noise: 0.02 },
    { factor: 0.2, patience: 5, threshold: 0, thresholdMode: "abs", cooldown: 0, minLr: 0.05, noise: 0.1 },
  ] as const)("factor $factor, patience $patience, $thresholdMode $threshold, cooldown $cooldown", (p) => {
    const baseLr = 0.3;
    const seq = losses(400, 7 + p.patience, p.noise);
    const torch = new TorchReduceLROnPlateau(baseLr, p.factor, p.patience, p.threshold, p.thresholdMode, p.cooldown, p.minLr);
    const expected = seq.map((loss) => {
      const lr = torch.lr;
      torch.step(loss);
      return lr;
    });
    const { noise: _noise, ...params } = p;
    const got = run(params, baseLr, seq);
    expect(got).toEqual(expected);
    expect(new Set(got).size).toBeGreaterThan(1); // the sequence does trigger cuts
  });
});

describe("reduceOnPlateau.check", () => {
  it("refuses a rel threshold of 1 or more", () => {
    expect(reduceOnPlateau.check?.({ threshold: 1, thresholdMode: "rel" })).toEqual({
      field: "threshold",
      message: "must be less than 1 in rel mode (improvement means loss < best·(1 − threshold))",
    });
    expect(reduceOnPlateau.check?.({ threshold: 1, thresholdMode: "abs" })).toBeNull();
    expect(reduceOnPlateau.check?.({})).toBeNull();
  });
});
