import { describe, expect, it } from "vitest";
import type { Experiment } from "../experiment/types";
import { metricsAt, type TracePrefix } from "./metricsAt";
import { minimaOf } from "./minima";
import { Race } from "./race";
import type { Run } from "./run";

/** The run's recorded points as metricsAt reads them (the race is short enough never to thin). */
function prefixOf(run: Run): TracePrefix {
  const tr = run.trace;
  const xy = new Float64Array(2 * tr.count);
  for (let i = 0; i < tr.count; i++) {
    xy[2 * i] = tr.x[i];
    xy[2 * i + 1] = tr.y[i];
  }
  return { xy, loss: tr.loss.subarray(0, tr.count), count: tr.count, stepsDone: run.stepsDone, diverged: run.status === "diverged" };
}

const cases: Experiment[] = [
  {
    surface: "rosenbrock",
    start: [-2, 2],
    steps: 300,
    tolerance: 0.1,
    runs: [
      { id: "adam", optimizer: { name: "adam", lr: 0.05 } },
      // Blows up to a non-finite value within a few steps: the step that did is counted, its point is not kept.
      { id: "sgd-hot", optimizer: { name: "sgd", lr: 0.05 } },
    ],
  },
  {
    surface: "bowl",
    steps: 200,
    tolerance: 0.05,
    runs: [
      { id: "momentum", optimizer: { name: "sgd", lr: 0.05, momentum: 0.9 } },
      { id: "noisy", optimizer: { name: "rmsprop", lr: 0.01 }, noise: { std: 0.5, seed: 3 } },
    ],
  },
  {
    surface: "himmelblau",
    start: [0, 0],
    steps: 150,
    tolerance: 0.01,
    runs: [{ id: "nag", optimizer: { name: "nag", lr: 0.01, momentum: 0.9 } }],
  },
];

describe("metricsAt", () => {
  it.each(cases.map((c) => [c.surface, c] as const))("on %s equals Run.metrics() after every step of the race", (_, exp) => {
    const race = new Race(exp);
    const ctx = { minima: minimaOf(race.surface), tolerance: exp.tolerance!, totalSteps: exp.steps };
    const seen = new Set<string>();
    for (let k = 0; k <= exp.steps; k++) {
      if (k > 0) race.advance(1);
      for (const run of race.runs) {
        // Everything but the evaluation count, which only the live run knows.
        const { evaluations: _e, ...expected } = run.metrics(exp.steps);
        seen.add(expected.status);
        // At step k (or at the run's end when it stopped earlier).
        expect(metricsAt(prefixOf(run), k, ctx)).toEqual(expected);
      }
    }
    // Each case reaches the statuses it was chosen for.
    expect(seen.size).toBeGreaterThan(1);
  });

  it("scrubbed back, gives the metrics the run had then, not its final ones", () => {
    const exp = cases[1];
    const race = new Race(exp);
    race.advance(40);
    const at40 = race.runs.map((r) => {
      const { evaluations: _e, ...m } = r.metrics(exp.steps);
      return m;
    });
    race.finish();
    const ctx = { minima: minimaOf(race.surface), tolerance: exp.tolerance!, totalSteps: exp.steps };
    race.runs.forEach((run, r) => {
      expect(metricsAt(prefixOf(run), 40, ctx)).toEqual(at40[r]);
      const { evaluations: _e, ...final } = run.metrics(exp.steps);
      expect(metricsAt(prefixOf(run), 40, ctx)).not.toEqual(final);
    });
  });

  it("covers converged, running, finished and diverged statuses across the cases", () => {
    const statuses = new Set<string>();
    for (const exp of cases) {
      const race = new Race(exp);
      const ctx = { minima: minimaOf(race.surface), tolerance: exp.tolerance!, totalSteps: exp.steps };
      race.advance(10);
      race.runs.forEach((run) => statuses.add(metricsAt(prefixOf(run), 10, ctx).status));
      race.finish();
      race.runs.forEach((run) => statuses.add(metricsAt(prefixOf(run), exp.steps, ctx).status));
    }
    expect([...statuses].sort()).toEqual(["converged", "diverged", "finished", "running"]);
  });

  it("refuses an empty trace", () => {
    expect(() => metricsAt({ xy: [], loss: [], count: 0, stepsDone: 0, diverged: false }, 0, { minima: [], tolerance: 0.1, totalSteps: 1 })).toThrow(
      "metricsAt: the trace has no points",
    );
  });
});
