import type { CriticalPoint, Surface } from "./types";

type Derivatives = Pick<Surface, "f" | "grad" | "hessian">;

/**
 * Refines a guess of a stationary point by Newton's method on ∇f = 0.
 *
 * Run once at module load, so the critical points a surface lists are exact to the last
 * digit instead of copied from a table with four decimals. Once converged, Newton can hop
 * between neighbouring doubles, so the iterate with the smallest gradient is kept.
 */
export function stationaryPoint(s: Derivatives, x0: number, y0: number): [number, number] {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  let x = x0;
  let y = y0;
  let best: [number, number] = [x0, y0];
  let bestNorm = Infinity;
  for (let i = 0; i < 100; i++) {
    s.grad(x, y, g);
    const norm = Math.hypot(g[0], g[1]);
    if (norm < bestNorm) {
      bestNorm = norm;
      best = [x, y];
    }
    s.hessian(x, y, h);
    const det = h[0] * h[2] - h[1] * h[1];
    if (norm === 0 || det === 0 || !Number.isFinite(det)) break;
    x -= (h[2] * g[0] - h[1] * g[1]) / det;
    y -= (h[0] * g[1] - h[1] * g[0]) / det;
  }
  return best;
}

/** The 1D version, for separable surfaces: a root of d1 near x0, with d2 = d1'. */
export function stationary1d(d1: (x: number) => number, d2: (x: number) => number, x0: number): number {
  let x = x0;
  let best = x0;
  let bestAbs = Infinity;
  for (let i = 0; i < 100; i++) {
    const g = d1(x);
    if (Math.abs(g) < bestAbs) {
      bestAbs = Math.abs(g);
      best = x;
    }
    const h = d2(x);
    if (g === 0 || h === 0) break;
    x -= g / h;
  }
  return best;
}

/**
 * A critical point refined from `guess`. Its value is f there, unless the exact value is
 * known in closed form (then the listed value is the true one, not f's rounding of it).
 */
export function criticalPoint(
  s: Derivatives,
  guess: readonly [number, number],
  kind: CriticalPoint["kind"],
  exactValue?: number,
): CriticalPoint {
  const point = stationaryPoint(s, guess[0], guess[1]);
  return { point, value: exactValue ?? s.f(point[0], point[1]), kind };
}
