/**
 * Parameter specifications shared by optimizers and schedules.
 *
 * One spec drives three things: validation of an experiment (range, kind),
 * the UI control (label = accessible name, slider range, log or linear scale)
 * and the KaTeX panel (symbol). Keep them here so none of the three can drift.
 */

export interface NumberParam {
  kind: "number" | "integer";
  /** Human label; also the accessible name of its slider ("Learning rate"). */
  label: string;
  /** LaTeX symbol used in the update rule ("\\eta"). */
  symbol: string;
  default: number;
  /** Validation bounds (inclusive unless the matching *Exclusive flag is set). */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Slider mapping in the UI. */
  scale: "linear" | "log";
  slider: readonly [number, number];
  /** When true the parameter may be omitted; `help` says what is used then. */
  optional?: boolean;
  /** Another parameter of the same optimizer or schedule that this one must not exceed (rprop: stepSizeMin ≤ stepSizeMax); validation enforces it. */
  atMost?: string;
  /** A length in steps that usually spans the whole race: the app sets it to the race's horizon when the schedule is picked. */
  horizon?: boolean;
  /**
   * false: kept in the experiment and the schema (PyTorch fidelity) but given no control
   * in the app, because nothing drawn depends on it (ASGD's averaging start t₀).
   */
  control?: false;
  help?: string;
}

export interface BooleanParam {
  kind: "boolean";
  label: string;
  symbol?: string;
  default: boolean;
  help?: string;
}

export interface EnumParam {
  kind: "enum";
  label: string;
  symbol?: string;
  options: readonly string[];
  default: string;
  help?: string;
}

export interface NumberListParam {
  kind: "numberList";
  label: string;
  symbol: string;
  default: readonly number[];
  /** Each element's bounds. */
  min?: number;
  minExclusive?: boolean;
  max?: number;
  /** Elements must be strictly increasing. */
  increasing?: boolean;
  /** Elements must be integers. */
  integer?: boolean;
  help?: string;
}

export type ParamSpec = NumberParam | BooleanParam | EnumParam | NumberListParam;
export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValue = number | boolean | string | readonly number[];
export type ParamValues = Record<string, ParamValue>;

/** Values of every parameter at its default (optional numbers left out). */
export function defaultValues(specs: ParamSpecs): ParamValues {
  const out: ParamValues = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.kind === "number" || spec.kind === "integer") {
      if (!spec.optional) out[key] = spec.default;
    } else out[key] = spec.default;
  }
  return out;
}

/** Describes the allowed range of a numeric spec, e.g. "> 0 and < 1". */
export function describeRange(spec: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
  const parts: string[] = [];
  if (spec.min !== undefined) parts.push(`${spec.minExclusive ? ">" : "≥"} ${spec.min}`);
  if (spec.max !== undefined) parts.push(`${spec.maxExclusive ? "<" : "≤"} ${spec.max}`);
  return parts.length ? parts.join(" and ") : "any finite number";
}

/** True when `v` lies inside the spec's validation range. */
export function inRange(spec: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (spec.min !== undefined && (spec.minExclusive ? v <= spec.min : v < spec.min)) return false;
  if (spec.max !== undefined && (spec.maxExclusive ? v >= spec.max : v > spec.max)) return false;
  return true;
}
