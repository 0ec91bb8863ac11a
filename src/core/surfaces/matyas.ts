import type { Surface } from "./types";

/** Matyas' function: a nearly flat diagonal valley (condition number 25). */
export const matyas: Surface = {
  name: "matyas",
  displayName: "Matyas",
  latex: String.raw`0.26\,(x^2 + y^2) - 0.48\,xy`,
  f: (x, y) => 0.26 * (x * x + y * y) - 0.48 * x * y,
  grad(x, y, out) {
    out[0] = 0.52 * x - 0.48 * y;
    out[1] = 0.52 * y - 0.48 * x;
  },
  hessian(_x, _y, out) {
    out[0] = 0.52;
    out[1] = -0.48;
    out[2] = 0.52;
  },
  domain: { x: [-10, 10], y: [-10, 10] },
  start: [-8, -5],
  critical: [{ point: [0, 0], value: 0, kind: "global" }],
  floor: 0,
  note: "A shallow diagonal valley with tiny gradients along x = y: optimizers quickly reach the valley, then crawl along it unless they adapt their step size.",
};
