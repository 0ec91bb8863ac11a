import { criticalPoint } from "./newton";
import type { Surface } from "./types";

/**
 * A bowl with a cliff: the exploding-gradient picture of Pascanu, Mikolov & Bengio (2013),
 * "On the difficulty of training recurrent neural networks", fig. 6, in two dimensions.
 *
 * A round bowl ½r² + c·r⁴ (r² = x² + y²) carries a plateau of height H for x > X0 that
 * drops to the bowl's floor through a logistic wall of width ~1/K. On the wall the gradient
 * reaches H·K/4 = 250, so a plain step of lr 0.1 throws the point 25 units away, where the
 * quartic walls make every further step larger than the last (gradient descent on c·r⁴
 * at lr η is unstable once η(1 + 4c·r²) > 2, r > 9.7 here): the run explodes. A clipped
 * gradient (norm ≤ 1) walks down the wall instead. The wall sits to the right of the
 * minimum, so the plateau and the bowl both lead toward it: there is no second minimum.
 */
const H = 100;
const K = 10;
const X0 = 2;
const C = 0.05;

/** The logistic step, written to avoid exp overflow on either side. */
function sigma(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function f(x: number, y: number): number {
  const r2 = x * x + y * y;
  return 0.5 * r2 + C * r2 * r2 + H * sigma(K * (x - X0));
}

const derivatives: Pick<Surface, "f" | "grad" | "hessian"> = {
  f,
  grad(x, y, out) {
    const r2 = x * x + y * y;
    const s = sigma(K * (x - X0));
    const radial = 1 + 4 * C * r2;
    out[0] = x * radial + H * K * s * (1 - s);
    out[1] = y * radial;
  },
  hessian(x, y, out) {
    const r2 = x * x + y * y;
    const s = sigma(K * (x - X0));
    out[0] = 1 + 4 * C * (r2 + 2 * x * x) + H * K * K * s * (1 - s) * (1 - 2 * s);
    out[1] = 8 * C * x * y;
    out[2] = 1 + 4 * C * (r2 + 2 * y * y);
  },
};

// The wall's tail (H·σ(−K·X0) ≈ 2e−7 at the origin) nudges the minimum just left of it.
const minimum = criticalPoint(derivatives, [0, 0], "global");

export const cliff: Surface = {
  name: "cliff",
  displayName: "Cliff",
  latex: String.raw`\tfrac12 r^2 + 0.05\,r^4 + \frac{100}{1 + e^{-10(x - 2)}},\quad r^2 = x^2 + y^2`,
  ...derivatives,
  domain: { x: [-6, 6], y: [-4, 4] },
  start: [3.5, 1.5],
  critical: [minimum],
  floor: minimum.value,
  note: "A plateau that ends in a sheer wall: the gradient on the wall reaches about 250, against about 15 on the plateau at the default start, so an unclipped step is thrown far out and explodes, while a clipped one walks down.",
};
