/**
 * "Stop when settled": the first step at which every visible run has converged (within the
 * tolerance of a known minimum) or diverged, so a lecture does not wait 50 s at 100 steps/s
 * for runs that have nothing left to show. Read from the trajectories the page already
 * holds, with core's status rule (statusOf), so the step it stops at is the step at which
 * the leaderboard shows every visible run converged or diverged.
 */
import { statusOf, type MetricsContext, type TracePrefix } from "../core/engine/metricsAt";
import { minimaOf } from "../core/engine/minima";
import { resolveTolerance } from "../core/engine/resolveRun";
import type { Experiment } from "../core/experiment/types";
import { getSurface } from "../core/surfaces";
import type { TrajectoryStore } from "./trajectories";

/** What the rule reads of a run's record (an unthinned prefix, as metricsAt takes). */
export type SettleTrace = Pick<TracePrefix, "xy" | "count" | "stepsDone" | "diverged">;

/**
 * Whether a run has settled after `k` steps. A diverged run counts as diverged from the step
 * that blew up on (`stepsDone`), not before: until then it was running, as the live engine
 * said at the time. Past its last point a run stays where it stopped.
 */
export function settledAt(run: SettleTrace, k: number, ctx: MetricsContext): boolean {
  if (run.count < 1) return false;
  const i = Math.min(k, run.count - 1);
  const status = statusOf(run.xy[2 * i], run.xy[2 * i + 1], Math.min(k, run.stepsDone), run.diverged && k >= run.stepsDone, ctx);
  return status === "converged" || status === "diverged";
}

/** The first step in [from, to] at which every run has settled; null if none (or no runs). */
export function firstSettledStep(runs: readonly SettleTrace[], from: number, to: number, ctx: MetricsContext): number | null {
  if (runs.length === 0) return null;
  for (let k = Math.max(0, from); k <= to; k++) if (runs.every((r) => settledAt(r, k, ctx))) return k;
  return null;
}

/** The visible runs' records in `store` and the context the rule needs, for `experiment`. */
export function settleInputs(experiment: Experiment, store: TrajectoryStore): { runs: SettleTrace[]; ctx: MetricsContext } {
  const surface = getSurface(experiment.surface);
  const ctx: MetricsContext = { minima: surface ? minimaOf(surface) : [], tolerance: resolveTolerance(experiment), totalSteps: store.steps };
  const runs: SettleTrace[] = [];
  for (const spec of experiment.runs) {
    if (spec.hidden) continue;
    const run = store.runs.get(spec.id);
    // A visible run with no record yet has not settled: the race is not settled either.
    if (!run || run.count === 0) return { runs: [], ctx };
    const diverged = run.status === "diverged";
    runs.push({ xy: run.xy, count: run.count, stepsDone: diverged ? (run.metrics?.steps ?? run.count - 1) : run.count - 1, diverged });
  }
  return { runs, ctx };
}

/** Whether every visible run of the race in `store` has settled after `k` steps. */
export function raceSettledAt(experiment: Experiment, store: TrajectoryStore, k: number): boolean {
  const { runs, ctx } = settleInputs(experiment, store);
  return firstSettledStep(runs, k, k, ctx) === k;
}
