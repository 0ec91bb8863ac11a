import { stationary1d } from "./newton";
import type { CriticalPoint, Surface } from "./types";

const A = 10;
const TAU = 2 * Math.PI;

/**
 * Rastrigin is separable, f = g(x) + g(y) with g(t) = A + t² − A·cos 2πt, so its minima
 * are products of 1D minima. g' = 2t + 2πA·sin 2πt has one root next to each integer k,
 * pulled slightly toward 0 by the t² term; all eleven with |k| ≤ 5 lie in the view.
 */
const minima1d = Array.from({ length: 11 }, (_, i) =>
  stationary1d(
    (t) => 2 * t + TAU * A * Math.sin(TAU * t),
    (t) => 2 + TAU * TAU * A * Math.cos(TAU * t),
    i - 5,
  ),
);

function f(x: number, y: number): number {
  return 2 * A + x * x - A * Math.cos(TAU * x) + y * y - A * Math.cos(TAU * y);
}

// Saddles (one coordinate at a 1D maximum) are as numerous as the minima and are not listed.
const critical: CriticalPoint[] = minima1d.flatMap((x) =>
  minima1d.map((y): CriticalPoint => {
    const global = x === 0 && y === 0;
    return { point: [x, y], value: global ? 0 : f(x, y), kind: global ? "global" : "local" };
  }),
);

/** Rastrigin (1974): a parabola covered in a regular egg-box of 120 local minima. */
export const rastrigin: Surface = {
  name: "rastrigin",
  displayName: "Rastrigin",
  latex: String.raw`20 + \sum_{t \in \{x, y\}} \left(t^2 - 10\cos 2\pi t\right)`,
  f,
  grad(x, y, out) {
    out[0] = 2 * x + TAU * A * Math.sin(TAU * x);
    out[1] = 2 * y + TAU * A * Math.sin(TAU * y);
  },
  hessian(x, y, out) {
    out[0] = 2 + TAU * TAU * A * Math.cos(TAU * x);
    out[1] = 0;
    out[2] = 2 + TAU * TAU * A * Math.cos(TAU * y);
  },
  domain: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  start: [-4.3, 3.6],
  critical,
  floor: 0,
  note: "An egg-box of local minima on a bowl: gradient methods stop in the nearest dimple, and only large steps or noise can hop toward the global minimum.",
};
