import { resolveRun } from "../../core/engine/resolveRun";
import type { RunSpec } from "../../core/experiment/types";
import { useStore } from "../../state/store";
import { DraftField } from "./DraftField";
import { checkNumber } from "./typedNumber";

/** One coordinate of the start, typed; anything but a decimal number stays in the box with a message. */
function Coordinate({ axis, value, onValue }: { axis: "x" | "y"; value: number; onValue(v: number): void }) {
  const label = `Start ${axis}`;
  return (
    <DraftField
      label={label}
      className="param-start"
      value={value}
      format={String}
      parse={(t) => checkNumber({ label, kind: "number" }, t)}
      onValid={onValue}
      input={{ inputMode: "decimal" }}
    />
  );
}

/**
 * The run's start point, typed (the keyboard's way to do what a click on the plot does):
 * editing gives this run its own start; "Use for all runs" makes it every run's.
 */
export function StartFields({ run }: { run: RunSpec }) {
  const experiment = useStore((s) => s.experiment);
  const updateRun = useStore((s) => s.updateRun);
  const setStart = useStore((s) => s.setStart);
  // The start the engine runs from (run → experiment → surface), from the one place that resolves it.
  const start = resolveRun(run, experiment).start;
  const set = (x: number, y: number) => updateRun(run.id, { start: [x, y] });
  return (
    <div className="editor-row start-row">
      <Coordinate axis="x" value={start[0]} onValue={(x) => set(x, start[1])} />
      <Coordinate axis="y" value={start[1]} onValue={(y) => set(start[0], y)} />
      <button type="button" className="start-all" onClick={() => setStart([start[0], start[1]], true)} title="Start every run from this point">
        Use for all runs
      </button>
    </div>
  );
}
