import type { Surface } from "./types";

/** Rosenbrock (1960): the classic curved valley whose floor is easy to reach and slow to follow. */
export const rosenbrock: Surface = {
  name: "rosenbrock",
  displayName: "Rosenbrock",
  latex: String.raw`(1 - x)^2 + 100\,(y - x^2)^2`,
  f(x, y) {
    const a = 1 - x;
    const b = y - x * x;
    return a * a + 100 * b * b;
  },
  grad(x, y, out) {
    const b = y - x * x;
    out[0] = -2 * (1 - x) - 400 * x * b;
    out[1] = 200 * b;
  },
  hessian(x, y, out) {
    out[0] = 2 - 400 * y + 1200 * x * x;
    out[1] = -400 * x;
    out[2] = 200;
  },
  domain: { x: [-2.5, 2.5], y: [-1.5, 3.5] },
  start: [-2, 2],
  critical: [{ point: [1, 1], value: 0, kind: "global" }],
  floor: 0,
  note: "A narrow curved valley: reaching the floor is quick, but following it to the minimum at (1, 1) takes plain gradient descent thousands of steps.",
};
