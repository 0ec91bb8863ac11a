import { format } from "d3-format";

const sig4 = format(".4~r");
const exp3 = format(".3~e");

/** "2.5e+4" → "2.5e4", keeping d3's typographic minus. */
const tidyExponent = (s: string) => s.replace("e+", "e");

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

/** A value in the readout (f, |∇f|): four significant digits. */
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

/** A point for titles and labels, e.g. "(−2, 2)". */
export function formatPoint(p: readonly [number, number]): string {
  return `(${sig4(p[0])}, ${sig4(p[1])})`;
}

/** A range for prose, e.g. "−2.5 to 2.5". */
export function formatRange(r: readonly [number, number]): string {
  return `${sig4(r[0])} to ${sig4(r[1])}`;
}
