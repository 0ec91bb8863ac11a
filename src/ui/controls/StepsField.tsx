import { useId, useState } from "react";
import { MAX_BROWSER_STEPS } from "../../state/engine";
import { useStore } from "../../state/store";

const allowed = `Steps must be an integer from 1 to ${MAX_BROWSER_STEPS.toLocaleString("en")}`;

/** The race's horizon. Invalid typing stays in the box with a message; the store keeps the last valid value. */
export function StepsField() {
  const id = useId();
  const steps = useStore((s) => s.experiment.steps);
  const setSteps = useStore((s) => s.setSteps);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(steps);
  if (seen !== steps) {
    setSeen(steps);
    if (draft !== null && Number(draft) !== steps) {
      setDraft(null);
      setError(null);
    }
  }

  const onType = (t: string) => {
    setDraft(t);
    const v = t.trim() === "" ? NaN : Number(t);
    if (!Number.isInteger(v) || v < 1 || v > MAX_BROWSER_STEPS) return setError(allowed);
    setError(null);
    setSteps(v);
  };

  return (
    <div className="steps-field">
      <label htmlFor={id}>Steps</label>
      <input
        id={id}
        type="number"
        min={1}
        max={MAX_BROWSER_STEPS}
        step={1}
        value={draft ?? String(steps)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onType(e.currentTarget.value)}
        onBlur={() => !error && setDraft(null)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p className="ctl-error floating" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
