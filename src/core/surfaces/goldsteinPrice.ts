import { criticalPoint } from "./newton";
import type { Surface } from "./types";

/*
 * f = A·B with
 *   A = 1 + u²·P,  u = x + y + 1,  P = 19 − 14x + 3x² − 14y + 6xy + 3y²
 *   B = 30 + v²·Q, v = 2x − 3y,    Q = 18 − 32x + 12x² + 48y − 36xy + 27y²
 * and the product rule for the derivatives.
 */
function f(x: number, y: number): number {
  const u = x + y + 1;
  const v = 2 * x - 3 * y;
  const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  return (1 + u * u * p) * (30 + v * v * q);
}

function grad(x: number, y: number, out: Float64Array): void {
  const u = x + y + 1;
  const v = 2 * x - 3 * y;
  const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const pd = -14 + 6 * x + 6 * y; // ∂P/∂x = ∂P/∂y
  const qx = -32 + 24 * x - 36 * y;
  const qy = 48 - 36 * x + 54 * y;
  const a = 1 + u * u * p;
  const b = 30 + v * v * q;
  const ad = 2 * u * p + u * u * pd; // ∂A/∂x = ∂A/∂y
  out[0] = ad * b + a * (4 * v * q + v * v * qx);
  out[1] = ad * b + a * (-6 * v * q + v * v * qy);
}

function hessian(x: number, y: number, out: Float64Array): void {
  const u = x + y + 1;
  const v = 2 * x - 3 * y;
  const p = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const pd = -14 + 6 * x + 6 * y;
  const qx = -32 + 24 * x - 36 * y;
  const qy = 48 - 36 * x + 54 * y;
  const a = 1 + u * u * p;
  const b = 30 + v * v * q;
  const ad = 2 * u * p + u * u * pd;
  // A depends on x and y only through u and symmetric P, so all its second derivatives agree.
  const add = 2 * p + 4 * u * pd + 6 * u * u;
  const bx = 4 * v * q + v * v * qx;
  const by = -6 * v * q + v * v * qy;
  const bxx = 8 * q + 8 * v * qx + 24 * v * v;
  const bxy = -12 * q + 4 * v * qy - 6 * v * qx - 36 * v * v;
  const byy = 18 * q - 12 * v * qy + 54 * v * v;
  out[0] = add * b + 2 * ad * bx + a * bxx;
  out[1] = add * b + ad * (bx + by) + a * bxy;
  out[2] = add * b + 2 * ad * by + a * byy;
}

const s = { f, grad, hessian };

/** Goldstein–Price (1971): minima whose values span three orders of magnitude. */
export const goldsteinPrice: Surface = {
  name: "goldsteinPrice",
  displayName: "Goldstein–Price",
  latex: String.raw`\left[1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\right] \left[30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\right]`,
  f,
  grad,
  hessian,
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [0.5, 1.5],
  // All critical values are integers (checked to 40 digits); the points are not exact doubles.
  critical: [
    { point: [0, -1], value: 3, kind: "global" },
    criticalPoint(s, [-0.6, -0.4], "local", 30),
    criticalPoint(s, [1.8, 0.2], "local", 84),
    criticalPoint(s, [1.2, 0.8], "local", 840),
    criticalPoint(s, [-0.4, -0.6], "saddle", 35),
    criticalPoint(s, [1.2, -0.2], "saddle", 99),
    criticalPoint(s, [1.4, 0.6], "saddle", 980),
    criticalPoint(s, [0.6, 0.4], "saddle", 990),
  ],
  floor: 3,
  note: "Values from 3 to a million in one small square: log-scale contours are essential, and raw gradient steps overshoot wildly unless normalised.",
};
