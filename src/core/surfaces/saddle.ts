import type { Surface } from "./types";

const Y_HALF_WIDTH = 2;

/** The hyperbolic paraboloid: a single saddle and no minimum at all. */
export const saddle: Surface = {
  name: "saddle",
  displayName: "Saddle",
  latex: String.raw`x^2 - y^2`,
  f: (x, y) => x * x - y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = -2 * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = -2;
  },
  domain: { x: [-2, 2], y: [-Y_HALF_WIDTH, Y_HALF_WIDTH] },
  start: [-1.5, 0.05],
  critical: [{ point: [0, 0], value: 0, kind: "saddle" }],
  // f is unbounded below, so there is no minimum to use. The floor is instead the lowest
  // value in the default view, −y² at its top and bottom edges: f − floor ≥ 0 on the whole
  // view, as log-spaced contour levels require.
  floor: -Y_HALF_WIDTH * Y_HALF_WIDTH,
  note: "Starting almost on the ridge, the gradient first pulls toward the saddle point, and the escape along the tiny y component shows how quickly each optimizer leaves a saddle.",
};
