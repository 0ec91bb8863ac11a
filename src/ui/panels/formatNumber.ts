import { format } from "d3-format";

const sig3 = format(".3~g");
const integer = format(",d");

/** Three significant digits, exponent without "+": 0.0123, 1.23e−9, 4.57e5. */
export function formatMetric(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  return sig3(v).replace("e+", "e");
}

export function formatCount(v: number): string {
  return integer(v);
}
