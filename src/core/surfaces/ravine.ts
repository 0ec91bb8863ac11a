import type { Surface } from "./types";

/** A quadratic with condition number 50: where momentum visibly pays off. */
export const ravine: Surface = {
  name: "ravine",
  displayName: "Ravine",
  latex: String.raw`x^2 + 50y^2`,
  f: (x, y) => x * x + 50 * y * y,
  grad(x, y, out) {
    out[0] = 2 * x;
    out[1] = 100 * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 100;
  },
  domain: { x: [-5, 5], y: [-1.5, 1.5] },
  start: [-4, 0.8],
  critical: [{ point: [0, 0], value: 0, kind: "global" }],
  floor: 0,
  note: "A steep-walled ravine (condition number 50): gradient descent zig-zags across it, while momentum and adaptive methods run along the floor.",
};
