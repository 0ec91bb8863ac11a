import type { Surface } from "./types";

/** A quadratic bowl with condition number 10: the mildest case of uneven curvature. */
export const bowl: Surface = {
  name: "bowl",
  displayName: "Bowl",
  latex: String.raw`\tfrac{1}{2}x^2 + 5y^2`,
  f: (x, y) => 0.5 * x * x + 5 * y * y,
  grad(x, y, out) {
    out[0] = x;
    out[1] = 10 * y;
  },
  hessian(_x, _y, out) {
    out[0] = 1;
    out[1] = 0;
    out[2] = 10;
  },
  domain: { x: [-12, 12], y: [-6, 6] },
  start: [10, 1],
  critical: [{ point: [0, 0], value: 0, kind: "global" }],
  floor: 0,
  note: "Curvature 10 times steeper in y than in x: the learning rate is capped by the steep direction, so progress along the shallow one is slow.",
};
