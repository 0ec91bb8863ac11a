import { useId } from "react";
import { getSurface, surfaces } from "../../core/surfaces";
import { formulasReady } from "../../state/formulas";
import { useStore } from "../../state/store";
import { DEFAULT_FORMULA, FormulaEditor } from "./FormulaEditor";
import "./controls.css";

const surfaceList = Object.values(surfaces);
/** The select's value for a typed surface (no built-in has this name: theirs are camelCase words). */
const TYPED = "formula";

/** The loss surface of the race, with its note (what it teaches) beside it, and the editor of a typed one. */
export function SurfacePicker() {
  const id = useId();
  const ref = useStore((s) => s.experiment.surface);
  const setSurface = useStore((s) => s.setSurface);
  const note = getSurface(ref)?.note ?? "";
  const choose = async (name: string) => {
    if (name !== TYPED) return void setSurface(name);
    // mathjs arrives in its own chunk just after the first render; the choice waits for it.
    await formulasReady;
    const s = useStore.getState();
    const refusal = s.setSurface(s.lastFormula ?? DEFAULT_FORMULA);
    if (refusal) s.setMessage(`f(x, y) ${refusal}`);
  };
  return (
    <div className={typeof ref === "string" ? "surface-picker" : "surface-picker typed"}>
      <label htmlFor={id}>Surface</label>
      <select id={id} value={typeof ref === "string" ? ref : TYPED} onChange={(e) => void choose(e.currentTarget.value)} title={note} aria-describedby={`${id}-note`}>
        {surfaceList.map((s) => (
          <option key={s.name} value={s.name}>
            {s.displayName}
          </option>
        ))}
        <option value={TYPED}>Your own f(x, y)…</option>
      </select>
      {typeof ref !== "string" && <FormulaEditor surface={ref} />}
      <p className="surface-note" id={`${id}-note`} title={note}>
        {note}
      </p>
    </div>
  );
}
