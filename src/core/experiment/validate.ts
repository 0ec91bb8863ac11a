import type { z } from "zod";
import { experimentSchema } from "./schema";
import type { Experiment } from "./types";

export interface ValidationError {
  /** Dotted path of the offending field, e.g. "runs[0].optimizer.lr". */
  field: string;
  value: unknown;
  message: string;
}

export type Validation = { ok: true; experiment: Experiment } | { ok: false; errors: ValidationError[] };

export function pathToField(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(experiment)";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** One line: the field, the value and what is allowed. */
export function formatError(e: ValidationError): string {
  return e.value === undefined ? `${e.field}: ${e.message}` : `${e.field}: ${show(e.value)} ${e.message}`;
}

function toErrors(input: unknown, issues: z.core.$ZodIssue[]): ValidationError[] {
  return issues.map((iss) => {
    let path = iss.path;
    let message = iss.message;
    if (iss.code === "unrecognized_keys") {
      path = [...iss.path, iss.keys[0]];
      message = message.startsWith("unknown field") ? message : `unknown field; ${message}`;
    }
    if (iss.code === "invalid_type" && iss.input === undefined && !message.startsWith("is required")) message = `is required; ${message}`;
    return { field: pathToField(path), value: valueAt(input, path), message: message.replace(/^is required; must/, "is required: must") };
  });
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Finds a key that could reach an object's prototype; such input is refused outright. */
function forbiddenKey(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (value === null || typeof value !== "object") return null;
  for (const key of Object.keys(value)) {
    const here = [...path, Array.isArray(value) ? Number(key) : key];
    if (FORBIDDEN_KEYS.has(key)) return here;
    const inner = forbiddenKey((value as Record<string, unknown>)[key], here);
    if (inner) return inner;
  }
  return null;
}

/** Validates an already-parsed experiment object. */
export function validateExperiment(input: unknown): Validation {
  const bad = forbiddenKey(input);
  if (bad) return { ok: false, errors: [{ field: pathToField(bad), value: undefined, message: "is not an allowed field name" }] };
  const result = experimentSchema.safeParse(input);
  if (result.success) return { ok: true, experiment: result.data as Experiment };
  return { ok: false, errors: toErrors(input, result.error.issues) };
}

/** Parses JSON text and validates it; a JSON syntax error is reported like any other field error. */
export function parseExperiment(text: string): Validation {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ field: "(file)", value: undefined, message: `is not valid JSON: ${(err as Error).message.replace(/\s+/g, " ")}` }] };
  }
  return validateExperiment(input);
}
