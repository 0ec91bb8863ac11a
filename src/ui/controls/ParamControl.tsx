import { useId, useMemo, type KeyboardEvent } from "react";
import type { NumberParam } from "../../core/params";
import { formatParam } from "../format";
import { sliderScale } from "./sliderScale";
import { checkNumber } from "./typedNumber";
import { useTypedEdit, type CommitResult } from "./useTypedEdit";

export type { CommitResult } from "./useTypedEdit";

export interface ParamControlProps {
  spec: NumberParam;
  /**
   * undefined: left out of the experiment (its default applies). Kept apart from "set to the
   * default" so that giving up an edit puts back exactly what was stored.
   */
  value: number | undefined;
  onCommit(value: number | undefined): CommitResult;
  /** false: only the typed box, named by the label itself (seeds, warmup steps). */
  slider?: boolean;
  /** A caution about a value that is allowed but probably not meant (warmup longer than the race). */
  warning?: string | null;
}

/**
 * One numeric parameter: a slider (log or linear, from the spec) and a typed box beside it.
 * Every slider move and every valid keystroke goes to the store at once, so the race
 * re-runs while dragging or typing; text that is not a valid value leaves the value from
 * before the edit in force, with a message naming the field and what is wrong
 * (useTypedEdit's rule). Escape puts the stored value back.
 */
export function ParamControl({ spec, value, onCommit, slider = true, warning = null }: ParamControlProps) {
  const id = useId();
  const scale = useMemo(() => sliderScale(spec), [spec]);
  const edit = useTypedEdit<number | undefined>({
    value,
    format: (v) => (v !== undefined ? formatParam(spec, v) : spec.optional ? "" : formatParam(spec, spec.default)),
    parse: (t) => (t.trim() === "" && spec.optional ? { value: undefined } : checkNumber(spec, t)),
    commit: onCommit,
    live: true,
  });
  const shown = value ?? spec.default;
  // An optional parameter left out shows as "default"; a required one simply shows its default.
  const unset = value === undefined && spec.optional;
  const error = edit.error;

  const onSlide = (x: number) => {
    edit.drop();
    onCommit(scale.fromInput(x));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !error) {
      // Nudge by one slider position, as the slider's own arrow keys would.
      e.preventDefault();
      const x = scale.toInput(shown) + (e.key === "ArrowUp" ? scale.step : -scale.step);
      edit.drop();
      onCommit(scale.fromInput(Math.min(scale.max, Math.max(scale.min, x))));
    } else edit.onKeyDown(e);
  };

  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [error && errorId, warning && warningId].filter(Boolean).join(" ") || undefined;
  const boxLabel = slider ? `${spec.label} value` : undefined;
  return (
    <div className={`param${slider ? "" : " param-box-only"}`} title={spec.help}>
      <label className="param-label" htmlFor={slider ? `${id}-slider` : `${id}-box`}>
        {spec.label}
      </label>
      {slider && (
        <input
          id={`${id}-slider`}
          className={`param-slider${unset ? " unset" : ""}`}
          type="range"
          min={scale.min}
          max={scale.max}
          step={scale.step}
          value={scale.toInput(shown)}
          aria-valuetext={unset ? `default (${formatParam(spec, spec.default)})` : formatParam(spec, shown)}
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
        aria-describedby={describedBy}
        placeholder={spec.optional ? "default" : undefined}
        value={edit.text}
        onChange={edit.onChange}
        onKeyDown={onKeyDown}
        onBlur={edit.onBlur}
      />
      {error && (
        <p className="ctl-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      {warning && (
        <p className="ctl-warning" id={warningId} role="status">
          {warning}
        </p>
      )}
    </div>
  );
}
