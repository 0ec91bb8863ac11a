import { useId } from "react";
import { describeRange, inRange, type NumberListParam } from "../../core/params";
import { parseDecimal, quoteTyped } from "./typedNumber";
import { useTypedEdit, type CommitResult } from "./useTypedEdit";
import { EditBox, EditError } from "./EditBox";

/** Reads "100, 200" into a list, or a message naming the field, the element and what is wrong. */
export function checkNumberList(spec: NumberListParam, text: string): { value: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== "");
  const allowed = `${spec.label} must be a comma-separated list of ${spec.integer ? "integers" : "numbers"} ${describeRange(spec)}${spec.increasing ? ", each greater than the one before" : ""}`;
  const out: number[] = [];
  for (const part of parts) {
    const r = parseDecimal(part);
    if ("error" in r) return { error: `${spec.label}: ${quoteTyped(part)} ${r.error}` };
    const v = r.value;
    if (!inRange(spec, v) || (spec.integer && !Number.isInteger(v))) return { error: `${allowed}; ${quoteTyped(part)} is not` };
    if (spec.increasing && out.length && v <= out[out.length - 1]) return { error: `${allowed}; ${part} does not increase` };
    out.push(v);
  }
  return { value: out };
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** A list parameter (milestones, boundaries) typed as comma-separated numbers, under the typed-edit rule. */
export function NumberListControl({ spec, value, onCommit }: { spec: NumberListParam; value: readonly number[]; onCommit(v: number[]): CommitResult }) {
  const id = useId();
  const edit = useTypedEdit<readonly number[]>({
    value,
    format: (v) => v.join(", "),
    parse: (t) => checkNumberList(spec, t),
    commit: (v) => onCommit([...v]),
    live: true,
    equal: sameList,
  });
  return (
    <div className="param param-box-only param-list" title={spec.help}>
      <label className="param-label" htmlFor={id}>
        {spec.label}
      </label>
      <EditBox id={id} edit={edit} className="param-box" inputMode="decimal" />
      <EditError id={id} edit={edit} />
    </div>
  );
}
