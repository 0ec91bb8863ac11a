import type { z } from "zod";

/**
 * Our wording for every zod issue. Schemas state what each field allows in their own
 * `error`; this map is the fallback for any issue a schema leaves to zod, so zod's own
 * wording ("Invalid input: expected object, received string", "Unrecognized key") never
 * reaches a user. Messages say what is allowed; the field and the value are added by
 * the caller.
 */

const TYPE_NOUNS: Record<string, string> = {
  object: "an object",
  array: "a list",
  tuple: "a list",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  bigint: "a number",
  null: "null",
};

/** "a run", "an optimizer", "an integer". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

const items = (n: number | bigint, noun: string) => `${n} ${noun}${Number(n) === 1 ? "" : "s"}`;

export function zodMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case "invalid_type":
      return `must be ${TYPE_NOUNS[iss.expected] ?? withArticle(iss.expected)}`;
    case "unrecognized_keys":
      return "unknown field";
    case "invalid_value":
      return `must be ${iss.values.length === 1 ? "" : "one of "}${iss.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_big":
    case "too_small": {
      const bound = iss.code === "too_big" ? iss.maximum : iss.minimum;
      const word = iss.code === "too_big" ? "at most" : "at least";
      if (iss.origin === "array" || iss.origin === "set") return `must hold ${word} ${items(bound, "item")}`;
      if (iss.origin === "string") return `must be ${word} ${items(bound, "character")}`;
      return `must be ${iss.code === "too_big" ? "≤" : "≥"} ${bound}`;
    }
    case "invalid_format":
      return "is not in the allowed format";
    case "not_multiple_of":
      return `must be a multiple of ${iss.divisor}`;
    case "invalid_union":
      return "does not match any allowed form";
    default:
      return "is not allowed here";
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `runs[0].optimizer.lr`; odd keys quoted, `runs[0]["my key"]`; the root is "(experiment)". */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = "";
  // A path nested past any experiment field (only in "too deep" messages) is cut short.
  const shown = path.length > 8 ? path.slice(0, 6) : path;
  for (const p of shown) {
    if (typeof p === "number") out += `[${p}]`;
    else {
      const key = String(p);
      if (key.length <= 40 && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`; // a long key is cut short too
    }
  }
  if (shown !== path) out += "…";
  return out || "(experiment)";
}
