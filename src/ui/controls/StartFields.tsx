import { resolveRun } from "../../core/engine/resolveRun";
import type { RunSpec } from "../../core/experiment/types";
import { useStore } from "../../state/store";
import { DraftField } from "./DraftField";
import { checkNumber } from "./typedNumber";

/**
 * One coordinate of the start, typed; anything but a decimal number stays in the box with a
 * message. `value` is the run's own coordinate (undefined: it starts where the others do,
 * shown as `inherited`), so giving up an edit puts back exactly what was stored.
 */
function Coordinate({ axis, value, inherited, onValue }: { axis: "x" | "y"; value: number | undefined; inherited: number; onValue(v: number | undefined): void }) {
  const label = `Start ${axis}`;
  return (
    <DraftField<number | undefined>
      label={label}
      className="param-start"
      value={value}
      format={(v) => String(v ?? inherited)}
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
  // undefined: back to no start of its own (what an abandoned edit of a shared start restores).
  const set = (x: number | undefined, y: number | undefined) =>
    updateRun(run.id, { start: x === undefined || y === undefined ? undefined : [x, y] });
  const own = run.start;
  return (
    <div className="editor-row start-row">
      <Coordinate axis="x" value={own?.[0]} inherited={start[0]} onValue={(x) => set(x, x === undefined ? undefined : start[1])} />
      <Coordinate axis="y" value={own?.[1]} inherited={start[1]} onValue={(y) => set(y === undefined ? undefined : start[0], y)} />
      <button type="button" className="start-all" onClick={() => setStart([start[0], start[1]], true)} title="Start every run from this point">
        Use for all runs
      </button>
    </div>
  );
}
