import { minEigen } from "../../sym2";

/**
 * Newton's direction with Levenberg–Marquardt damping in 2D: solves (H + μI)·d = ∇f for d,
 * with μ = max(0, damping − λ_min(H)), the least shift that makes every eigenvalue of
 * H + μI at least `damping` (> 0): positive definite, so −d points downhill. On a convex
 * quadratic whose eigenvalues exceed `damping`, μ = 0 and x − d is the minimum (one step at
 * lr 1). `h` is the packed Hessian [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²]. Writes d into `out` and
 * returns μ.
 */
export function newtonDirection(h: Float64Array, g: Float64Array, damping: number, out: Float64Array): number {
  const mu = Math.max(0, damping - minEigen(h));
  const a = h[0] + mu;
  const b = h[1];
  const c = h[2] + mu;
  const det = a * c - b * b;
  out[0] = (c * g[0] - b * g[1]) / det;
  out[1] = (a * g[1] - b * g[0]) / det;
  return mu;
}
