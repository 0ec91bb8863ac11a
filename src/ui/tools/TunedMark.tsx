import type { RunSpec } from "../../core/experiment/types";
import { surfaceKeyOf, useTools, type TunedMark as Mark } from "../../state/toolsStore";
import { useStore } from "../../state/store";
import { formatMetric, formatParam } from "../format";
import "./tools.css";

const LR_FORMAT = { kind: "number", scale: "log" } as const;

/** Whether two optimizer specs set the same values (key order aside). */
function sameOptimizer(a: RunSpec["optimizer"], b: RunSpec["optimizer"]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** Whether the run (or the surface) changed since it was tuned: then it is no longer the tuned run. */
export const changedSinceTuned = (mark: Mark, run: RunSpec, surfaceKey: string): boolean => !sameOptimizer(mark.optimizer, run.optimizer) || mark.surfaceKey !== surfaceKey;

/** What Tune searched and chose, in one sentence after "Tuned: ". */
export function describeTuning({ result, options }: Mark): string {
  const method = options.method === "grid" ? "a log grid" : "successive halving";
  const criterion = options.criterion === "finalLoss" ? "final loss" : "steps to tolerance";
  return (
    `lr = ${formatParam(LR_FORMAT, result.lr)} by ${method} of ${options.points} lrs in [${formatParam(LR_FORMAT, options.range[0])}, ${formatParam(LR_FORMAT, options.range[1])}], ` +
    `${criterion} after ${options.steps.toLocaleString("en")} steps: ${formatMetric(result.score)} (${result.tried.length} runs)`
  );
}

/**
 * What Tune searched and chose, beside the run it tuned. The mark stays when the run's
 * optimizer or the surface is changed afterwards, but says "changed since tuned" (with the
 * tuned lr): the search is still worth reading, and the run is no longer the tuned one.
 */
export function TunedMark({ mark, run, surfaceKey }: { mark: Mark; run: RunSpec; surfaceKey: string }) {
  const changed = changedSinceTuned(mark, run, surfaceKey);
  return (
    <p className="tool-result tuned-mark" data-testid="tuned" data-changed={changed} data-lr={mark.result.lr}>
      <strong>{changed ? "Changed since tuned" : "Tuned"}</strong>: {describeTuning(mark)}
    </p>
  );
}

/**
 * The mark's short form on a run's card in the runs list: "tuned" (or "changed since tuned"),
 * what was searched in its title and, for screen readers, read after it.
 */
export function TunedBadge({ run }: { run: RunSpec }) {
  const mark = useTools((s) => s.tuned[run.id]);
  const surfaceKey = useStore((s) => surfaceKeyOf(s.experiment.surface));
  if (!mark) return null;
  const changed = changedSinceTuned(mark, run, surfaceKey);
  const text = changed ? "changed since tuned" : "tuned";
  const detail = describeTuning(mark);
  return (
    <span className="tuned-badge" data-testid="tuned-badge" data-changed={changed} data-lr={mark.result.lr} title={`${changed ? "Changed since tuned" : "Tuned"}: ${detail}`}>
      {text}
      <span className="visually-hidden">: {detail}</span>
    </span>
  );
}
