import type { CriticalPoint, Surface } from "../surfaces/types";

export interface Nearest {
  index: number;
  minimum: CriticalPoint;
  distance: number;
}

/** Below this a sum of squares has lost precision to underflow (the smallest normal double). */
export const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * √(dx² + dy²) that never overflows or underflows: the plain form when its square is a
 * normal finite number (the hot path, and bit-identical to it), else Math.hypot, which
 * scales. NaN in, NaN out.
 */
export function norm2(dx: number, dy: number): number {
  const s = dx * dx + dy * dy;
  return s < Infinity && s >= MIN_NORMAL ? Math.sqrt(s) : Math.hypot(dx, dy);
}

/** The known minima of a surface (saddles excluded). */
export function minimaOf(surface: Surface): CriticalPoint[] {
  return surface.critical.filter((c) => c.kind !== "saddle");
}

/**
 * Nearest known minimum to the finite point (x, y), with its distance (finite: a point at
 * 1e300 is 1.4e300 away, not ∞), or null only when the surface knows no minimum.
 */
export function nearestMinimum(minima: readonly CriticalPoint[], x: number, y: number): Nearest | null {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < minima.length; i++) {
    const d = norm2(x - minima[i].point[0], y - minima[i].point[1]);
    // `best < 0` keeps a minimum even when every distance is ∞ or NaN (a non-finite point).
    if (d < bestD || best < 0) {
      bestD = d;
      best = i;
    }
  }
  return best < 0 ? null : { index: best, minimum: minima[best], distance: bestD };
}

/**
 * True when (x, y) lies strictly within `tol` of any minimum. Checked per coordinate first
 * (cheap, and no square to underflow: tolerance 1e-200 at the minimum itself is within),
 * then by the scaled norm.
 */
export function withinTolerance(minima: readonly CriticalPoint[], x: number, y: number, tol: number): boolean {
  for (let i = 0; i < minima.length; i++) {
    const ax = Math.abs(x - minima[i].point[0]);
    const ay = Math.abs(y - minima[i].point[1]);
    if (!(ax < tol && ay < tol)) continue;
    if (norm2(ax, ay) < tol) return true;
  }
  return false;
}
