import { useId, useState } from "react";
import { describeRange, inRange, type NumberListParam } from "../../core/params";
import type { CommitResult } from "./ParamControl";
import { parseNumber } from "./format";

/** Reads "100, 200" into a list, or a message naming the field and what is allowed. */
export function checkNumberList(spec: NumberListParam, text: string): { value: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  const allowed = `${spec.label} must be a comma-separated list of ${spec.integer ? "integers" : "numbers"} ${describeRange(spec)}${spec.increasing ? ", each greater than the one before" : ""}`;
  const out: number[] = [];
  for (const part of parts) {
    const v = parseNumber(part);
    if (v === null || !inRange(spec, v) || (spec.integer && !Number.isInteger(v))) return { error: `${allowed}; "${part}" is not` };
    if (spec.increasing && out.length && v <= out[out.length - 1]) return { error: `${allowed}; ${v} does not increase` };
    out.push(v);
  }
  return { value: out };
}

/** A list parameter (milestones, boundaries) typed as comma-separated numbers, checked on every keystroke. */
export function NumberListControl({ spec, value, onCommit }: { spec: NumberListParam; value: readonly number[]; onCommit(v: number[]): CommitResult }) {
  const id = useId();
  const joined = value.join(", ");
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(joined);
  const [sent, setSent] = useState(joined);
  if (seen !== joined) {
    setSeen(joined);
    if (sent !== joined) {
      setDraft(null);
      setError(null);
    }
  }
  const onType = (t: string) => {
    setDraft(t);
    const r = checkNumberList(spec, t);
    if ("error" in r) return setError(r.error);
    setSent(r.value.join(", "));
    setError(onCommit(r.value) || null);
  };
  return (
    <div className="param param-box-only param-list" title={spec.help}>
      <label className="param-label" htmlFor={id}>
        {spec.label}
      </label>
      <input
        id={id}
        className="param-box"
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={draft ?? joined}
        onChange={(e) => onType(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            setDraft(null);
            setError(null);
          }
        }}
        onBlur={() => {
          if (!error) setDraft(null);
        }}
      />
      {error && (
        <p className="ctl-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
