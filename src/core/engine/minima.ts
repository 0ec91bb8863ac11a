import type { CriticalPoint, Surface } from "../surfaces/types";

export interface Nearest {
  index: number;
  minimum: CriticalPoint;
  distance: number;
}

/** The known minima of a surface (saddles excluded). */
export function minimaOf(surface: Surface): CriticalPoint[] {
  return surface.critical.filter((c) => c.kind !== "saddle");
}

/** Nearest known minimum to (x, y), or null when the surface has none. */
export function nearestMinimum(minima: readonly CriticalPoint[], x: number, y: number): Nearest | null {
  let best = -1;
  let bestD2 = Infinity;
  for (let i = 0; i < minima.length; i++) {
    const dx = x - minima[i].point[0];
    const dy = y - minima[i].point[1];
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best < 0 ? null : { index: best, minimum: minima[best], distance: Math.sqrt(bestD2) };
}

/** True when (x, y) lies within `tol` of any minimum (cheap: squared distances, early exit). */
export function withinTolerance(minima: readonly CriticalPoint[], x: number, y: number, tol: number): boolean {
  const t2 = tol * tol;
  for (let i = 0; i < minima.length; i++) {
    const dx = x - minima[i].point[0];
    const dy = y - minima[i].point[1];
    if (dx * dx + dy * dy < t2) return true;
  }
  return false;
}
