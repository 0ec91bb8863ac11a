import type { RunSpec } from "../experiment/types";
import { minimaOf } from "../engine/minima";
import { resolveRun, type RunContext } from "../engine/resolveRun";
import { Run } from "../engine/run";
import { requireSurface } from "../surfaces";

export interface RangeTestOptions {
  /** Steps over which the lr rises from lrMin to lrMax (exponentially). */
  steps: number;
  lrMin: number;
  lrMax: number;
  /** Stop once the smoothed loss passes this multiple of its best (default 4, as fastai). */
  stopFactor?: number;
}

export interface RangeTestResult {
  /** The lr of each step taken and the loss after it. */
  lrs: number[];
  losses: number[];
  /** The losses smoothed by a bias-corrected moving average (β = 0.9). */
  smoothed: number[];
  /** The lr where the smoothed loss fell fastest against log lr; null when it never fell. */
  suggested: number | null;
  /** Why it stopped: the lr reached lrMax, the loss blew past stopFactor × best, or the run diverged. */
  stopped: "end" | "rising" | "diverged";
}

/**
 * The learning-rate range test (Smith 2017; fastai's lr_find): from the run's start, with
 * its optimizer, raise the lr exponentially from lrMin to lrMax over `steps` steps, record
 * the loss after each, and suggest the lr at the steepest descent of the smoothed loss.
 */
export function lrRangeTest(spec: RunSpec, ctx: RunContext, opts: RangeTestOptions): RangeTestResult {
  const { steps, lrMin, lrMax } = opts;
  const stopFactor = opts.stopFactor ?? 4;
  const surface = requireSurface(ctx.surface);
  const { schedule: _s, ...plain } = spec;
  const resolved = resolveRun(plain, ctx);
  const lrAt = (t: number) => lrMin * (lrMax / lrMin) ** (steps > 1 ? t / (steps - 1) : 0);
  const run = new Run({ ...resolved, schedule: { ...resolved.schedule, create: () => ({ adaptive: false, lr: lrAt }) } }, minimaOf(surface), { records: false, expectedSteps: steps });

  const lrs: number[] = [];
  const losses: number[] = [];
  const smoothed: number[] = [];
  let avg = 0;
  let best = Infinity;
  let stopped: RangeTestResult["stopped"] = "end";
  for (let t = 0; t < steps; t++) {
    if (!run.step()) {
      stopped = "diverged";
      break;
    }
    const loss = run.trace.last.loss;
    avg = 0.9 * avg + 0.1 * loss;
    const s = avg / (1 - 0.9 ** (t + 1));
    lrs.push(lrAt(t));
    losses.push(loss);
    smoothed.push(s);
    best = Math.min(best, s);
    if (s > stopFactor * best && s - best > 1e-12) {
      stopped = "rising";
      break;
    }
  }
  return { lrs, losses, smoothed, suggested: steepest(lrs, smoothed), stopped };
}

/** The lr at the most negative slope of loss against log lr (central differences), if any is negative. */
function steepest(lrs: number[], smoothed: number[]): number | null {
  let best: number | null = null;
  let bestSlope = 0;
  for (let i = 1; i < smoothed.length - 1; i++) {
    const slope = (smoothed[i + 1] - smoothed[i - 1]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i - 1]));
    if (slope < bestSlope) {
      bestSlope = slope;
      best = lrs[i];
    }
  }
  return best;
}
