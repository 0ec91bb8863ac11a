import { resolveRun, seedFromId } from "../../core/engine/resolveRun";
import type { Experiment, RunSpec } from "../../core/experiment/types";
import { getSurface } from "../../core/surfaces";
import type { BatchSource } from "../../core/surfaces/types";

export interface RunBatch {
  /** The surface's dataset. */
  source: BatchSource;
  /** Examples per batch; null: the full batch (no sampler). */
  size: number | null;
  /** The seed the run's sampler uses (or would use, given a batch size). */
  seed: number;
}

/**
 * How a run of `experiment` draws its gradients on a data surface, as the engine resolves it
 * (resolveRun); null off a data surface. An experiment the page has not validated yet (a
 * field mid-edit) resolves to null rather than throwing into a panel.
 */
export function runBatch(spec: RunSpec, experiment: Experiment): RunBatch | null {
  const source = getSurface(experiment.surface)?.batches;
  if (!source) return null;
  try {
    const batch = resolveRun(spec, experiment).batch;
    return { source, size: batch?.size ?? null, seed: batch?.seed ?? spec.batchSeed ?? seedFromId(spec.id) };
  } catch {
    return null;
  }
}
