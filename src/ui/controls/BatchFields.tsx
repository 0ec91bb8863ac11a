import { useMemo } from "react";
import type { RunSpec } from "../../core/experiment/types";
import type { NumberParam } from "../../core/params";
import { getSurface } from "../../core/surfaces";
import { useStore } from "../../state/store";
import { formatCount } from "../format";
import { ParamControl } from "./ParamControl";
import "./batchFields.css";

/** The batch-size spec for a dataset of n examples (the schema's range: an integer 1 … n). */
function batchSizeSpec(n: number): NumberParam {
  return {
    kind: "integer", label: "Batch size", symbol: "B", default: n, min: 1, max: n, scale: "log", slider: [1, n], optional: true,
    help: `Examples per mini-batch, 1 to ${n}; empty or ${n}: the full batch (the exact gradient).`,
  };
}
// Range of the schema's seeds: a 32-bit unsigned integer.
const seedSpec: NumberParam = {
  kind: "integer", label: "Batch seed", symbol: "s", default: 0, min: 0, max: 4294967295, scale: "linear", slider: [0, 100], optional: true,
  help: "Seed of this run's own stream of mini-batches; empty: one derived from the run's id, so every run draws its own.",
};

/**
 * A run's mini-batches, on a data surface only (the others have no dataset to draw from):
 * batch size and the seed of its own stream. Typed as every number box is (ParamControl).
 */
export function BatchFields({ run }: { run: RunSpec }) {
  const surfaceRef = useStore((s) => s.experiment.surface);
  const updateRun = useStore((s) => s.updateRun);
  const n = getSurface(surfaceRef)?.batches?.n;
  const sizeSpec = useMemo(() => (n ? batchSizeSpec(n) : null), [n]);
  if (!n || !sizeSpec) return null;
  if (run.optimizer.name === "lbfgs")
    return (
      <fieldset className="editor-group">
        <legend>Mini-batches</legend>
        <p className="editor-note">L-BFGS takes the full gradient: its curvature pairs and line search need the exact one.</p>
      </fieldset>
    );
  const size = run.batchSize;
  const batched = size !== undefined && size < n;
  const perEpoch = batched ? Math.ceil(n / size) : 1;
  return (
    <fieldset className="editor-group">
      <legend>Mini-batches</legend>
      <ParamControl spec={sizeSpec} value={size} onCommit={(v) => updateRun(run.id, { batchSize: v })} />
      <p className="editor-note" data-testid="batch-note">
        {batched
          ? `${formatCount(perEpoch)} ${perEpoch === 1 ? "step" : "steps"} per epoch of ${formatCount(n)} examples`
          : `Full batch: each step takes the exact gradient of all ${formatCount(n)} examples`}
      </p>
      {batched && <ParamControl spec={seedSpec} value={run.batchSeed} onCommit={(v) => updateRun(run.id, { batchSeed: v })} slider={false} />}
    </fieldset>
  );
}
