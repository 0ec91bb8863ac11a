import { useId, useState } from "react";
import type { RunSpec } from "../../core/experiment/types";
import { getSurface } from "../../core/surfaces";
import { useStore } from "../../state/store";

/** One coordinate of the start, typed; anything but a finite number stays in the box with a message. */
function Coordinate({ axis, value, onValue }: { axis: "x" | "y"; value: number; onValue(v: number): void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const v = draft === null ? value : Number(draft);
  const error = draft !== null && (draft.trim() === "" || !Number.isFinite(v)) ? `Start ${axis} must be a finite number` : null;
  return (
    <div className="param param-start">
      <label className="param-label" htmlFor={id}>
        Start {axis}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setDraft(t);
          const n = t.trim() === "" ? NaN : Number(t);
          if (Number.isFinite(n)) onValue(n);
        }}
        onBlur={() => error === null && setDraft(null)}
        onKeyDown={(e) => e.key === "Escape" && setDraft(null)}
      />
      {error && (
        <p className="ctl-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
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
  const surface = getSurface(experiment.surface);
  const start = run.start ?? experiment.start ?? surface?.start ?? [0, 0];
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
