/**
 * How the UI writes numbers: one module for every control, panel and plot label, so a
 * learning rate, a loss or a coordinate reads the same wherever it appears. Exponents are
 * written without "+" ("4.6e5"); d3-format writes a leading minus as the typographic one (−2).
 */
import { format } from "d3-format";
import type { NumberParam } from "../core/params";

const sig3 = format(".3~g");
const sig2e = format(".1~e");
const sig4 = format(".4~r");
const exp3 = format(".3~e");
const integer = format(",d");

/** "2.5e+4" → "2.5e4", keeping d3's typographic minus. */
const tidyExponent = (s: string) => s.replace("e+", "e");

/** Shortest exponential form that still reads back as `v` (at most 6 significant digits). */
function shortExponential(v: number): string {
  let s = v.toExponential(1);
  for (let d = 2; d <= 5 && Number(s) !== v; d++) s = v.toExponential(d);
  return tidyExponent(s);
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
 * A parameter value as the controls show it (and as it can be typed back: ASCII, exact):
 * integers plainly, log-scale numbers in exponent form once they are small or large
 * (1.0e-3, 0.05, 1.0e6), others plainly.
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

/**
 * A measured value (loss, distance, path length): three significant digits, or two beside
 * an exponent (tiny and huge values are read for their order of magnitude): 0.0123, 0.967,
 * 1.2e-19, 4.6e5.
 */
export function formatMetric(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  const a = Math.abs(v);
  return tidyExponent(a !== 0 && (a < 1e-3 || a >= 1e5) ? sig2e(v) : sig3(v));
}

/** A count with thousands separators: 12,345. */
export function formatCount(v: number): string {
  return integer(v);
}

/**
 * Labels for a list of levels: two significant digits, more where neighbours would
 * otherwise read the same (levels crowd together just above a negative floor: −26.41,
 * −26.4, −26 …), up to six.
 */
export function formatLevels(values: readonly number[]): string[] {
  let labels: string[] = [];
  for (let digits = 2; digits <= 6; digits++) {
    const sig = format(`.${digits}~r`);
    const exp = format(`.${digits - 1}~e`);
    labels = values.map((v) => {
      const a = Math.abs(v);
      return a === 0 ? "0" : a >= 1e4 || a < 1e-3 ? tidyExponent(exp(v)) : sig(v);
    });
    if (new Set(labels).size === labels.length) break;
  }
  return labels;
}

/** A value in the plot's readout (f, |∇f|): four significant digits. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0) return "0";
  return a >= 1e5 || a < 1e-4 ? tidyExponent(exp3(v)) : sig4(v);
}

/** A coordinate to the precision one pixel resolves (`unitsPerPixel`). */
export function formatCoordinate(v: number, unitsPerPixel: number): string {
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(unitsPerPixel))));
  return format(`.${decimals}f`)(v);
}

/**
 * A coordinate in prose: four significant digits, in exponent form far from 1 (a start
 * typed at 1e300 reads "1e300", not three hundred digits).
 */
function formatPlace(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && Number.isFinite(v) && (a >= 1e6 || a < 1e-4) ? tidyExponent(exp3(v)) : sig4(v);
}

/** A point for titles and labels, e.g. "(−2, 2)". */
export function formatPoint(p: readonly [number, number]): string {
  return `(${formatPlace(p[0])}, ${formatPlace(p[1])})`;
}

/** A range for prose, e.g. "−2.5 to 2.5". */
export function formatRange(r: readonly [number, number]): string {
  return `${formatPlace(r[0])} to ${formatPlace(r[1])}`;
}
