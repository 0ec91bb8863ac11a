/**
 * The one reader of typed numbers: every box the user types a number into (parameters,
 * Steps, start coordinates, schedule/clip/noise fields, number lists) goes through here.
 *
 * Only plain decimals with an optional exponent are numbers: JavaScript's Number() would
 * also take "0x10" (16), "0b11", "Infinity" or "" (0), and a keystroke-by-keystroke
 * parseFloat would take "5abc" as 5. Each refusal says exactly what is wrong with the text.
 */
import { describeRange, inRange, type NumberParam } from "../../core/params";

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type Parsed = { value: number } | { error: string };

/**
 * Reads `text` as a decimal number. Errors are phrases that follow the text itself
 * ("1e309" → "is not a finite number"), so callers can name the field in front.
 */
export function parseDecimal(text: string): Parsed {
  // A typographic minus (what a copied formula gives) reads as a minus sign.
  const t = text.trim().replace(/^\u2212/, "-");
  if (t === "") return { error: "is empty: type a number" };
  if (DECIMAL.test(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? { value: v } : { error: "is not a finite number" };
  }
  const loose = Number(t);
  if (Number.isNaN(loose)) return { error: "is not a number" };
  if (!Number.isFinite(loose)) return { error: "is not a finite number" };
  return { error: "is not allowed: only decimal numbers (like 0.01 or 1e-3)" };
}

/** What a numeric spec allows, as a sentence ending: "a number > 0", "an integer ≥ 1". */
export function allowedText(spec: Pick<NumberParam, "kind" | "min" | "max" | "minExclusive" | "maxExclusive">): string {
  const range = describeRange(spec);
  const what = spec.kind === "integer" ? "an integer" : "a number";
  return range === "any finite number" ? `${what} (finite)` : `${what} ${range}`;
}

/** Quotes typed text for a message, cut short so a pasted novel cannot flood the page. */
export function quoteTyped(text: string): string {
  const t = text.trim();
  return `"${t.length > 24 ? `${t.slice(0, 24)}…` : t}"`;
}

/**
 * Checks typed text against a numeric spec: the value, or a message naming the field, the
 * text and what is wrong ("Learning rate: "1e309" is not a finite number",
 * "Learning rate: "-1" must be a number > 0").
 */
export function checkNumber(spec: Pick<NumberParam, "label" | "kind" | "min" | "max" | "minExclusive" | "maxExclusive">, text: string): Parsed {
  const r = parseDecimal(text);
  if ("error" in r) return { error: `${spec.label}: ${quoteTyped(text)} ${r.error}` };
  const ok = inRange(spec, r.value) && (spec.kind !== "integer" || Number.isInteger(r.value));
  return ok ? r : { error: `${spec.label}: ${quoteTyped(text)} must be ${allowedText(spec)}` };
}
