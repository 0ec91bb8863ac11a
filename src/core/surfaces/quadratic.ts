import type { Surface } from "./types";

/** An isotropic quadratic centred away from the origin: the easiest possible problem. */
export const quadratic: Surface = {
  name: "quadratic",
  displayName: "Quadratic",
  latex: String.raw`(x - 5)^2 + y^2`,
  f(x, y) {
    const a = x - 5;
    return a * a + y * y;
  },
  grad(x, y, out) {
    out[0] = 2 * (x - 5);
    out[1] = 2 * y;
  },
  hessian(_x, _y, out) {
    out[0] = 2;
    out[1] = 0;
    out[2] = 2;
  },
  domain: { x: [-2, 8], y: [-5, 5] },
  start: [0, 0],
  critical: [{ point: [5, 0], value: 0, kind: "global" }],
  floor: 0,
  note: "Round contours and a gradient that points straight at the minimum: a baseline where every optimizer should go straight, and only the step size matters.",
};
