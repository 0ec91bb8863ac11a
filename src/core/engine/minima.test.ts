import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { surfaces } from "../surfaces";
import { minimaOf, nearestMinimum, norm2, withinTolerance } from "./minima";

describe("norm2", () => {
  it("is √(dx² + dy²) where the square neither overflows nor underflows", () => {
    expect(norm2(3e200, 4e200) / 5e200).toBeCloseTo(1, 15);
    expect(norm2(3e-200, 4e-200) / 5e-200).toBeCloseTo(1, 15);
    expect(norm2(-3, 4)).toBe(5);
    expect(norm2(0, 0)).toBe(0);
    expect(norm2(Number.MAX_VALUE, 0)).toBe(Number.MAX_VALUE);
    expect(norm2(NaN, 1)).toBeNaN();
  });

  it("matches Math.hypot to an ulp over the whole double range, and is never ∞ or NaN for finite input that fits", () => {
    const d = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(d, d, (a, b) => {
        const h = Math.hypot(a, b);
        // ∞ only where the true norm is beyond the largest double
        if (h === Infinity) expect(norm2(a, b)).toBe(Infinity);
        else expect(Math.abs(norm2(a, b) - h)).toBeLessThanOrEqual(h * 2.3e-16);
      }),
    );
  });
});

describe("nearestMinimum", () => {
  const rosen = minimaOf(surfaces.rosenbrock);

  it("finds a minimum with a finite distance from a point at 1e300", () => {
    const near = nearestMinimum(rosen, 1e300, 1e300)!;
    expect(near.minimum.point).toEqual([1, 1]);
    expect(near.distance).toBe(Math.hypot(1e300, 1e300));
  });

  it("picks the closer of several minima, and is null only without any", () => {
    const himmel = minimaOf(surfaces.himmelblau);
    for (const m of himmel) expect(nearestMinimum(himmel, m.point[0] + 1e-9, m.point[1])!.minimum).toBe(m);
    expect(nearestMinimum(minimaOf(surfaces.saddle), 0, 0)).toBeNull();
  });
});

describe("withinTolerance", () => {
  const bowl = minimaOf(surfaces.bowl);
  it("holds at the minimum for any positive tolerance, however small", () => {
    expect(withinTolerance(bowl, 0, 0, 1e-200)).toBe(true);
    expect(withinTolerance(bowl, 0, 0, Number.MIN_VALUE)).toBe(true);
  });
  it("is strict, and measures the Euclidean distance (not each coordinate)", () => {
    expect(withinTolerance(bowl, 1e-200, 0, 1e-200)).toBe(false);
    expect(withinTolerance(bowl, 0.7e-200, 0.7e-200, 1e-200)).toBe(true);
    expect(withinTolerance(bowl, 0.71e-200, 0.71e-200, 1e-200)).toBe(false);
    expect(withinTolerance(bowl, 0.6, 0.8, 1)).toBe(false);
    expect(withinTolerance(bowl, 0.6, 0.79, 1)).toBe(true);
  });
});
