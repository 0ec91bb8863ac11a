import { describe, expect, it } from "vitest";
import type { RunSpec } from "../experiment/types";
import { getSurface } from "../surfaces";
import { BASIN_DIVERGED, basinRows, basinStart, sweepRows } from "./grids";
import { lrRangeTest } from "./rangeTest";
import { runScore, spaced, startRun } from "./runScore";
import { quadraticTheory, theoryGap } from "./theory";
import { tuneLr } from "./tune";

const bowl = { surface: "bowl", start: [10, 1] as [number, number] };
const sgd = (lr: number, momentum = 0): RunSpec => ({ id: "r", optimizer: { name: "sgd", lr, momentum } });

describe("theory line on quadratics", () => {
  it("bowl ½x² + 5y²: μ = 1, L = 10, GD's best lr 2/11 shrinks both coordinates by exactly (κ−1)/(κ+1) per step", () => {
    const th = quadraticTheory(getSurface("bowl")!)!;
    expect([th.mu, th.L, th.kappa]).toEqual([1, 10, 10]);
    expect(th.gd.lr).toBeCloseTo(2 / 11, 15);
    expect(th.gd.rate).toBeCloseTo(9 / 11, 15);
    const run = startRun(sgd(th.gd.lr), bowl, 50);
    for (let t = 1; t <= 50; t++) {
      run.step();
      const [x, y] = run.point;
      expect(Math.abs(x) / 10).toBeCloseTo(th.gd.rate ** t, 12);
      expect(Math.abs(y)).toBeCloseTo(th.gd.rate ** t, 12);
    }
  });
  it("heavy ball at its best lr and momentum contracts at (√κ−1)/(√κ+1) per step, faster than GD", () => {
    const th = quadraticTheory(getSurface("bowl")!)!;
    const run = startRun(sgd(th.heavyBall.lr, th.heavyBall.momentum), bowl, 200);
    const dist = () => Math.hypot(...run.point);
    for (let t = 0; t < 100; t++) run.step();
    const d100 = dist();
    for (let t = 0; t < 100; t++) run.step();
    const measured = (dist() / d100) ** (1 / 100);
    // Critically damped, the error decays like t·rateᵗ: over steps 100–200 that adds 2^(1/100) ≈ 1.007.
    expect(measured / th.heavyBall.rate).toBeGreaterThan(0.99);
    expect(measured / th.heavyBall.rate).toBeLessThan(1.02);
    expect(th.heavyBall.rate).toBeLessThan(th.gd.rate);
  });
  it("is null for a surface that is not a quadratic, and κ = 1 gives rate 0 (one step)", () => {
    expect(quadraticTheory(getSurface("rosenbrock")!)).toBeNull();
    const th = quadraticTheory(getSurface("quadratic")!)!;
    expect(th.kappa).toBe(1);
    expect(th.gd.rate).toBe(0);
    const run = startRun(sgd(th.gd.lr), { surface: "quadratic", start: [0, 2] }, 1);
    run.step();
    expect(run.point).toEqual([5, 0]);
  });
});

describe("the theory line is what the engine does", () => {
  // The loss panel draws gap₀·ρ^(2t) for GD at its optimal lr: the engine's own loss gap must follow it step by step.
  for (const [name, start] of [["bowl", [10, 1]], ["ravine", [-4, 0.8]], ["booth", [-8, 6]]] as const)
    it(`${name}: SGD at lr 2/(L+μ) has f(x_t) − f* = gap₀·((κ−1)/(κ+1))^(2t) down to 1e-12`, () => {
      const s = getSurface(name)!;
      const th = quadraticTheory(s)!;
      const fStar = s.critical.find((c) => c.kind === "global")!.value;
      const run = startRun(sgd(th.gd.lr), { surface: name, start: [start[0], start[1]] }, 200);
      const gap0 = s.f(start[0], start[1]) - fStar;
      for (let t = 1; t <= 200; t++) {
        run.step();
        const predicted = theoryGap(gap0, th.gd.rate, t);
        // Below ~1e-12 the surface's own rounding (x + 2y − 7 near 0 on Booth) is a visible share of f.
        if (predicted < 1e-12) break;
        expect(Math.abs(run.trace.last.loss - fStar - predicted) / predicted).toBeLessThan(1e-6);
      }
    });
});

describe("learning-rate range test", () => {
  it("raises the lr exponentially, stops when the loss blows up, and suggests an lr below the stability limit 2/L that converges", () => {
    const r = lrRangeTest(sgd(1e-4), bowl, { steps: 200, lrMin: 1e-4, lrMax: 10 });
    expect(r.lrs[0]).toBeCloseTo(1e-4, 18);
    for (let i = 1; i < r.lrs.length; i++) expect(r.lrs[i] / r.lrs[i - 1]).toBeCloseTo((1e5) ** (1 / 199), 12);
    expect(r.stopped).not.toBe("end");
    expect(r.suggested).not.toBeNull();
    expect(r.suggested!).toBeGreaterThan(1e-3);
    expect(r.suggested!).toBeLessThan(0.2);
    expect(runScore(sgd(r.suggested!), bowl, 500, "finalLoss")).toBeLessThan(1e-6);
  });
  it("says so when the loss never falls", () => {
    const r = lrRangeTest(sgd(1e-9), { surface: "bowl", start: [0, 0] }, { steps: 50, lrMin: 1e-9, lrMax: 1e-8 });
    expect(r.suggested).toBeNull();
  });
});

describe("sweep heatmap and basin map", () => {
  it("each sweep cell is the score of that setting; an unstable lr diverges (+∞)", () => {
    const x = { key: "lr", values: spaced(0.01, 0.5, 4, true) };
    const y = { key: "momentum", values: [0, 0.5, 0.9] };
    const cells = sweepRows(sgd(0.1), bowl, x, y, 100, "finalLoss", 0, 3);
    expect(cells).toHaveLength(12);
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 4; i++) expect(cells[j * 4 + i]).toBe(runScore(sgd(x.values[i], y.values[j]), bowl, 100, "finalLoss"));
    // lr 0.5 without momentum: |1 − 10·0.5| = 4 > 1 on y, so it diverges.
    expect(cells[3]).toBe(Infinity);
    // Rows are independent: computing row 2 alone gives the same numbers.
    expect([...sweepRows(sgd(0.1), bowl, x, y, 100, "finalLoss", 2, 3)]).toEqual([...cells.subarray(8, 12)]);
  });
  it("quartic basins split at the maximum x = 0.167: plain SGD ends in the minimum on its own side", () => {
    const s = getSurface("quartic")!;
    const minima = s.critical.filter((c) => c.kind !== "saddle");
    const grid = { nx: 16, ny: 4, x: [-5, 5] as const, y: [-2, 2] as const };
    const cells = basinRows(sgd(0.01), { surface: "quartic" }, grid, 2000, 0.1, 0, grid.ny);
    for (let j = 0; j < grid.ny; j++)
      for (let i = 0; i < grid.nx; i++) {
        const [x0] = basinStart(grid, i, j);
        const want = minima.findIndex((m) => Math.sign(m.point[0]) === Math.sign(x0 - 0.167));
        expect(cells[j * grid.nx + i], `start x = ${x0}`).toBe(want);
      }
  });
  it("marks starts that diverge (lr 0.3: |1 − 10·0.3| = 2 on y)", () => {
    const grid = { nx: 4, ny: 1, x: [-3, 3] as const, y: [0.5, 1.5] as const };
    const cells = basinRows(sgd(0.3), { surface: "bowl" }, grid, 200, 0.1, 0, 1);
    expect([...cells]).toEqual([BASIN_DIVERGED, BASIN_DIVERGED, BASIN_DIVERGED, BASIN_DIVERGED]);
  });
});

describe("tuning the lr", () => {
  it("a log grid picks the point nearest GD's best lr 2/11 on the bowl", async () => {
    const r = await tuneLr(sgd(0.01), bowl, { range: [1e-3, 1], points: 31, steps: 60, criterion: "finalLoss", method: "grid" });
    expect(r.tried).toHaveLength(31);
    const step = 1000 ** (1 / 30);
    expect(r.lr).toBeGreaterThan(2 / 11 / step);
    expect(r.lr).toBeLessThan((2 / 11) * step);
    expect(r.score).toBe(Math.min(...r.tried.map((t) => t.score)));
  });
  it("successive halving spends fewer steps and ends on a candidate that converges", async () => {
    const opts = { range: [1e-3, 1] as const, points: 16, steps: 200, criterion: "finalLoss" as const };
    const grid = await tuneLr(sgd(0.01), bowl, { ...opts, method: "grid" });
    const halving = await tuneLr(sgd(0.01), bowl, { ...opts, method: "halving" });
    const spent = (r: typeof grid) => r.tried.reduce((s, t) => s + t.steps, 0);
    expect(spent(halving)).toBeLessThan(spent(grid));
    expect(halving.score).toBeLessThan(1e-6);
  });
  it("steps to tolerance: every candidate that never gets there scores +∞", async () => {
    const r = await tuneLr(sgd(0.01), bowl, { range: [1e-6, 1e-5], points: 3, steps: 50, criterion: "stepsToTolerance", method: "grid" });
    expect(r.tried.every((t) => t.score === Infinity)).toBe(true);
    expect(r.lr).toBe(1e-6);
  });
});
