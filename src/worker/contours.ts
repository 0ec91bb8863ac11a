import { contours } from "d3-contour";
import { requireSurface, type SurfaceRef } from "../core/surfaces";
import type { ContourBand, View } from "./protocol";

export interface ContourResult {
  thresholds: number[];
  bands: ContourBand[];
  min: number;
  max: number;
}

/**
 * Log-spaced thresholds of f − floor between a low quantile and the maximum over the
 * grid: test surfaces span many orders of magnitude, so evenly spaced levels would
 * crowd into the walls and leave the valley flat.
 */
export function logThresholds(values: Float64Array, floor: number, count: number): number[] {
  const shifted: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] - floor;
    if (Number.isFinite(v) && v > 0) shifted.push(v);
  }
  if (shifted.length === 0) return [floor];
  shifted.sort((a, b) => a - b);
  const hi = shifted[shifted.length - 1];
  const lo = Math.max(shifted[Math.floor(shifted.length * 0.002)], hi * 1e-9);
  if (!(hi > lo)) return [floor + lo];
  const out: number[] = [];
  const a = Math.log(lo);
  const b = Math.log(hi);
  for (let k = 0; k < count; k++) out.push(floor + Math.exp(a + ((b - a) * k) / (count - 1)));
  return out;
}

/**
 * Samples f on an nx × ny grid over the view (row 0 = top = max y) and traces filled bands.
 * With `parts` > 1 only every parts-th threshold (from `part`) is traced, so several workers
 * can share one request; every part returns all thresholds, for the legend.
 */
export function computeContours(ref: SurfaceRef, view: View, nx: number, ny: number, levels: number, part = 0, parts = 1): ContourResult {
  const surface = requireSurface(ref);
  const [x0, x1] = view.x;
  const [y0, y1] = view.y;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = y1 - (j + 0.5) * dy;
    for (let i = 0; i < nx; i++) {
      const v = surface.f(x0 + (i + 0.5) * dx, y);
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const thresholds = logThresholds(values, Math.min(surface.floor, min), levels);
  const mine = thresholds.filter((_, i) => i % parts === part);
  const polys = contours().size([nx, ny]).thresholds(mine)(values as unknown as number[]);
  const bands: ContourBand[] = polys.map((p) => ({
    value: p.value,
    coordinates: p.coordinates.map((poly) => poly.map((ring) => ring.map(([gx, gy]) => [x0 + gx * dx, y1 - gy * dy]))),
  }));
  return { thresholds, bands, min, max };
}
