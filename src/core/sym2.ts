/** Symmetric 2×2 matrices packed as [a, b, c] = [[a, b], [b, c]] (how surfaces write their Hessian). */

/** The smaller eigenvalue: m − √(((a − c)/2)² + b²), m the mean of the diagonal. */
export function minEigen(h: ArrayLike<number>): number {
  const m = (h[0] + h[2]) / 2;
  const r = Math.hypot((h[0] - h[2]) / 2, h[1]);
  return m - r;
}
