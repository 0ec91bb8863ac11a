import type { RunSpec } from "../core/experiment/types";
import type { Surface } from "../core/surfaces/types";

/**
 * The run without its mini-batch fields when they can no longer apply: on a surface with no
 * dataset, with a batch larger than the new dataset, or under L-BFGS (which needs the exact
 * gradient). The validator refuses all three, so the store drops them with the change that
 * caused it rather than leave the page with an experiment it will not race; the run then
 * takes the full gradient, which is what the fields' absence means.
 */
export function dropUnusableBatches(run: RunSpec, surface: Surface): RunSpec {
  if (run.batchSize === undefined && run.batchSeed === undefined) return run;
  const n = surface.batches?.n;
  const usable = n !== undefined && run.optimizer.name !== "lbfgs" && (run.batchSize === undefined || run.batchSize <= n);
  if (usable) return run;
  const { batchSize: _b, batchSeed: _s, ...rest } = run;
  return rest;
}
