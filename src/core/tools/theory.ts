import type { Surface } from "../surfaces/types";
import { minEigen } from "../sym2";

/**
 * What convex-optimization theory says about a quadratic surface f = ½ xᵀHx + …: with μ and L
 * the smallest and largest eigenvalues of H and κ = L/μ, gradient descent at its best lr
 * 2/(L + μ) shrinks the distance to the minimum by (κ − 1)/(κ + 1) per step, and heavy-ball
 * momentum (PyTorch's SGD momentum is the heavy ball: x ← x − η∇f + β(x − x_prev)) at
 * η = 4/(√L + √μ)², β = ((√κ − 1)/(√κ + 1))² by (√κ − 1)/(√κ + 1) (Polyak 1964).
 */
export interface QuadraticTheory {
  mu: number;
  L: number;
  kappa: number;
  gd: { lr: number; rate: number };
  heavyBall: { lr: number; momentum: number; rate: number };
}

/** The Hessian at (x, y) of `s`. */
function hessianAt(s: Surface, x: number, y: number): Float64Array {
  const h = new Float64Array(3);
  s.hessian(x, y, h);
  return h;
}

/**
 * The theory for `s` when it is a quadratic with a positive definite Hessian (the Hessian
 * the same, to 1e-12, at nine points across its domain); null otherwise.
 */
export function quadraticTheory(s: Surface): QuadraticTheory | null {
  const h0 = hessianAt(s, s.domain.x[0], s.domain.y[0]);
  for (const u of [0, 0.5, 1])
    for (const v of [0, 0.5, 1]) {
      const h = hessianAt(s, s.domain.x[0] + u * (s.domain.x[1] - s.domain.x[0]), s.domain.y[0] + v * (s.domain.y[1] - s.domain.y[0]));
      for (let i = 0; i < 3; i++) if (!(Math.abs(h[i] - h0[i]) <= 1e-12 * Math.max(1, Math.abs(h0[i])))) return null;
    }
  const mu = minEigen(h0);
  const L = h0[0] + h0[2] - mu;
  if (!(mu > 0)) return null;
  const kappa = L / mu;
  const sk = Math.sqrt(kappa);
  const hb = (sk - 1) / (sk + 1);
  return {
    mu,
    L,
    kappa,
    gd: { lr: 2 / (L + mu), rate: (kappa - 1) / (kappa + 1) },
    heavyBall: { lr: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, momentum: hb * hb, rate: hb },
  };
}

/**
 * The theory line on the loss panel: f(x_t) − f* for a run whose distance to the minimum
 * shrinks by `rate` per step from loss gap `gap0` (the loss gap is quadratic in the distance,
 * so it shrinks by rate² per step).
 */
export function theoryGap(gap0: number, rate: number, t: number): number {
  return gap0 * rate ** (2 * t);
}
