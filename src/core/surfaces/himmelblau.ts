import { criticalPoint } from "./newton";
import type { Surface } from "./types";

function f(x: number, y: number): number {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  return a * a + b * b;
}

function grad(x: number, y: number, out: Float64Array): void {
  const a = x * x + y - 11;
  const b = x + y * y - 7;
  out[0] = 4 * x * a + 2 * b;
  out[1] = 2 * a + 4 * y * b;
}

function hessian(x: number, y: number, out: Float64Array): void {
  out[0] = 4 * (x * x + y - 11) + 8 * x * x + 2;
  out[1] = 4 * (x + y);
  out[2] = 4 * (x + y * y - 7) + 8 * y * y + 2;
}

const s = { f, grad, hessian };

/** Himmelblau (1972): four equally deep minima, plus four saddles and a maximum between them. */
export const himmelblau: Surface = {
  name: "himmelblau",
  displayName: "Himmelblau",
  latex: String.raw`(x^2 + y - 11)^2 + (x + y^2 - 7)^2`,
  f,
  grad,
  hessian,
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [-0.5, 0],
  critical: [
    { point: [3, 2], value: 0, kind: "global" },
    criticalPoint(s, [-2.805, 3.131], "global", 0),
    criticalPoint(s, [-3.779, -3.283], "global", 0),
    criticalPoint(s, [3.584, -1.848], "global", 0),
    criticalPoint(s, [3.385, 0.074], "saddle"),
    criticalPoint(s, [0.087, 2.884], "saddle"),
    criticalPoint(s, [-3.073, -0.081], "saddle"),
    criticalPoint(s, [-0.128, -1.954], "saddle"),
  ],
  floor: 0,
  note: "Four minima of equal depth: from the same start, different optimizers and learning rates settle in different ones.",
};
