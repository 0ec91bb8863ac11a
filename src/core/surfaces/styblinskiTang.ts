import { stationary1d } from "./newton";
import type { CriticalPoint, Surface } from "./types";

// Separable: f = h(x) + h(y), h(t) = ½(t⁴ − 16t² + 5t), h'(t) = 2t³ − 16t + 2.5.
const h = (t: number) => 0.5 * (t * t * t * t - 16 * t * t + 5 * t);
const d1 = (t: number) => 2 * t * t * t - 16 * t + 2.5;
const d2 = (t: number) => 6 * t * t - 16;

const deep = stationary1d(d1, d2, -2.9); // ≈ −2.903534, the deeper 1D well
const shallow = stationary1d(d1, d2, 2.75); // ≈ 2.746803
const hump = stationary1d(d1, d2, 0.157); // the 1D maximum between them

const at = (x: number, y: number, kind: CriticalPoint["kind"]): CriticalPoint => ({
  point: [x, y],
  value: h(x) + h(y),
  kind,
});

const critical = [
  at(deep, deep, "global"),
  at(deep, shallow, "local"),
  at(shallow, deep, "local"),
  at(shallow, shallow, "local"),
  at(deep, hump, "saddle"),
  at(hump, deep, "saddle"),
  at(shallow, hump, "saddle"),
  at(hump, shallow, "saddle"),
];

/** Styblinski–Tang (1990): four wells of unequal depth at the corners of a square. */
export const styblinskiTang: Surface = {
  name: "styblinskiTang",
  displayName: "Styblinski–Tang",
  latex: String.raw`\tfrac{1}{2}\sum_{t \in \{x, y\}} \left(t^4 - 16t^2 + 5t\right)`,
  f: (x, y) => h(x) + h(y),
  grad(x, y, out) {
    out[0] = d1(x);
    out[1] = d1(y);
  },
  hessian(x, y, out) {
    out[0] = d2(x);
    out[1] = 0;
    out[2] = d2(y);
  },
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [4.5, 4],
  critical,
  floor: critical[0].value,
  note: "Four wells, only one of them deepest: a start in the shallow corner shows that descent finds the nearest minimum, not the best one.",
};
