/**
 * A run's metrics as of step k, from its recorded points: what the leaderboard shows when
 * the timeline is scrubbed back. The same quantities, in the same arithmetic order, as
 * Run.metrics() computes while the run advances, so at the run's last step the two agree
 * exactly (metricsAt.test.ts checks every step of real races).
 */
import type { CriticalPoint } from "../surfaces/types";
import { nearestMinimum, norm2, withinTolerance } from "./minima";
import type { RunMetrics, RunStatus } from "./run";

/** An unthinned record of one run: point i is the point after i steps. */
export interface TracePrefix {
  /** Interleaved x, y of the recorded points. */
  xy: ArrayLike<number>;
  loss: ArrayLike<number>;
  /** Points recorded (the start included). */
  count: number;
  /** Steps the run has taken; one more than its last point's when a step blew up (that step was attempted). */
  stepsDone: number;
  /** Whether the run ended diverged (then its last recorded point is where it stopped). */
  diverged: boolean;
}

export interface MetricsContext {
  minima: readonly CriticalPoint[];
  tolerance: number;
  /** The race's horizon: a run that reached it is "finished". */
  totalSteps: number;
}

/** Metrics after `k` steps (clamped to the recorded points; at or past the last, the run's own end). */
export function metricsAt(trace: TracePrefix, k: number, ctx: MetricsContext): RunMetrics {
  if (trace.count < 1) throw new Error("metricsAt: the trace has no points");
  const last = trace.count - 1;
  const i = Math.max(0, Math.min(Math.floor(k), last));
  const atEnd = i === last;
  const { xy } = trace;
  const { minima, tolerance } = ctx;
  const x = xy[2 * i];
  const y = xy[2 * i + 1];

  let pathLength = 0;
  let stepsToTolerance: number | null = withinTolerance(minima, xy[0], xy[1], tolerance) ? 0 : null;
  for (let j = 1; j <= i; j++) {
    const dx = xy[2 * j] - xy[2 * j - 2];
    const dy = xy[2 * j + 1] - xy[2 * j - 1];
    pathLength += norm2(dx, dy);
    if (stepsToTolerance === null && withinTolerance(minima, xy[2 * j], xy[2 * j + 1], tolerance)) stepsToTolerance = j;
  }

  return metricsOf({ x, y, loss: trace.loss[i], steps: atEnd ? trace.stepsDone : i, stepsToTolerance, pathLength, diverged: atEnd && trace.diverged }, ctx);
}

/** Where a run stands: its point and loss, steps taken, the running sums, and whether it blew up. */
export interface RunState {
  x: number;
  y: number;
  loss: number;
  steps: number;
  stepsToTolerance: number | null;
  pathLength: number;
  diverged: boolean;
}

/** Diverged; else converged (within tolerance of a known minimum now), finished (at the horizon) or running. */
export function statusOf(x: number, y: number, steps: number, diverged: boolean, ctx: MetricsContext): RunStatus {
  if (diverged) return "diverged";
  if (withinTolerance(ctx.minima, x, y, ctx.tolerance)) return "converged";
  return steps >= ctx.totalSteps ? "finished" : "running";
}

/** The metrics of a run in state `r`: one rule for the live run (Run.metrics) and a scrubbed step (metricsAt). */
export function metricsOf(r: RunState, ctx: MetricsContext): RunMetrics {
  const near = nearestMinimum(ctx.minima, r.x, r.y);
  return {
    steps: r.steps,
    finalPoint: [r.x, r.y],
    finalLoss: r.loss,
    nearestMinimum: near
      ? { index: near.index, point: [near.minimum.point[0], near.minimum.point[1]], value: near.minimum.value, kind: near.minimum.kind }
      : null,
    distance: near ? near.distance : null,
    stepsToTolerance: r.stepsToTolerance,
    pathLength: r.pathLength,
    status: statusOf(r.x, r.y, r.steps, r.diverged, ctx),
  };
}
