import type { RunSpec } from "../../core/experiment/types";
import type { TunedMark as Mark } from "../../state/toolsStore";
import { formatMetric, formatParam } from "../format";

const LR_FORMAT = { kind: "number", scale: "log" } as const;

/** Whether two optimizer specs set the same values (key order aside). */
function sameOptimizer(a: RunSpec["optimizer"], b: RunSpec["optimizer"]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * What Tune searched and chose, beside the run it tuned. The mark stays when the run's
 * optimizer or the surface is changed afterwards, but says "changed since tuned" (with the
 * tuned lr): the search is still worth reading, and the run is no longer the tuned one.
 */
export function TunedMark({ mark, run, surfaceKey }: { mark: Mark; run: RunSpec; surfaceKey: string }) {
  const { result, options } = mark;
  const changed = !sameOptimizer(mark.optimizer, run.optimizer) || mark.surfaceKey !== surfaceKey;
  return (
    <p className="tool-result tuned-mark" data-testid="tuned" data-changed={changed} data-lr={result.lr}>
      <strong>{changed ? "Changed since tuned" : "Tuned"}</strong>: lr = {formatParam(LR_FORMAT, result.lr)} by {options.method === "grid" ? "a log grid" : "successive halving"} of {options.points} lrs in [
      {formatParam(LR_FORMAT, options.range[0])}, {formatParam(LR_FORMAT, options.range[1])}], {options.criterion === "finalLoss" ? "final loss" : "steps to tolerance"} after {options.steps.toLocaleString("en")} steps:{" "}
      {formatMetric(result.score)} ({result.tried.length} runs)
    </p>
  );
}
