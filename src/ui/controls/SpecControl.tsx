import { useId } from "react";
import type { ParamSpec, ParamValue } from "../../core/params";
import { NumberListControl } from "./NumberListControl";
import { ParamControl, type CommitResult } from "./ParamControl";

export interface SpecControlProps {
  spec: ParamSpec;
  /** The stored value; undefined means the spec's default (or "left out" when optional). */
  value: unknown;
  onCommit(value: ParamValue | undefined): CommitResult;
}

/** The control a ParamSpec asks for: slider + box for numbers, checkbox, select or list box. */
export function SpecControl({ spec, value, onCommit }: SpecControlProps) {
  const id = useId();
  switch (spec.kind) {
    case "number":
    case "integer":
      return <ParamControl spec={spec} value={typeof value === "number" ? value : undefined} onCommit={onCommit} />;
    case "boolean":
      return (
        <div className="param param-check" title={spec.help}>
          <input id={id} type="checkbox" checked={typeof value === "boolean" ? value : spec.default} onChange={(e) => onCommit(e.currentTarget.checked)} />
          <label htmlFor={id}>{spec.label}</label>
        </div>
      );
    case "enum":
      return (
        <div className="param param-box-only" title={spec.help}>
          <label className="param-label" htmlFor={id}>
            {spec.label}
          </label>
          <select id={id} className="param-select" value={typeof value === "string" ? value : spec.default} onChange={(e) => onCommit(e.currentTarget.value)}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
      );
    case "numberList":
      return <NumberListControl spec={spec} value={Array.isArray(value) ? (value as number[]) : spec.default} onCommit={onCommit} />;
  }
}
