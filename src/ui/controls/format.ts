/**
 * How controls show numbers (typed ones are read by typedNumber.ts). One place, so the run card's summary, the slider's
 * aria-valuetext and the typed box all print a learning rate the same way ("1.0e-3").
 */
import type { NumberParam } from "../../core/params";

/** Shortest exponential form that still reads back as `v` (at most 6 significant digits). */
function shortExponential(v: number): string {
  let s = v.toExponential(1);
  for (let d = 2; d <= 5 && Number(s) !== v; d++) s = v.toExponential(d);
  return s.replace("e+", "e");
}

/** Shortest plain form that reads back as `v` (at most 6 significant digits). */
function shortPlain(v: number): string {
  for (let d = 1; d <= 6; d++) {
    const s = String(Number(v.toPrecision(d)));
    if (Number(s) === v) return s;
  }
  return String(Number(v.toPrecision(6)));
}

/**
 * A parameter value as the UI shows it: integers plainly, log-scale numbers in
 * exponent form once they are small or large (1.0e-3, 0.05, 1.0e6), others plainly.
 */
export function formatParam(spec: Pick<NumberParam, "kind" | "scale">, v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (spec.kind === "integer") return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (spec.scale === "log" && (a < 0.01 || a >= 1e4)) return shortExponential(v);
  if (a < 1e-4 || a >= 1e6) return shortExponential(v);
  return shortPlain(v);
}

/** A loss or other measured value: 3 significant digits, or 2 in exponent form when far from 1 (it must fit a card). */
export function formatMeasure(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(1).replace("e+", "e");
  return String(Number(v.toPrecision(3)));
}
