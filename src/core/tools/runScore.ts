import type { RunSpec } from "../experiment/types";
import { minimaOf } from "../engine/minima";
import { resolveRun, type RunContext } from "../engine/resolveRun";
import { Run } from "../engine/run";
import type { CriticalPoint } from "../surfaces/types";
import { requireSurface } from "../surfaces";

/** What a fair comparison ranks runs by: lower is better. */
export type Criterion = "finalLoss" | "stepsToTolerance";

/**
 * The score of one run after `steps` steps: its final loss, or the first step within the
 * tolerance of a minimum. A diverged run scores +∞, as does one that never reaches the
 * tolerance (so every finite score beats them).
 */
export function runScore(spec: RunSpec, ctx: RunContext, steps: number, criterion: Criterion, minima?: readonly CriticalPoint[]): number {
  const run = startRun(spec, ctx, steps, minima);
  for (let t = 0; t < steps; t++) {
    if (!run.step()) return Infinity;
    if (criterion === "stepsToTolerance" && run.stepsToTolerance !== null) return run.stepsToTolerance;
  }
  if (criterion === "stepsToTolerance") return run.stepsToTolerance ?? Infinity;
  const loss = run.trace.last.loss;
  return Number.isFinite(loss) ? loss : Infinity;
}

/** A run that keeps no per-step records (the tools need only where it ends). */
export function startRun(spec: RunSpec, ctx: RunContext, steps: number, minima?: readonly CriticalPoint[]): Run {
  const surface = requireSurface(ctx.surface);
  return new Run(resolveRun(spec, ctx), minima ?? minimaOf(surface), { records: false, expectedSteps: steps });
}

/** `spec` with optimizer parameter `key` set to `value` (lr, beta1, momentum, …). */
export function withParam(spec: RunSpec, key: string, value: number): RunSpec {
  return { ...spec, optimizer: { ...spec.optimizer, [key]: value } };
}

/** n values from lo to hi, evenly spaced on a log scale (lo, hi > 0) or a linear one. */
export function spaced(lo: number, hi: number, n: number, log: boolean): number[] {
  if (n === 1) return [log ? Math.sqrt(lo * hi) : (lo + hi) / 2];
  return Array.from({ length: n }, (_, i) => (log ? lo * (hi / lo) ** (i / (n - 1)) : lo + ((hi - lo) * i) / (n - 1)));
}
