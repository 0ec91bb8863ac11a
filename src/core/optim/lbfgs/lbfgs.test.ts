import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Race } from "../../engine/race";
import { getSurface } from "../../surfaces";
import { cubicInterpolate } from "./cubicInterpolate";
import { LbfgsStep, type LbfgsParams } from "./lbfgsStep";
import { referenceTolerance } from "../../../testing/referenceTolerance";

interface Case {
  id: string;
  surface: string;
  start: [number, number];
  steps: number;
  optimizer: LbfgsParams & { name: "lbfgs" };
  sensitivity: number;
  points: [number, number][];
  evaluations: number[];
}

const fixture = JSON.parse(readFileSync(new URL("../../../../tools/reference/fixtures/lbfgs/cases.json", import.meta.url), "utf8")) as { torch: string; cases: Case[] };

/** The engine's loop for one L-BFGS run: f and ∇f at x (one evaluation), then one LBFGS.step. */
function run(c: Case) {
  const surface = getSurface(c.surface)!;
  const closure = (p: Float64Array, g: Float64Array) => {
    surface.grad(p[0], p[1], g);
    return surface.f(p[0], p[1]);
  };
  const opt = new LbfgsStep(c.optimizer, 2);
  const x = Float64Array.from(c.start);
  const g = new Float64Array(2);
  const points: [number, number][] = [[x[0], x[1]]];
  const evaluations: number[] = [];
  for (let t = 0; t < c.steps; t++) {
    const f = closure(x, g);
    evaluations.push(1 + opt.step(x, f, g, closure));
    points.push([x[0], x[1]]);
  }
  return { points, evaluations };
}

describe("L-BFGS against torch.optim.LBFGS (max_iter=1 per step), float64", () => {
  it("has fixtures from torch 1.13", () => {
    expect(fixture.torch).toMatch(/^1\.13/);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const c of fixture.cases)
    it(c.id, () => {
      const got = run(c);
      expect(got.evaluations).toEqual(c.evaluations);
      got.points.forEach(([x, y], i) => {
        const [ex, ey] = c.points[i];
        const err = Math.max(Math.abs(x - ex), Math.abs(y - ey)) / Math.max(1, Math.abs(ex), Math.abs(ey));
        expect(err, `step ${i}: (${x}, ${y}) vs torch (${ex}, ${ey})`).toBeLessThanOrEqual(referenceTolerance(c.sensitivity, i));
      });
    });
});

describe("L-BFGS in the engine (the registry's lbfgs, one Run per case)", () => {
  for (const c of fixture.cases)
    it(c.id, () => {
      const { name: _n, ...params } = c.optimizer;
      const exp = { surface: c.surface, steps: c.steps, runs: [{ id: "l", start: c.start, optimizer: { name: "lbfgs", ...params } }] };
      const race = new Race(exp).finish();
      const run = race.runs[0];
      expect(run.status).not.toBe("diverged");
      const { points } = run.trace.toArrays();
      expect(points).toHaveLength(c.steps + 1);
      for (let i = 0; i <= c.steps; i++) {
        const [ex, ey] = c.points[i];
        const [px, py] = points[i];
        const err = Math.max(Math.abs(px - ex), Math.abs(py - ey)) / Math.max(1, Math.abs(ex), Math.abs(ey));
        expect(err, `step ${i}`).toBeLessThanOrEqual(referenceTolerance(c.sensitivity, i));
      }
      // Closure calls: the engine's gradient at each x_t, plus the line search's (each one f and ∇f).
      const ev = run.evaluations();
      const calls = c.evaluations.reduce((a, b) => a + b, 0);
      expect(ev.grad).toBe(calls);
      expect(ev.f - (1 + c.steps)).toBe(calls - c.steps);
      expect(run.metrics(c.steps).evaluations).toBe(calls);
    });
});

describe("cubicInterpolate", () => {
  it("finds the minimiser of a cubic from two points and slopes", () => {
    // f(t) = (t − 1)³ − 3(t − 1) has its local minimum at t = 2.
    const f = (t: number) => (t - 1) ** 3 - 3 * (t - 1);
    const df = (t: number) => 3 * (t - 1) ** 2 - 3;
    expect(cubicInterpolate(1.5, f(1.5), df(1.5), 3, f(3), df(3))).toBeCloseTo(2, 12);
    expect(cubicInterpolate(3, f(3), df(3), 1.5, f(1.5), df(1.5))).toBeCloseTo(2, 12);
  });
  it("clamps to the bounds and bisects when the cubic has no real minimiser", () => {
    expect(cubicInterpolate(0, 0, -1, 1, -0.5, -0.9, [1.01, 10])).toBeGreaterThanOrEqual(1.01);
    // d1 = g1 + g2 − 3(f1 − f2)/(x1 − x2) = 1 and d1² < g1·g2 = 4: no real minimiser, the midpoint.
    expect(cubicInterpolate(0, 0, 2, 1, 1, 2)).toBe(0.5);
  });
});
