/**
 * Properties of every race, over random experiments that push at the edges (huge and
 * tiny learning rates, far starts, gradient noise up to 1e308, clipping, schedules that
 * grow): a result is never null, NaN or a frozen "finished".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateExperiment } from "../experiment";
import type { Experiment, RunSpec } from "../experiment/types";
import { optimizers } from "../optim";
import { surfaces } from "../surfaces";
import { minimaOf } from "./minima";
import { runExperiment } from "./output";
import { Race } from "./race";
import { DIVERGENCE_LIMIT } from "./run";

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => 10 ** e);
const coordinate = fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), logUniform(1e-3, 1e300).chain((v) => fc.constantFrom(v, -v)));

const runSpec: fc.Arbitrary<Omit<RunSpec, "id">> = fc.record(
  {
    optimizer: fc.record({ name: fc.constantFrom(...Object.keys(optimizers)), lr: logUniform(1e-8, 1e4) }),
    start: fc.tuple(coordinate, coordinate),
    // 3e153–1e154: each g² is finite (below 1.8e308) but a running sum of a few overflows (the state, not the step, goes ∞).
    noise: fc.record({ std: fc.oneof(logUniform(1e-6, 1e308), logUniform(3e153, 1e154), fc.constant(0)), seed: fc.nat(1000) }),
    clip: fc.oneof(
      fc.record({ mode: fc.constant("norm" as const), maxNorm: logUniform(1e-3, 1e3), normType: fc.constantFrom(2 as const, "inf" as const) }),
      fc.record({ mode: fc.constant("value" as const), clipValue: logUniform(1e-3, 1e3) }),
    ),
    schedule: fc.oneof(
      fc.constant({ name: "constant" }),
      fc.record({ name: fc.constant("exponential"), gamma: logUniform(0.5, 1e10) }),
      fc.record({ name: fc.constant("step"), stepSize: fc.integer({ min: 1, max: 20 }), gamma: logUniform(1e-3, 1e3), warmup: fc.integer({ min: 0, max: 10 }) }),
    ),
  },
  { requiredKeys: ["optimizer"] },
);

const experiment: fc.Arbitrary<Experiment> = fc.record({
  surface: fc.constantFrom(...Object.keys(surfaces)),
  steps: fc.integer({ min: 1, max: 120 }),
  tolerance: logUniform(1e-300, 1),
  runs: fc.array(runSpec, { minLength: 1, maxLength: 4 }).map((rs) => rs.map((r, i) => ({ id: `r${i}`, ...r }))),
});

const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);

describe("every race ends honestly", () => {
  it("statuses, points, metrics and optimizer state are all real numbers", () => {
    fc.assert(
      fc.property(experiment, (exp) => {
        const race = new Race(exp).finish();
        const hasMinima = minimaOf(surfaces[exp.surface as string]).length > 0;
        for (const run of race.runs) {
          const m = run.metrics(exp.steps);
          expect(["converged", "finished", "diverged"]).toContain(m.status);
          expect(m.steps).toBeGreaterThanOrEqual(0);
          expect(m.steps).toBeLessThanOrEqual(exp.steps);
          if (m.status === "finished") expect(m.steps).toBe(exp.steps);
          expect(m.finalPoint.every(finite)).toBe(true);
          expect(finite(m.pathLength) && m.pathLength >= 0).toBe(true);
          if (hasMinima) {
            expect(finite(m.distance) && m.distance! >= 0).toBe(true);
            expect(m.nearestMinimum).not.toBeNull();
          } else expect([m.distance, m.nearestMinimum]).toEqual([null, null]);
          if (m.stepsToTolerance !== null) expect(Number.isInteger(m.stepsToTolerance) && m.stepsToTolerance <= m.steps).toBe(true);
          const a = run.trace.toArrays();
          expect(a.points.flat().every(finite)).toBe(true);
          // f may overflow only at a start that is diverged before any step.
          if (m.steps > 0) expect(a.loss.every(finite)).toBe(true);
          // Only the last point of a diverged run may lie beyond the limit.
          for (const [x, y] of a.points.slice(0, -1)) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(DIVERGENCE_LIMIT);
          if (m.status !== "diverged") {
            expect(finite(m.finalLoss)).toBe(true);
            const state = run.optimizerState() ?? {};
            for (const v of Object.values(state)) for (const n of typeof v === "number" ? [v] : v) expect(Number.isNaN(n) || !Number.isFinite(n)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the JSON a race prints holds no null where a number belongs", () => {
    fc.assert(
      fc.property(experiment, (exp) => {
        for (const run of runExperiment(exp).runs) {
          const m = run.metrics;
          const json = JSON.parse(JSON.stringify(m)) as typeof m;
          expect(json.finalPoint.every(finite) && finite(json.pathLength) && finite(json.steps)).toBe(true);
          if (m.steps > 0) expect(finite(json.finalLoss)).toBe(true);
          expect(run.points!.flat().every(finite)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("whatever validation accepts runs to numbers only: no null but the ones that mean 'none'", () => {
    let accepted = 0;
    fc.assert(
      fc.property(experiment, (exp) => {
        const v = validateExperiment(JSON.parse(JSON.stringify(exp)));
        if (!v.ok) return;
        accepted++;
        // JSON.stringify writes any ∞ or NaN as null: none may appear.
        const text = JSON.stringify(runExperiment(v.experiment));
        // stepsToTolerance (not reached) and nearestMinimum/distance (a surface without minima) are the only nulls.
        const stripped = text.replace(/"(stepsToTolerance|nearestMinimum|distance)":null/g, "");
        expect(stripped).not.toContain("null");
        for (const run of JSON.parse(text).runs) expect(["converged", "finished", "diverged"]).toContain(run.status);
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(20);
  });
});
