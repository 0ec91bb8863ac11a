/**
 * The minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
 * `bounds` (default: between the two points); their midpoint when the cubic has no real
 * minimiser. PyTorch's `_cubic_interpolate` (torch/optim/lbfgs.py, from Torch7's
 * polyinterp.lua), operation for operation, so the line search picks the same trial steps.
 */
export function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: readonly [number, number]): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 ** 2 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    // Python's min(max(a, lo), hi): a NaN position stays NaN only when it is the first argument it meets.
    return pyMin(pyMax(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

/** Python's max(a, b): b when b > a, else a (so a NaN `a` wins, a NaN `b` loses). */
export const pyMax = (a: number, b: number): number => (b > a ? b : a);
/** Python's min(a, b): b when b < a, else a. */
export const pyMin = (a: number, b: number): number => (b < a ? b : a);
