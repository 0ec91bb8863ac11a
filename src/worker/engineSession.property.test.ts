/**
 * The session against a small model, over random sequences of what the page sends (loads
 * with a new horizon or a new lr, with or without keeping the step; Step; Run to end;
 * Reset): the page's step is always min(step reached, horizon), and the points it holds
 * are exactly the CLI's for the same experiment, up to that step.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runExperiment } from "../core/engine/output";
import type { Experiment } from "../core/experiment/types";
import { TrajectoryStore } from "../state/trajectories";
import { EngineSession } from "./engineSession";

const experiment = (steps: number, lr: number): Experiment => ({
  surface: "himmelblau",
  start: [0, 0],
  steps,
  tolerance: 0.01,
  runs: [
    { id: "adam", optimizer: { name: "adam", lr } },
    // Diverges at step 69 (lr 0.04) or 4 (lr 0.2) and converges at lr 0.004: a run that stops early must not stop the race's step.
    { id: "sgd", optimizer: { name: "sgd", lr: lr * 4 } },
  ],
});

type Action =
  | { kind: "load"; steps: number; lr: number; keepStep: boolean }
  | { kind: "step"; count: number }
  | { kind: "runToEnd" }
  | { kind: "reset" };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("load" as const), steps: fc.integer({ min: 1, max: 120 }), lr: fc.constantFrom(0.001, 0.01, 0.05), keepStep: fc.boolean() }),
  fc.record({ kind: fc.constant("step" as const), count: fc.integer({ min: 1, max: 50 }) }),
  fc.constant({ kind: "runToEnd" as const }),
  fc.constant({ kind: "reset" as const }),
);

describe("EngineSession against a model", () => {
  it("keeps step = min(reached, horizon) and the CLI's points through any sequence of loads, steps, runs to end and resets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(action, { maxLength: 25 }), (firstSteps, actions) => {
        const page = new TrajectoryStore();
        let generation = 1;
        const session = new EngineSession({ post: (m) => page.receive(m, generation), now: () => 0, setTimer: () => 0, clearTimer: () => {} });
        let exp = experiment(firstSteps, 0.01);
        session.handle({ type: "load", generation, experiment: exp, keepStep: false });
        const model = { reached: 0, step: 0 };
        for (const a of actions) {
          if (a.kind === "load") {
            exp = experiment(a.steps, a.lr);
            session.handle({ type: "load", generation: ++generation, experiment: exp, keepStep: a.keepStep });
            if (!a.keepStep) model.reached = 0;
            model.step = Math.min(model.reached, exp.steps);
          } else if (a.kind === "step") {
            session.handle({ type: "step", count: a.count });
            model.step = Math.min(exp.steps, model.step + a.count);
          } else if (a.kind === "runToEnd") {
            session.handle({ type: "runToEnd" });
            model.step = exp.steps;
          } else {
            session.handle({ type: "reset" });
            model.reached = model.step = 0;
          }
          if (a.kind === "step" || a.kind === "runToEnd") model.reached = Math.max(model.reached, model.step);

          expect(page.step).toBe(model.step);
          expect(page.steps).toBe(exp.steps);
          expect(page.done).toBe(model.step === exp.steps || [...page.runs.values()].every((r) => r.status === "diverged"));
          const cli = runExperiment(exp);
          for (const run of cli.runs) {
            const held = page.runs.get(run.id)!;
            const points = Array.from({ length: held.count }, (_, i) => [held.xy[2 * i], held.xy[2 * i + 1]]);
            // A run that diverged holds its points up to where it stopped.
            expect(points).toEqual(run.points!.slice(0, Math.min(model.step + 1, run.points!.length)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
