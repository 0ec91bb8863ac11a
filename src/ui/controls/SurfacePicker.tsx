import { useId } from "react";
import { getSurface, surfaces } from "../../core/surfaces";
import { useStore } from "../../state/store";
import "./controls.css";

const surfaceList = Object.values(surfaces);

/** The loss surface of the race, with its note (what it teaches) beside it. */
export function SurfacePicker() {
  const id = useId();
  const ref = useStore((s) => s.experiment.surface);
  const name = typeof ref === "string" ? ref : "formula";
  const setSurface = useStore((s) => s.setSurface);
  const note = getSurface(ref)?.note ?? "";
  return (
    <div className="surface-picker">
      <label htmlFor={id}>Surface</label>
      <select id={id} value={name} onChange={(e) => setSurface(e.currentTarget.value)} title={note} aria-describedby={`${id}-note`}>
        {surfaceList.map((s) => (
          <option key={s.name} value={s.name}>
            {s.displayName}
          </option>
        ))}
      </select>
      <p className="surface-note" id={`${id}-note`} title={note}>
        {note}
      </p>
    </div>
  );
}
