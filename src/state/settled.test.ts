import { describe, expect, it } from "vitest";
import { minimaOf } from "../core/engine/minima";
import type { MetricsContext } from "../core/engine/metricsAt";
import { Race } from "../core/engine/race";
import type { Run } from "../core/engine/run";
import type { Experiment } from "../core/experiment/types";
import { getSurface } from "../core/surfaces";
import { firstSettledStep, settledAt, type SettleTrace } from "./settled";

/** A run's record as the page holds it (the races here are short enough never to thin). */
function traceOf(run: Run): SettleTrace {
  const tr = run.trace;
  const xy = new Float64Array(2 * tr.count);
  for (let i = 0; i < tr.count; i++) {
    xy[2 * i] = tr.x[i];
    xy[2 * i + 1] = tr.y[i];
  }
  return { xy, count: tr.count, stepsDone: run.stepsDone, diverged: run.status === "diverged" };
}

const settledNow = (run: Run, total: number) => ["converged", "diverged"].includes(run.currentStatus(total));

/**
 * The reference: the live engine stepped one step at a time, each visible run's own status
 * read after every step (what the leaderboard shows at the head of a race played slowly).
 */
function replay(e: Experiment) {
  const race = new Race(e);
  const visible = race.runs.filter((_, i) => !e.runs[i].hidden);
  const live: boolean[][] = [];
  let first: number | null = null;
  for (let k = 0; ; k++) {
    live.push(visible.map((r) => settledNow(r, e.steps)));
    if (first === null && live[k].every(Boolean)) first = k;
    if (k === e.steps) break;
    race.advance(1);
  }
  const ctx: MetricsContext = { minima: minimaOf(getSurface(e.surface)!), tolerance: e.tolerance ?? 0.1, totalSteps: e.steps };
  return { traces: visible.map(traceOf), live, first, ctx };
}

const cases: { name: string; e: Experiment; settles: boolean }[] = [
  {
    name: "two runs converging on the bowl",
    e: { surface: "bowl", steps: 400, tolerance: 0.05, runs: [{ id: "adam", optimizer: { name: "adam", lr: 0.1 } }, { id: "sgd", optimizer: { name: "sgd", lr: 0.1 } }] },
    settles: true,
  },
  {
    // Passes the 1e6 limit within a few steps (its point is kept); Adam is still on its way.
    name: "a run past the divergence limit and one still running on Rosenbrock",
    e: { surface: "rosenbrock", start: [-2, 2], steps: 300, tolerance: 0.1, runs: [{ id: "adam", optimizer: { name: "adam", lr: 0.05 } }, { id: "hot", optimizer: { name: "sgd", lr: 0.05 } }] },
    settles: false,
  },
  {
    // Its first step overflows to ±∞: the step counts as taken, its point is not kept.
    name: "a run whose first step is not finite, and one converging, on the bowl",
    e: { surface: "bowl", steps: 300, tolerance: 0.05, runs: [{ id: "blown", optimizer: { name: "sgd", lr: 1e306 } }, { id: "adam", optimizer: { name: "adam", lr: 0.1 } }] },
    settles: true,
  },
  {
    // Passes the 1e6 limit with a finite point (recorded), the other converges: settled when the last of the two is.
    name: "one run past the divergence limit, one converging, on (x − 5)²",
    e: { surface: "quadratic", steps: 300, tolerance: 0.01, runs: [{ id: "wild", optimizer: { name: "sgd", lr: 1.6 } }, { id: "calm", optimizer: { name: "sgd", lr: 0.05 } }] },
    settles: true,
  },
  {
    // Heavy momentum passes through the tolerance ball and out again before it stays.
    name: "momentum overshooting through the tolerance",
    e: { surface: "bowl", steps: 300, tolerance: 0.5, runs: [{ id: "heavy", optimizer: { name: "sgd", lr: 0.05, momentum: 0.95 } }] },
    settles: true,
  },
  {
    name: "a hidden run that never settles does not hold the race",
    e: { surface: "bowl", steps: 300, tolerance: 0.05, runs: [{ id: "adam", optimizer: { name: "adam", lr: 0.1 } }, { id: "slow", hidden: true, optimizer: { name: "sgd", lr: 1e-6 } }] },
    settles: true,
  },
];

describe("firstSettledStep", () => {
  for (const { name, e, settles } of cases) {
    it(`agrees with the live engine step by step: ${name}`, () => {
      const { traces, live, first, ctx } = replay(e);
      expect(first !== null).toBe(settles);
      if (first !== null) expect(first).toBeGreaterThan(0);
      for (let k = 0; k <= e.steps; k++) expect(traces.map((t) => settledAt(t, k, ctx)), `step ${k}`).toEqual(live[k]);
      expect(firstSettledStep(traces, 0, e.steps, ctx)).toBe(first);
      // A window that starts after the first settled step finds the next settled one, not an earlier one.
      if (first !== null) expect(firstSettledStep(traces, first + 1, e.steps, ctx) ?? Infinity).toBeGreaterThan(first);
    });
  }

  it("counts a diverged run from the step that blew up, not before, whether its last point was kept or not", () => {
    const { traces: past, ctx } = replay(cases[1].e);
    const { traces: blown } = replay(cases[2].e);
    for (const run of [past[1], blown[0]]) {
      expect(run.diverged).toBe(true);
      expect(settledAt(run, run.stepsDone - 1, ctx)).toBe(false);
      expect(settledAt(run, run.stepsDone, ctx)).toBe(true);
    }
    // One kept the point past the limit, the other did not keep the point that overflowed.
    expect(past[1].count - 1).toBe(past[1].stepsDone);
    expect(blown[0].count).toBe(blown[0].stepsDone);
  });

  it("overshooting momentum: settled, then not, then settled again, and the rule takes the first", () => {
    const { live, first } = replay(cases[4].e);
    const flags = live.map((l) => l[0]);
    const leftAgain = flags.findIndex((f, k) => k > first! && !f);
    expect(leftAgain).toBeGreaterThan(first!);
  });

  it("no visible run: never settled (the race plays on)", () => {
    expect(firstSettledStep([], 0, 100, { minima: [], tolerance: 0.1, totalSteps: 100 })).toBeNull();
  });
});
