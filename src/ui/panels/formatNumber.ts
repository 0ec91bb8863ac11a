import { format } from "d3-format";

const sig3 = format(".3~g");
const sig2e = format(".1~e");
const integer = format(",d");

/**
 * Three significant digits, or two beside an exponent (tiny and huge values are read for
 * their order of magnitude): 0.0123, 0.967, 1.2e−19, 4.6e5.
 */
export function formatMetric(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  const a = Math.abs(v);
  const text = a !== 0 && (a < 1e-3 || a >= 1e5) ? sig2e(v) : sig3(v);
  return text.replace("e+", "e");
}

export function formatCount(v: number): string {
  return integer(v);
}
