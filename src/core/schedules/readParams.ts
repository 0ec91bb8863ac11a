import type { ParamSpecs, ParamValues } from "../params";

/**
 * Typed access to a schedule's parameter values, falling back to the spec default
 * when a value is left out. Used once per `create`/`check`, never per step.
 * A value of the wrong type is a programming error (validation runs upstream), so it
 * throws with the schedule and field named rather than computing NaN.
 */
export interface ParamReader {
  number(key: string): number;
  /** Undefined when an optional number is left out. */
  optionalNumber(key: string): number | undefined;
  boolean(key: string): boolean;
  string(key: string): string;
  list(key: string): readonly number[];
}

export function readParams(schedule: string, specs: ParamSpecs, params: ParamValues): ParamReader {
  const raw = (key: string): unknown => {
    const spec = specs[key];
    if (spec === undefined) throw new Error(`${schedule}: no parameter named "${key}"`);
    const v: unknown = params[key];
    if (v !== undefined && v !== null) return v;
    if ((spec.kind === "number" || spec.kind === "integer") && spec.optional) return undefined;
    return spec.default;
  };
  const wrongType = (key: string, want: string, v: unknown): Error =>
    new TypeError(`${schedule}: parameter "${key}" must be ${want}, got ${JSON.stringify(v)}`);

  const optionalNumber = (key: string): number | undefined => {
    const v = raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== "number") throw wrongType(key, "a number", v);
    return v;
  };
  return {
    optionalNumber,
    number(key) {
      const v = optionalNumber(key);
      if (v === undefined) throw wrongType(key, "a number", v);
      return v;
    },
    boolean(key) {
      const v = raw(key);
      if (typeof v !== "boolean") throw wrongType(key, "true or false", v);
      return v;
    },
    string(key) {
      const v = raw(key);
      const spec = specs[key];
      if (spec.kind === "enum" && !spec.options.includes(v as string))
        throw wrongType(key, `one of ${spec.options.join(", ")}`, v);
      if (typeof v !== "string") throw wrongType(key, "a string", v);
      return v;
    },
    list(key) {
      const v = raw(key);
      if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) throw wrongType(key, "a list of numbers", v);
      return v as readonly number[];
    },
  };
}
