import type { Surface } from "./types";

// f = r1² + r2² + r3² with ri = ci − x + x·yⁱ; derivatives follow the residuals.
const C1 = 1.5;
const C2 = 2.25;
const C3 = 2.625;

function f(x: number, y: number): number {
  const r1 = C1 - x + x * y;
  const r2 = C2 - x + x * y * y;
  const r3 = C3 - x + x * y * y * y;
  return r1 * r1 + r2 * r2 + r3 * r3;
}

/** Beale's function: flat plateaus and sharp ridges in the corners, minimum at (3, 0.5). */
export const beale: Surface = {
  name: "beale",
  displayName: "Beale",
  latex: String.raw`(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2`,
  f,
  grad(x, y, out) {
    const y2 = y * y;
    const r1 = C1 - x + x * y;
    const r2 = C2 - x + x * y2;
    const r3 = C3 - x + x * y2 * y;
    out[0] = 2 * (r1 * (y - 1) + r2 * (y2 - 1) + r3 * (y2 * y - 1));
    out[1] = 2 * x * (r1 + 2 * r2 * y + 3 * r3 * y2);
  },
  hessian(x, y, out) {
    const y2 = y * y;
    const r1 = C1 - x + x * y;
    const r2 = C2 - x + x * y2;
    const r3 = C3 - x + x * y2 * y;
    const a1 = y - 1;
    const a2 = y2 - 1;
    const a3 = y2 * y - 1;
    out[0] = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
    out[1] = 2 * (a1 * x + r1 + a2 * 2 * x * y + r2 * 2 * y + a3 * 3 * x * y2 + r3 * 3 * y2);
    out[2] = 2 * x * (x + 4 * x * y2 + 2 * r2 + 9 * x * y2 * y2 + 6 * r3 * y);
  },
  domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  start: [1, 1.5],
  critical: [
    { point: [3, 0.5], value: 0, kind: "global" },
    // On x = 0 all residual derivatives in y vanish; (0, 1) also zeroes ∂f/∂x.
    { point: [0, 1], value: C1 * C1 + C2 * C2 + C3 * C3, kind: "saddle" },
  ],
  floor: 0,
  note: "Flat plateaus next to steep corner ridges: gradients range over many orders of magnitude, which punishes a fixed learning rate and rewards adaptive ones.",
};
