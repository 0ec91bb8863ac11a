import { memo, useId, type CSSProperties, type MouseEvent } from "react";
import type { RunSpec } from "../../core/experiment/types";
import { resolveOptimizer } from "../../core/engine/resolveRun";
import { getOptimizer } from "../../core/optim";
import type { NumberParam } from "../../core/params";
import { runColor, runDash, swatchBackground } from "../../state/palette";
import { useStore } from "../../state/store";
import { formatParam } from "../format";
import { TunedBadge } from "../tools/TunedMark";
import { CopyIcon, EyeIcon, EyeOffIcon, RemoveIcon } from "./icons";
import { RunEditor } from "./RunEditor";
import { RunReadout } from "./RunReadout";

export interface RunCardProps {
  run: RunSpec;
  index: number;
  selected: boolean;
  canRemove: boolean;
  canDuplicate: boolean;
}

const lrFormat: Pick<NumberParam, "kind" | "scale"> = { kind: "number", scale: "log" };

/**
 * One run in the sidebar: a one-line summary (swatch, name, optimizer, lr, live loss,
 * hide / duplicate / remove) that selects the run when clicked; the selected run also
 * shows its editor.
 */
export const RunCard = memo(function RunCard({ run, index, selected, canRemove, canDuplicate }: RunCardProps) {
  const editorId = useId();
  const name = run.label ?? run.id;
  const color = runColor(run, index);
  const def = getOptimizer(run.optimizer.name);
  // The lr that runs: the stored one or the optimizer's default, resolved where the engine resolves it.
  const lr = def ? resolveOptimizer(run.optimizer).params.lr : undefined;
  const { selectRun, updateRun, duplicateRun, removeRun } = useStore.getState();

  const act = (e: MouseEvent, f: () => void) => {
    e.stopPropagation();
    f();
  };

  const optimizerName = def?.displayName ?? run.optimizer.name;
  // The optimizer is left out of the line when the name already says it ("Adam"), to leave the name room.
  const sameName = optimizerName.toLowerCase() === name.trim().toLowerCase();
  const lrText = lr !== undefined ? `lr ${formatParam(lrFormat, lr)}` : null;
  const summary = [sameName ? null : optimizerName, lrText].filter(Boolean).join(" · ");
  const fullSummary = [optimizerName, lrText].filter(Boolean).join(" · ");
  const extras = [run.schedule && "schedule", run.clip && "clipped", run.noise && "noisy", run.batchSize !== undefined && `batch ${run.batchSize}`].filter(Boolean).join(", ");

  return (
    <li
      className={`run-card${selected ? " selected" : ""}${run.hidden ? " hidden-run" : ""}`}
      style={{ "--run-color": color, "--run-swatch": swatchBackground(color, runDash(run, index)) } as CSSProperties}
      data-run-id={run.id}
      data-lr={lr}
    >
      <div className="run-head" onClick={() => selectRun(run.id)}>
        <span className="run-card-swatch" aria-hidden="true" />
        <button type="button" className="run-card-name" aria-expanded={selected} aria-controls={selected ? editorId : undefined} title={`Select ${name}`}>
          {name}
        </button>
        <span className="run-summary" title={extras ? `${fullSummary} (${extras})` : fullSummary}>
          {summary}
          {extras && (
            <>
              <span className="run-extras" aria-hidden="true">
                {" •"}
              </span>
              <span className="visually-hidden"> ({extras})</span>
            </>
          )}
          <TunedBadge run={run} />
        </span>
        <RunReadout id={run.id} />
        <span className="run-actions">
          <button
            type="button"
            className="ctl-icon-button"
            aria-label={`${run.hidden ? "Show" : "Hide"} ${name}`}
            title={run.hidden ? "Show on the plot" : "Hide from the plot"}
            onClick={(e) => act(e, () => updateRun(run.id, { hidden: !run.hidden }))}
          >
            {run.hidden ? <EyeOffIcon /> : <EyeIcon />}
          </button>
          <button
            type="button"
            className="ctl-icon-button"
            aria-label={`Duplicate ${name}`}
            title="Duplicate"
            disabled={!canDuplicate}
            onClick={(e) => act(e, () => duplicateRun(run.id))}
          >
            <CopyIcon />
          </button>
          <button
            type="button"
            className="ctl-icon-button danger"
            aria-label={`Remove ${name}`}
            title={canRemove ? "Remove" : "The race needs at least one run"}
            disabled={!canRemove}
            onClick={(e) => act(e, () => removeRun(run.id))}
          >
            <RemoveIcon />
          </button>
        </span>
      </div>
      {selected && (
        <div id={editorId}>
          <RunEditor run={run} color={color} />
        </div>
      )}
    </li>
  );
});
