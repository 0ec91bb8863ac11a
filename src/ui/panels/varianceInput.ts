import { resolveRun } from "../../core/engine/resolveRun";
import type { Experiment } from "../../core/experiment/types";
import type { TrajectoryStore } from "../../state/trajectories";
import { runBatch, type RunBatch } from "./runBatch";

/** Where the variance panel measures: the selected run's point at the shown step. */
export interface VarianceInput {
  runId: string;
  label: string;
  /** The step of the point (the timeline's, or the head of the race; 0 before any step). */
  step: number;
  point: [number, number];
  batch: RunBatch;
}

/**
 * The selected run's point at the step the page shows (scrubbed or the head), with how it
 * draws batches; null off a data surface or with no run selected. Before the race has a
 * point for the run, its start.
 */
export function varianceInput(experiment: Experiment, selectedRunId: string | null, scrub: number | null, store: TrajectoryStore): VarianceInput | null {
  const spec = experiment.runs.find((r) => r.id === selectedRunId) ?? experiment.runs[0];
  if (!spec) return null;
  const batch = runBatch(spec, experiment);
  if (!batch) return null;
  const run = store.runs.get(spec.id);
  if (run && run.count > 0) {
    const i = Math.min(scrub ?? run.count - 1, run.count - 1);
    return { runId: spec.id, label: spec.label ?? spec.id, step: i, point: [run.xy[2 * i], run.xy[2 * i + 1]], batch };
  }
  const start = resolveRun(spec, experiment).start;
  return { runId: spec.id, label: spec.label ?? spec.id, step: 0, point: [start[0], start[1]], batch };
}

/** Same measurement (so the panel does not recompute): same dataset, point and sampler seed. */
export function sameInput(a: VarianceInput | null, b: VarianceInput | null): boolean {
  if (a === null || b === null) return a === b;
  return a.batch.source === b.batch.source && a.batch.seed === b.batch.seed && a.point[0] === b.point[0] && a.point[1] === b.point[1] && a.runId === b.runId && a.step === b.step && a.label === b.label;
}
