import { stationary1d } from "./newton";
import type { CriticalPoint, Surface } from "./types";

/**
 * A tilted double well. The x-part 0.1x⁴ − 3x² + x has stationary points where
 * 0.4x³ − 6x + 1 = 0; the +x tilt makes the left well the deeper one (x ≈ −3.9538,
 * f ≈ −26.414) and the right well a local minimum (x ≈ 3.7868, f ≈ −18.670). The hump
 * between them (x ≈ 0.1670) is a maximum in x and a minimum in y: a saddle of the surface.
 * (The original prose, "local min at x = −2, global at x = 2", was wrong on both counts;
 * the roots are solved here to full precision instead.)
 */
const d1 = (x: number) => 0.4 * x * x * x - 6 * x + 1;
const d2 = (x: number) => 1.2 * x * x - 6;

function f(x: number, y: number): number {
  const x2 = x * x;
  return 0.1 * x2 * x2 - 3 * x2 + x + y * y;
}

const at = (x0: number, kind: CriticalPoint["kind"]): CriticalPoint => {
  const x = stationary1d(d1, d2, x0);
  return { point: [x, 0], value: f(x, 0), kind };
};

const critical = [at(-3.95, "global"), at(3.79, "local"), at(0.167, "saddle")];

export const quartic: Surface = {
  name: "quartic",
  displayName: "Quartic",
  latex: String.raw`0.1\,x^4 - 3x^2 + x + y^2`,
  f,
  grad(x, y, out) {
    out[0] = d1(x);
    out[1] = 2 * y;
  },
  hessian(x, _y, out) {
    out[0] = d2(x);
    out[1] = 0;
    out[2] = 2;
  },
  domain: { x: [-5, 5], y: [-3, 3] },
  start: [-3, 0],
  critical,
  floor: critical[0].value,
  note: "Two wells of different depth separated by a saddle: which minimum an optimizer ends in depends on where it starts and how much momentum carries it over the hump.",
};
