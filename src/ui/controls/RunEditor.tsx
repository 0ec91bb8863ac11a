import { useId } from "react";
import type { RunSpec } from "../../core/experiment/types";
import { getOptimizer, optimizers } from "../../core/optim";
import type { ParamValue } from "../../core/params";
import { useStore } from "../../state/store";
import { BatchFields } from "./BatchFields";
import { ClipEditor } from "./ClipEditor";
import { DraftField } from "./DraftField";
import { NoiseEditor } from "./NoiseEditor";
import { ScheduleEditor } from "./ScheduleEditor";
import { SpecControl } from "./SpecControl";
import { StartFields } from "./StartFields";

const optimizerList = Object.values(optimizers);

/** The run's display name, typed; an empty name is refused (the run would have no name to show). */
function NameField({ run }: { run: RunSpec }) {
  const updateRun = useStore((s) => s.updateRun);
  return (
    <DraftField
      label="Name"
      className="param-name"
      value={run.label ?? run.id}
      format={(t) => t}
      parse={(t) => (t.trim() === "" ? { error: "Name must not be empty (up to 64 characters)" } : { value: t })}
      onValid={(t) => updateRun(run.id, { label: t })}
      input={{ maxLength: 64 }}
    />
  );
}

/** Everything about one run: name, colour, optimizer and its hyperparameters, schedule, clipping, noise, mini-batches (on a data surface). */
export function RunEditor({ run, color }: { run: RunSpec; color: string }) {
  const id = useId();
  const updateRun = useStore((s) => s.updateRun);
  const setOptimizer = useStore((s) => s.setOptimizer);
  const setOptimizerParam = useStore((s) => s.setOptimizerParam);
  const def = getOptimizer(run.optimizer.name);

  const setParam = (key: string, v: ParamValue | undefined) => {
    if (v !== undefined) return setOptimizerParam(run.id, key, v);
    const { [key]: _old, ...rest } = run.optimizer;
    updateRun(run.id, { optimizer: { ...rest, name: run.optimizer.name } });
  };

  return (
    <div className="run-editor">
      <div className="editor-row">
        <NameField run={run} />
        <div className="param param-colour">
          <label className="param-label" htmlFor={`${id}-colour`}>
            Colour
          </label>
          <input id={`${id}-colour`} type="color" value={color} onChange={(e) => updateRun(run.id, { color: e.currentTarget.value })} />
        </div>
      </div>
      <StartFields run={run} />
      <fieldset className="editor-group">
        <legend>Optimizer</legend>
        <div className="param param-box-only">
          <label className="param-label" htmlFor={`${id}-opt`}>
            Optimizer
          </label>
          <select id={`${id}-opt`} className="param-select" value={run.optimizer.name} title={def?.cite} onChange={(e) => setOptimizer(run.id, e.currentTarget.value)}>
            {optimizerList.map((d) => (
              <option key={d.name} value={d.name}>
                {d.displayName}
              </option>
            ))}
          </select>
        </div>
        {def &&
          Object.entries(def.params)
            // `control: false`: in the experiment, but nothing drawn depends on it (ASGD's t₀).
            .filter(([, spec]) => !("control" in spec && spec.control === false))
            .map(([key, spec]) => <SpecControl key={`${def.name}.${key}`} spec={spec} value={run.optimizer[key]} onCommit={(v) => setParam(key, v)} />)}
      </fieldset>
      <ScheduleEditor run={run} />
      <ClipEditor run={run} />
      <NoiseEditor run={run} />
      <BatchFields run={run} />
    </div>
  );
}
