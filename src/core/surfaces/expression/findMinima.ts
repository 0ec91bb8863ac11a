import { newtonDirection } from "../../optim/newton/newtonStep";
import { minEigen } from "../../sym2";
import type { CriticalPoint } from "../types";

export interface Differentiable {
  f(x: number, y: number): number;
  grad(x: number, y: number, out: Float64Array): void;
  hessian(x: number, y: number, out: Float64Array): void;
}

export interface Domain {
  x: readonly [number, number];
  y: readonly [number, number];
}

/** Starts per side of the grid the search begins from. */
const GRID = 24;
const MAX_ITER = 100;
/** At most this many minima are kept (the lowest): a Rastrigin-like formula has hundreds. */
export const MAX_MINIMA = 24;

/**
 * Minima of a smooth f inside `domain`, found numerically: Newton's method on the exact
 * Hessian from a GRID × GRID grid of starts, damped (Levenberg–Marquardt: H + μI with μ
 * making it positive definite) and backtracked so every iteration lowers f. A point counts
 * when |∇f| is tiny and the Hessian positive definite there; points closer than 1e-6 of
 * the domain's size are one. The lowest is global (as are any within 1e-9 of it), the rest
 * local. Returns them lowest first.
 */
export function findMinima(s: Differentiable, domain: Domain): CriticalPoint[] {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const size = Math.max(x1 - x0, y1 - y0);
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  const found: { point: [number, number]; value: number }[] = [];
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) {
      const p = refine(s, x0 + ((i + 0.5) / GRID) * (x1 - x0), y0 + ((j + 0.5) / GRID) * (y1 - y0), g, h, size);
      if (!p) continue;
      const [x, y] = p;
      // Slightly outside the view still counts: a minimum on the edge is still the surface's.
      const margin = 0.05 * size;
      if (x < x0 - margin || x > x1 + margin || y < y0 - margin || y > y1 + margin) continue;
      if (found.some((q) => Math.hypot(q.point[0] - x, q.point[1] - y) < 1e-6 * size)) continue;
      found.push({ point: [x, y], value: s.f(x, y) });
    }
  found.sort((a, b) => a.value - b.value);
  const best = found[0]?.value;
  return found.slice(0, MAX_MINIMA).map(({ point, value }) => ({
    point,
    value,
    kind: value <= best + 1e-9 * Math.max(1, Math.abs(best)) ? "global" : "local",
  }));
}

/** Damped, backtracked Newton from (x, y); the minimum it reaches, or null. */
function refine(s: Differentiable, x: number, y: number, g: Float64Array, h: Float64Array, size: number): [number, number] | null {
  const d = new Float64Array(2);
  let f = s.f(x, y);
  if (!Number.isFinite(f)) return null;
  for (let k = 0; k < MAX_ITER; k++) {
    s.grad(x, y, g);
    s.hessian(x, y, h);
    if (!(Number.isFinite(g[0]) && Number.isFinite(g[1]) && Number.isFinite(h[0]) && Number.isFinite(h[1]) && Number.isFinite(h[2]))) return null;
    const gn = Math.hypot(g[0], g[1]);
    const lmin = minEigen(h);
    if (gn <= 1e-10 * Math.max(1, Math.abs(f))) return lmin > 0 ? [x, y] : null;
    // Shift the Hessian until it is safely positive definite: not at all when its smallest
    // eigenvalue exceeds 1e-8, else to 1e-8 plus a thousandth of its scale.
    const floor = lmin > 1e-8 ? 1e-8 : 1e-8 + 1e-3 * Math.max(1, Math.abs(h[0]) + Math.abs(h[2]));
    newtonDirection(h, g, floor, d);
    let dx = -d[0];
    let dy = -d[1];
    // Backtrack: accept the first halving that lowers f (a step never leaves the neighbourhood).
    const limit = 0.25 * size / Math.max(1e-300, Math.hypot(dx, dy));
    if (limit < 1) {
      dx *= limit;
      dy *= limit;
    }
    let t = 1;
    let moved = false;
    for (let j = 0; j < 40; j++, t /= 2) {
      const nf = s.f(x + t * dx, y + t * dy);
      if (nf <= f) {
        x += t * dx;
        y += t * dy;
        moved = nf < f || t * Math.hypot(dx, dy) < 1e-15 * size;
        f = nf;
        break;
      }
    }
    if (!moved) {
      s.grad(x, y, g);
      s.hessian(x, y, h);
      return Math.hypot(g[0], g[1]) <= 1e-6 * Math.max(1, Math.abs(f)) && minEigen(h) > 0 ? [x, y] : null;
    }
  }
  return null;
}
