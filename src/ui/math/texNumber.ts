/**
 * A number as compact LaTeX: 0.01, 0.999, 5000, 10^{-8}, 2.5 \times 10^{-5}. Four
 * significant digits: enough to tell hyperparameters apart, short enough for a panel.
 */
export function texNumber(v: number): string {
  if (Number.isNaN(v)) return String.raw`\text{NaN}`;
  if (!Number.isFinite(v)) return v > 0 ? String.raw`\infty` : String.raw`-\infty`;
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e6) return String(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  const [mantissa, exponent] = v.toExponential(3).split("e");
  const m = String(Number(mantissa));
  const e = Number(exponent);
  const power = `10^{${e}}`;
  if (m === "1") return power;
  if (m === "-1") return `-${power}`;
  return String.raw`${m} \times ${power}`;
}
