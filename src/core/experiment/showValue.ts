/**
 * A value as a message shows it: short, never "null" for a number, and bounded however
 * large the value is (a 24 MB array becomes "an array of 3,000,000 numbers", never a
 * 24 MB string).
 */

const MAX_CHARS = 60;

const count = (n: number) => n.toLocaleString("en");

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** "an array of 3,000,000 numbers", "an array of 5 items", "an object with 12 fields". */
function summary(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return "an empty array";
    const first = kindOf(v[0]);
    // Sampling keeps this O(1) for huge arrays; the summary says "items" unless the sample agrees.
    const step = Math.max(1, Math.floor(v.length / 64));
    let same = true;
    for (let i = 0; i < v.length && same; i += step) same = kindOf(v[i]) === first;
    const noun = same && ["number", "string", "boolean", "object", "array"].includes(first) ? `${first}s` : "items";
    return `an array of ${count(v.length)} ${v.length === 1 ? noun.replace(/s$/, "") : noun}`;
  }
  if (typeof v === "string") return `a string of ${count(v.length)} characters`;
  if (v !== null && typeof v === "object") {
    const n = Object.keys(v).length;
    return `an object with ${count(n)} field${n === 1 ? "" : "s"}`;
  }
  return String(v);
}

/** JSON-like text of `v`, or null once it would pass `budget` characters (or nest past 64). */
function preview(v: unknown, budget: number, depth = 0): string | null {
  if (typeof v === "number") return String(v); // Infinity and NaN, not "null"
  if (v === undefined) return ""; // a hole in a list built in code: [1, , 3], as JavaScript writes it
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (depth > 64) return null;
  const array = Array.isArray(v);
  // Fields set to undefined are left out, as JSON leaves them out.
  const keys = array ? null : Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  const n = array ? v.length : keys!.length;
  let out = array ? "[" : "{";
  for (let i = 0; i < n; i++) {
    if (out.length > budget) return null;
    const item = array ? v[i] : (v as Record<string, unknown>)[keys![i]];
    const inner = preview(item, budget - out.length, depth + 1);
    if (inner === null) return null;
    out += `${i ? ", " : ""}${array ? "" : `${JSON.stringify(keys![i])}: `}${inner}`;
  }
  out += array ? "]" : "}";
  return out.length > budget ? null : out;
}

/**
 * The value for a message. `source`, when known, is how the file wrote it (so 1e400
 * reads 1e400, not Infinity); long values are summarised rather than cut mid-token.
 */
export function showValue(value: unknown, source?: string): string {
  if (source !== undefined) {
    const compact = source.replace(/\s*\n\s*/g, " ");
    if (compact.length <= MAX_CHARS) return compact;
  }
  if (typeof value === "string" && value.length > MAX_CHARS)
    return `${JSON.stringify(value.slice(0, 40)).slice(0, -1)}…" (${summary(value)})`;
  return preview(value, MAX_CHARS) ?? summary(value);
}
