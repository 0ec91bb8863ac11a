import { criticalPoint } from "./newton";
import type { CriticalPoint, Surface } from "./types";

function f(x: number, y: number): number {
  const x2 = x * x;
  const y2 = y * y;
  return (4 - 2.1 * x2 + (x2 * x2) / 3) * x2 + x * y + (4 * y2 - 4) * y2;
}

function grad(x: number, y: number, out: Float64Array): void {
  const x2 = x * x;
  out[0] = 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y;
  out[1] = x - 8 * y + 16 * y * y * y;
}

function hessian(x: number, y: number, out: Float64Array): void {
  const x2 = x * x;
  out[0] = 8 - 25.2 * x2 + 10 * x2 * x2;
  out[1] = 1;
  out[2] = -8 + 48 * y * y;
}

const s = { f, grad, hessian };

// f(−x, −y) = f(x, y), so every critical point comes with its mirror image.
const pair = (x: number, y: number, kind: CriticalPoint["kind"]) => [
  criticalPoint(s, [x, y], kind),
  criticalPoint(s, [-x, -y], kind),
];

const critical = [
  ...pair(0.0898, -0.7127, "global"),
  ...pair(-1.7036, 0.7961, "local"),
  ...pair(1.6071, 0.5687, "local"),
  criticalPoint(s, [0, 0], "saddle"),
  ...pair(1.1092, -0.7683, "saddle"),
  ...pair(1.6381, 0.2287, "saddle"),
  ...pair(1.2961, 0.6051, "saddle"),
];

/** The six-hump camel back: two global and four local minima in a small box. */
export const sixHumpCamel: Surface = {
  name: "sixHumpCamel",
  displayName: "Six-hump camel",
  latex: String.raw`\left(4 - 2.1x^2 + \tfrac{x^4}{3}\right)x^2 + xy + \left(-4 + 4y^2\right)y^2`,
  f,
  grad,
  hessian,
  domain: { x: [-3, 3], y: [-2, 2] },
  start: [-2.2, -1.4],
  critical,
  floor: critical[0].value,
  note: "Six minima of three depths next to a saddle at the origin: whether an optimizer reaches one of the two global minima depends on its path, not only its destination.",
};
