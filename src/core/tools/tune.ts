import type { RunSpec } from "../experiment/types";
import type { RunContext } from "../engine/resolveRun";
import { runScore, spaced, withParam, type Criterion } from "./runScore";

export interface TuneOptions {
  /** The lr range searched (log scale). */
  range: readonly [number, number];
  /** Candidates: grid points, or the first round of successive halving. */
  points: number;
  /** Steps each candidate runs (halving: in its last round). */
  steps: number;
  criterion: Criterion;
  method: "grid" | "halving";
}

export interface TuneResult {
  lr: number;
  score: number;
  /** Every candidate evaluated: its lr, the steps it ran and its score. */
  tried: { lr: number; steps: number; score: number }[];
}

/**
 * Tunes a run's lr: a log-spaced grid over `range`, each candidate run `steps` steps, the
 * best score wins (ties: the smaller lr); or successive halving (Jamieson & Talwalkar 2016):
 * all candidates run steps/2^(rounds−1) steps, the better half goes on with twice the steps,
 * until one is left, so most of the budget goes to the promising lrs. Diverged candidates
 * score +∞; when every candidate does, the smallest lr is returned with score +∞.
 */
export function tuneLr(spec: RunSpec, ctx: RunContext, opts: TuneOptions): TuneResult {
  const lrs = spaced(opts.range[0], opts.range[1], opts.points, true);
  const tried: TuneResult["tried"] = [];
  const evaluate = (lr: number, steps: number) => {
    const score = runScore(withParam(spec, "lr", lr), ctx, steps, opts.criterion);
    tried.push({ lr, steps, score });
    return score;
  };
  const better = (a: { lr: number; score: number }, b: { lr: number; score: number }) => a.score - b.score || a.lr - b.lr;
  if (opts.method === "grid") {
    const scored = lrs.map((lr) => ({ lr, score: evaluate(lr, opts.steps) })).sort(better);
    return { ...scored[0], tried };
  }
  const rounds = Math.max(1, Math.ceil(Math.log2(lrs.length)) + 1);
  let alive = lrs.map((lr) => ({ lr, score: Infinity }));
  for (let r = 0; r < rounds && alive.length > 0; r++) {
    const steps = Math.max(1, Math.round(opts.steps / 2 ** (rounds - 1 - r)));
    alive = alive.map((c) => ({ lr: c.lr, score: evaluate(c.lr, steps) })).sort(better);
    if (r < rounds - 1) alive = alive.slice(0, Math.max(1, Math.ceil(alive.length / 2)));
  }
  return { ...alive[0], tried };
}
