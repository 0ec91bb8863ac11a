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

/** How many rounds a tuning makes: one for a grid; halving until one candidate is left, plus its last round. */
export function tuneRounds(opts: Pick<TuneOptions, "points" | "method">): number {
  return opts.method === "grid" ? 1 : Math.max(1, Math.ceil(Math.log2(opts.points)) + 1);
}

/** Scores of `lrs`, each run `steps` steps (in this thread, or by a worker pool). */
export type EvaluateAll = (lrs: readonly number[], steps: number) => Promise<readonly number[]> | readonly number[];

/**
 * Tunes a run's lr: a log-spaced grid over `range`, each candidate run `steps` steps, the
 * best score wins (ties: the smaller lr); or successive halving (Jamieson & Talwalkar 2016):
 * all candidates run steps/2^(rounds−1) steps, the better half goes on with twice the steps,
 * until one is left, so most of the budget goes to the promising lrs. Diverged candidates
 * score +∞; when every candidate does, the smallest lr is returned with score +∞. Each round
 * is one call of `evaluateAll` (default: here, one run after another).
 */
export async function tuneLr(spec: RunSpec, ctx: RunContext, opts: TuneOptions, evaluateAll?: EvaluateAll): Promise<TuneResult> {
  const evaluate: EvaluateAll = evaluateAll ?? ((lrs, steps) => lrs.map((lr) => runScore(withParam(spec, "lr", lr), ctx, steps, opts.criterion)));
  const tried: TuneResult["tried"] = [];
  const round = async (lrs: readonly number[], steps: number) => {
    const scores = await evaluate(lrs, steps);
    const scored = lrs.map((lr, i) => ({ lr, score: scores[i] }));
    for (const c of scored) tried.push({ ...c, steps });
    return scored.sort((a, b) => a.score - b.score || a.lr - b.lr);
  };
  let alive = spaced(opts.range[0], opts.range[1], opts.points, true);
  if (opts.method === "grid") return { ...(await round(alive, opts.steps))[0], tried };
  const rounds = tuneRounds(opts);
  let best = { lr: alive[0], score: Infinity };
  for (let r = 0; r < rounds && alive.length > 0; r++) {
    const scored = await round(alive, Math.max(1, Math.round(opts.steps / 2 ** (rounds - 1 - r))));
    best = scored[0];
    alive = scored.slice(0, Math.max(1, Math.ceil(scored.length / 2))).map((c) => c.lr);
  }
  return { ...best, tried };
}
