import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { NumberParam } from "../../core/params";
import { checkNumber, formatParam } from "./format";
import { sliderScale } from "./sliderScale";

/**
 * Answer of a commit: null when the value was taken, or a message when a rule beyond the
 * field's own range refused it (a schedule's cross-field check).
 */
export type CommitResult = string | null | void;

export interface ParamControlProps {
  spec: NumberParam;
  /** undefined: an optional parameter left out (its default applies). */
  value: number | undefined;
  onCommit(value: number | undefined): CommitResult;
  /** false: only the typed box, named by the label itself (seeds, warmup steps). */
  slider?: boolean;
}

/**
 * One numeric parameter: a slider (log or linear, from the spec) and a typed box beside it.
 * Every slider move and every valid keystroke goes to the store at once, so the race
 * re-runs while dragging. Invalid typing stays in the box with a message naming the field
 * and what is allowed, and never reaches the store; Escape puts the stored value back.
 */
export function ParamControl({ spec, value, onCommit, slider = true }: ParamControlProps) {
  const id = useId();
  const scale = useMemo(() => sliderScale(spec), [spec]);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The value this control last sent: when the store's value differs from it, the change
  // came from elsewhere (another control, a loaded link) and the box shows it afresh.
  const [sent, setSent] = useState<number | undefined>(value);
  const [seen, setSeen] = useState<number | undefined>(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(sent, value)) {
      setDraft(null);
      setError(null);
    }
  }

  const shown = value ?? spec.default;
  const text = draft ?? (value === undefined ? "" : formatParam(spec, value));

  const commit = (v: number | undefined): void => {
    setSent(v);
    setError(onCommit(v) || null);
  };

  const onSlide = (x: number) => {
    setDraft(null);
    commit(scale.fromInput(x));
  };

  const onType = (t: string) => {
    setDraft(t);
    if (t.trim() === "" && spec.optional) return commit(undefined);
    const r = checkNumber(spec, t);
    if ("error" in r) setError(r.error);
    else commit(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      setDraft(null);
      setError(null);
    } else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !error) {
      // Nudge by one slider position, as the slider's own arrow keys would.
      e.preventDefault();
      const x = scale.toInput(shown) + (e.key === "ArrowUp" ? scale.step : -scale.step);
      setDraft(null);
      commit(scale.fromInput(Math.min(scale.max, Math.max(scale.min, x))));
    }
  };

  const errorId = `${id}-error`;
  const boxLabel = slider ? `${spec.label} value` : undefined;
  return (
    <div className={`param${slider ? "" : " param-box-only"}`} title={spec.help}>
      <label className="param-label" htmlFor={slider ? `${id}-slider` : `${id}-box`}>
        {spec.label}
      </label>
      {slider && (
        <input
          id={`${id}-slider`}
          className={`param-slider${value === undefined ? " unset" : ""}`}
          type="range"
          min={scale.min}
          max={scale.max}
          step={scale.step}
          value={scale.toInput(shown)}
          aria-valuetext={value === undefined ? `default (${formatParam(spec, spec.default)})` : formatParam(spec, value)}
          onChange={(e) => onSlide(Number(e.currentTarget.value))}
        />
      )}
      <input
        id={`${id}-box`}
        className="param-box"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={boxLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder={spec.optional ? "default" : undefined}
        value={text}
        onChange={(e) => onType(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      {error && (
        <p className="ctl-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
