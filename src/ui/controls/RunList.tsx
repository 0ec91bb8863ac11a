import { useId, useState } from "react";
import { optimizers } from "../../core/optim";
import { MAX_UI_RUNS } from "../../state/experimentSlice";
import { useStore } from "../../state/store";
import { PlusIcon } from "./icons";
import { RunCard } from "./RunCard";
import "./controls.css";

const optimizerList = Object.values(optimizers);

/** The runs of the race: add (with an optimizer), then select one to edit it. */
export function RunList() {
  const id = useId();
  const runs = useStore((s) => s.experiment.runs);
  const selectedRunId = useStore((s) => s.selectedRunId);
  const addRun = useStore((s) => s.addRun);
  const [optimizer, setOptimizer] = useState("adam");
  const full = runs.length >= MAX_UI_RUNS;

  return (
    <div className="panel run-list">
      <div className="run-list-head">
        <h2>
          Runs <span className="ctl-muted">{runs.length} / {MAX_UI_RUNS}</span>
        </h2>
        <div className="add-run">
          <label className="visually-hidden" htmlFor={id}>
            New run optimizer
          </label>
          <select id={id} value={optimizer} onChange={(e) => setOptimizer(e.currentTarget.value)}>
            {optimizerList.map((d) => (
              <option key={d.name} value={d.name}>
                {d.displayName}
              </option>
            ))}
          </select>
          <button type="button" className="ctl-primary" disabled={full} title={full ? `At most ${MAX_UI_RUNS} runs` : undefined} onClick={() => addRun(optimizer)}>
            <PlusIcon /> Add run
          </button>
        </div>
      </div>
      <ul className="run-cards">
        {runs.map((run, i) => (
          <RunCard key={run.id} run={run} index={i} selected={run.id === selectedRunId} canRemove={runs.length > 1} canDuplicate={!full} />
        ))}
      </ul>
    </div>
  );
}
