import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getSurface } from "../../surfaces";
import { newtonDirection } from "./newtonStep";

describe("Newton's direction with Levenberg–Marquardt damping", () => {
  it("on a convex quadratic, x − d is the minimum (one step at lr 1)", () => {
    for (const name of ["bowl", "ravine", "quadratic", "booth", "matyas"]) {
      const s = getSurface(name)!;
      const [x, y] = s.start;
      const g = new Float64Array(2);
      const h = new Float64Array(3);
      const d = new Float64Array(2);
      s.grad(x, y, g);
      s.hessian(x, y, h);
      expect(newtonDirection(h, g, 1e-6, d)).toBe(0);
      const min = s.critical.find((c) => c.kind === "global")!.point;
      expect(x - d[0]).toBeCloseTo(min[0], 9);
      expect(y - d[1]).toBeCloseTo(min[1], 9);
    }
  });
  it("shifts an indefinite or singular Hessian until its smallest eigenvalue is the damping, so −d always points downhill", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (h0, h1, h2, g0, g1, damping) => {
          fc.pre(Math.hypot(g0, g1) > 1e-6);
          const h = Float64Array.of(h0, h1, h2);
          const g = Float64Array.of(g0, g1);
          const d = new Float64Array(2);
          const mu = newtonDirection(h, g, damping, d);
          expect(mu).toBeGreaterThanOrEqual(0);
          // Smallest eigenvalue of H + μI is ≥ damping (to rounding).
          const m = (h0 + h2) / 2 + mu;
          const r = Math.hypot((h0 - h2) / 2, h1);
          expect(m - r).toBeGreaterThanOrEqual(damping * (1 - 1e-9) - 1e-12 * (Math.abs(m) + r));
          // A descent direction: ∇f · d > 0, so x − d goes downhill.
          expect(g0 * d[0] + g1 * d[1]).toBeGreaterThan(0);
        },
      ),
    );
  });
  it("at the saddle x² − y² it steps away from the saddle point along the descent direction", () => {
    const h = Float64Array.of(2, 0, -2);
    const g = Float64Array.of(0.2, -0.2);
    const d = new Float64Array(2);
    expect(newtonDirection(h, g, 0.5, d)).toBe(2.5);
    expect([...d]).toEqual([0.2 / 4.5, -0.2 / 0.5]);
  });
});

describe("newton in the engine", () => {
  it("lands on a quadratic's minimum in one step at lr 1, one Hessian evaluation per step", async () => {
    const { Race } = await import("../../engine/race");
    const race = new Race({ surface: "quadratic", steps: 3, runs: [{ id: "n", start: [0, 2], optimizer: { name: "newton" } }] }).finish();
    const run = race.runs[0];
    expect(run.trace.toArrays().points[1]).toEqual([5, 0]);
    expect(run.evaluations().hessian).toBe(3);
  });
  it("converges quadratically on Rosenbrock from the seeds' start", async () => {
    const { Race } = await import("../../engine/race");
    const race = new Race({ surface: "rosenbrock", steps: 30, runs: [{ id: "n", start: [-2, 2], optimizer: { name: "newton" } }] }).finish();
    const [x, y] = race.runs[0].point;
    expect(Math.hypot(x - 1, y - 1)).toBeLessThan(1e-10);
  });
});
