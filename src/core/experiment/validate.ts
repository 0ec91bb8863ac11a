import type { z } from "zod";
import { crossChecks, type Issue } from "./crossChecks";
import { lineColumn, MAX_DEPTH, MAX_ITEMS, shapeProblem, sourceAt, stripBom } from "./jsonText";
import { pathToField, zodMessage } from "./messages";
import { fillRunIds } from "./runIds";
import { experimentSchema } from "./schema";
import { showValue } from "./showValue";
import type { Experiment } from "./types";

export { pathToField } from "./messages";

export interface ValidationError {
  /** The offending field, e.g. `runs[0].optimizer.lr`; `(file)` for text that is not JSON. */
  field: string;
  path: (string | number)[];
  /** The value as the file wrote it (shortened); absent when the field is missing or unknown. */
  value?: string;
  /** What is wrong and what is allowed. */
  message: string;
}

/** Errors come in the file's order: the first one is the first problem a reader meets. */
export type Validation = { ok: true; experiment: Experiment } | { ok: false; errors: ValidationError[] };

/** One line: the field, the value and what is allowed. */
export function formatError(e: ValidationError): string {
  return `${e.field}: ${e.value === undefined ? "" : `${e.value} `}${e.message}`;
}

/** Keys that could reach a prototype: refused by validation, dropped by salvage. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

interface Trail {
  parent: Trail | null;
  key: string | number;
}
const trailPath = (t: Trail | null): (string | number)[] => {
  const out: (string | number)[] = [];
  for (; t; t = t.parent) out.push(t.key);
  return out.reverse();
};

const TOO_DEEP = `is nested deeper than ${MAX_DEPTH} levels; an experiment nests 5 at most`;
const tooMany = (kind: "list" | "object") =>
  kind === "list" ? `is longer than any list in an experiment (at most ${MAX_ITEMS.toLocaleString("en")} items)` : `has more fields than any object in an experiment (at most ${MAX_ITEMS.toLocaleString("en")})`;

/**
 * Walks the input once, without recursion, before any schema sees it: refuses keys that
 * could reach a prototype (`__proto__`, `constructor`, `prototype`), nesting deeper and
 * containers longer than any experiment needs (which also stops a cyclic object built in
 * code). The same limits as `shapeProblem` puts on text, for input that never was text.
 */
function guard(input: unknown): (Issue & { noValue?: true }) | null {
  const stack: { value: object; trail: Trail | null; depth: number }[] = [];
  if (input !== null && typeof input === "object") stack.push({ value: input, trail: null, depth: 1 });
  while (stack.length) {
    const { value, trail, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return { path: trailPath(trail), message: TOO_DEEP, noValue: true };
    if (Array.isArray(value)) {
      if (value.length > MAX_ITEMS) return { path: trailPath(trail), message: tooMany("list") };
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === "object") stack.push({ value: item, trail: { parent: trail, key: i }, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_ITEMS) return { path: trailPath(trail), message: tooMany("object") };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (FORBIDDEN_KEYS.has(key)) return { path: trailPath({ parent: trail, key }), message: "is not an allowed field name", noValue: true };
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === "object") stack.push({ value: item, trail: { parent: trail, key }, depth: depth + 1 });
    }
  }
  return null;
}

/** zod's issues as ours: one per unknown key, paths as plain keys. */
function fromZod(issues: z.core.$ZodIssue[]): (Issue & { noValue?: true })[] {
  return issues.flatMap((iss) => {
    const path = iss.path as (string | number)[];
    if (iss.code === "unrecognized_keys") return iss.keys.map((k) => ({ path: [...path, k], message: iss.message, noValue: true as const }));
    // byName re-raises a member's unknown keys as custom issues, marked so.
    if (iss.code === "custom" && iss.params?.unknownKey) return [{ path, message: iss.message, noValue: true as const }];
    return [{ path, message: iss.message }];
  });
}

/** Where `path` sits in the input, as indices in key order; a missing key sorts after its siblings. */
function positionOf(root: unknown, path: readonly (string | number)[], keyIndex: WeakMap<object, Map<string, number>>): number[] {
  const pos: number[] = [];
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") break;
    if (Array.isArray(node)) pos.push(typeof key === "number" ? key : node.length);
    else {
      let index = keyIndex.get(node);
      if (!index) keyIndex.set(node, (index = new Map(Object.keys(node).map((k, i) => [k, i]))));
      pos.push(index.get(String(key)) ?? index.size);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return pos;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** How many errors look their value up in the text (each lookup scans it once). */
const SOURCE_LOOKUPS = 20;

/**
 * Issues as messages, in the file's order (JSON.parse keeps key order, except that
 * integer-like keys, which no experiment field has, come first).
 */
function toErrors(input: unknown, issues: (Issue & { noValue?: true })[], text: string | undefined): ValidationError[] {
  const keyIndex = new WeakMap<object, Map<string, number>>();
  const sorted = issues
    .map((issue, i) => ({ issue, i, pos: positionOf(input, issue.path, keyIndex) }))
    .sort((a, b) => compare(a.pos, b.pos) || a.i - b.i);
  return sorted.map(({ issue }, n) => {
    const { path } = issue;
    const field = pathToField(path);
    if (issue.noValue) return { field, path, message: issue.message };
    let parent: unknown = input;
    for (const key of path.slice(0, -1)) parent = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
    const last = path[path.length - 1];
    const present = path.length === 0 || (parent !== null && typeof parent === "object" && Object.hasOwn(parent, last) && (parent as Record<string, unknown>)[last] !== undefined);
    if (!present) return { field, path, message: `is required; ${issue.message}` };
    const value: unknown = path.length ? (parent as Record<string, unknown>)[last] : input;
    const source = text !== undefined && n < SOURCE_LOOKUPS ? sourceAt(text, path) : undefined;
    const message = typeof value === "number" && !Number.isFinite(value) ? `is not a finite number; ${issue.message}` : issue.message;
    return { field, path, value: showValue(value, source), message };
  });
}

/**
 * Validates an already-parsed experiment (from a file, a share link or the app's store).
 * Returns the experiment normalized (missing run ids filled in), or every problem found,
 * each naming its field, in the file's order. Never throws; nothing in the input runs as
 * code. `text` is the JSON the input was parsed from, when there is one: messages then
 * show values as written (1e400, not Infinity).
 */
export function validateExperiment(input: unknown, text?: string): Validation {
  const unsafe = guard(input);
  if (unsafe) return { ok: false, errors: toErrors(input, [unsafe], undefined) };
  const result = experimentSchema.safeParse(input, { error: zodMessage });
  if (!result.success) return { ok: false, errors: toErrors(input, fromZod(result.error.issues), text) };
  const exp = result.data as Omit<Experiment, "runs"> & { runs: Parameters<typeof fillRunIds>[0] };
  const crossed = crossChecks(exp);
  if (crossed.length) return { ok: false, errors: toErrors(input, crossed, text) };
  return { ok: true, experiment: { ...exp, runs: fillRunIds(exp.runs) } as Experiment };
}

const fileError = (message: string): Validation => ({ ok: false, errors: [{ field: "(file)", path: [], message }] });

/**
 * Parses JSON text and validates it. A byte-order mark and CRLF line ends are fine; text
 * that is not JSON, or nests deeper than any experiment, is reported like a field error
 * (field "(file)") with the line and column.
 */
export function parseExperiment(raw: string): Validation {
  const text = stripBom(raw);
  // Before JSON.parse: nothing after it may recurse this deep or parse lists this long.
  const shape = shapeProblem(text);
  if (shape) {
    const field = pathToField(shape.path);
    const at = lineColumn(text, shape.offset);
    if (shape.problem === "deep") return { ok: false, errors: [{ field, path: shape.path, message: `${TOO_DEEP} (${at})` }] };
    const { items, kind } = shape.problem;
    const value = kind === "list" ? `an array of ${items.toLocaleString("en")} items` : `an object with ${items.toLocaleString("en")} fields`;
    return { ok: false, errors: [{ field, path: shape.path, value, message: `${tooMany(kind)}; it opens at ${at}` }] };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    // V8 names an offset; newer versions add "(line L column C)" themselves: say it one way.
    const message = (err as Error).message.replace(/\s+/g, " ").replace(/ \(line \d+ column \d+\)/, "");
    const at = /at position (\d+)/.exec(message);
    return fileError(`is not valid JSON: ${message}${at ? ` (${lineColumn(text, Number(at[1]))})` : ""}`);
  }
  return validateExperiment(input, text);
}
