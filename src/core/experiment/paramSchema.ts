import { z } from "zod";
import { describeRange, inRange, type ParamSpec, type ParamSpecs } from "../params";

/**
 * Turns the registry's parameter specs into zod schemas, so the same spec that draws a
 * slider also validates an experiment. Every message says what is allowed; the field and
 * the value are added by `formatIssue`.
 */
export function paramSchema(spec: ParamSpec): z.ZodType {
  switch (spec.kind) {
    case "boolean":
      return z.boolean({ error: "must be true or false" });
    case "enum":
      return z.enum(spec.options as [string, ...string[]], { error: `must be one of ${spec.options.map((o) => `"${o}"`).join(", ")}` });
    case "numberList": {
      const item = describeRange(spec);
      return z
        .array(z.number({ error: "must be a number" }), { error: "must be a list of numbers" })
        .superRefine((list, ctx) => {
          list.forEach((v, i) => {
            if (!inRange(spec, v) || (spec.integer && !Number.isInteger(v)))
              ctx.addIssue({ code: "custom", path: [i], message: `must be ${spec.integer ? "an integer " : ""}${item}` });
            else if (spec.increasing && i > 0 && v <= list[i - 1])
              ctx.addIssue({ code: "custom", path: [i], message: `must be greater than the previous element (${list[i - 1]}); the list must increase` });
          });
        });
    }
    default: {
      const integer = spec.kind === "integer";
      const allowed = `${integer ? "an integer " : "a number "}${describeRange(spec)}`;
      return z
        .number({ error: `must be ${allowed}` })
        .refine((v) => inRange(spec, v) && (!integer || Number.isInteger(v)), { message: `must be ${allowed}` });
    }
  }
}

/**
 * A strict object whose unknown keys are answered with the keys it takes, derived from
 * its shape: `unknown field; a run takes id, label, …`. `noun` names the object.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(noun: string, shape: T, typeError = `must be ${noun}`) {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `unknown field; ${noun} takes ${keys}` : iss.code === "invalid_type" ? typeError : undefined,
  });
}

/** A strict object of {name: literal, ...params (all optional: defaults fill the gaps)}. */
export function namedParamsSchema(kind: string, name: string, specs: ParamSpecs, extra: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = { name: z.literal(name) };
  for (const [key, spec] of Object.entries(specs)) shape[key] = paramSchema(spec).optional();
  Object.assign(shape, extra);
  return strictObject(`the ${name} ${kind}`, shape);
}
