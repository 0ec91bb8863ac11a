import type { Surface } from "./types";

/** Booth's function: a tilted quadratic whose axes are not the coordinate axes. */
export const booth: Surface = {
  name: "booth",
  displayName: "Booth",
  latex: String.raw`(x + 2y - 7)^2 + (2x + y - 5)^2`,
  f(x, y) {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    return a * a + b * b;
  },
  grad(x, y, out) {
    const a = x + 2 * y - 7;
    const b = 2 * x + y - 5;
    out[0] = 2 * a + 4 * b;
    out[1] = 4 * a + 2 * b;
  },
  hessian(_x, _y, out) {
    out[0] = 10;
    out[1] = 8;
    out[2] = 10;
  },
  domain: { x: [-10, 10], y: [-10, 10] },
  start: [-8, 6],
  critical: [{ point: [1, 3], value: 0, kind: "global" }],
  floor: 0,
  note: "A quadratic whose valley runs diagonally (eigenvalues 18 and 2): per-coordinate methods like Adam cannot align their scaling with it.",
};
