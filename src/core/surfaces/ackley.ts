import type { Surface } from "./types";

const TAU = 2 * Math.PI;

/**
 * f = 20(1 − e₁) + (e − e₂) with e₁ = exp(−0.2 s), s = √(½(x² + y²)), and
 * e₂ = exp(½(cos 2πx + cos 2πy)). Written as two differences that each vanish at the
 * origin, so f(0, 0) is exactly 0 instead of a rounding residue below the floor.
 */
function f(x: number, y: number): number {
  const s = Math.sqrt(0.5 * (x * x + y * y));
  return 20 * (1 - Math.exp(-0.2 * s)) + (Math.E - Math.exp(0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y))));
}

/** Ackley (1987): a funnel with a cone-shaped tip, riddled with cosine ripples. */
export const ackley: Surface = {
  name: "ackley",
  displayName: "Ackley",
  latex: String.raw`-20\,e^{-0.2\sqrt{\frac{1}{2}(x^2 + y^2)}} - e^{\frac{1}{2}(\cos 2\pi x + \cos 2\pi y)} + e + 20`,
  f,
  // The exponential-of-radius term is a cone at the origin: its gradient there has a
  // direction-dependent limit, so it is undefined. We return its only symmetric choice, 0.
  grad(x, y, out) {
    const s = Math.sqrt(0.5 * (x * x + y * y));
    const e2 = Math.exp(0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y)));
    out[0] = Math.PI * e2 * Math.sin(TAU * x);
    out[1] = Math.PI * e2 * Math.sin(TAU * y);
    if (s === 0) return;
    // ∇ of −20e₁ is 2e₁·(x, y)/s; x/s and y/s stay bounded by √2 as s → 0.
    const k = (2 * Math.exp(-0.2 * s)) / s;
    out[0] += k * x;
    out[1] += k * y;
  },
  // The cone's curvature grows like 1/s near the origin and is infinite at it. There we return
  // only the finite Hessian of the cosine term, 2π²e·I, so Newton-type methods see a
  // positive definite minimum instead of NaN or Infinity.
  hessian(x, y, out) {
    const s = Math.sqrt(0.5 * (x * x + y * y));
    const sx = Math.sin(TAU * x);
    const sy = Math.sin(TAU * y);
    const e2 = Math.exp(0.5 * (Math.cos(TAU * x) + Math.cos(TAU * y)));
    const p2 = Math.PI * Math.PI * e2;
    out[0] = p2 * (2 * Math.cos(TAU * x) - sx * sx);
    out[1] = -p2 * sx * sy;
    out[2] = p2 * (2 * Math.cos(TAU * y) - sy * sy);
    if (s === 0) return;
    const e1 = Math.exp(-0.2 * s);
    const k = (2 * e1) / s;
    // Second derivatives of the cone term: k·I − m·(u uᵀ) with u = (x, y)/s, m = e₁(1 + 0.2s)/s.
    const m = (e1 * (1 + 0.2 * s)) / s;
    const u = x / s;
    const v = y / s;
    out[0] += k - m * u * u;
    out[1] -= m * u * v;
    out[2] += k - m * v * v;
  },
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [3.3, -4.2],
  critical: [{ point: [0, 0], value: 0, kind: "global" }],
  floor: 0,
  note: "Ripples everywhere on a funnel: the overall slope points home, but the local gradients trap plain descent in ripples far from the sharp central minimum.",
};
