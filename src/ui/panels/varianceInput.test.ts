import { describe, expect, it } from "vitest";
import type { Experiment } from "../../core/experiment/types";
import { seedFromId } from "../../core/engine/resolveRun";
import { getSurface } from "../../core/surfaces";
import { TrajectoryStore } from "../../state/trajectories";
import { EngineSession } from "../../worker/engineSession";
import { varianceInput } from "./varianceInput";

const exp: Experiment = {
  surface: "logisticRegression",
  steps: 50,
  runs: [
    { id: "a", label: "A", optimizer: { name: "adam", lr: 0.1 }, batchSize: 16 },
    { id: "b", optimizer: { name: "sgd", lr: 0.5 }, batchSize: 4, batchSeed: 77 },
  ],
};

function raced(e: Experiment): TrajectoryStore {
  const store = new TrajectoryStore();
  const session = new EngineSession({ post: (m) => store.receive(m, 1), now: () => 0, setTimer: () => 0, clearTimer: () => {} });
  session.handle({ type: "load", generation: 1, experiment: e, keepStep: false });
  session.handle({ type: "runToEnd" });
  return store;
}

describe("varianceInput", () => {
  const store = raced(exp);

  it("is the selected run's recorded point at the shown step, with its sampler's seed", () => {
    const b = store.runs.get("b")!;
    for (const scrub of [0, 7, 50, null]) {
      const i = scrub ?? 50;
      const v = varianceInput(exp, "b", scrub, store)!;
      expect([v.runId, v.step, v.point]).toEqual(["b", i, [b.xy[2 * i], b.xy[2 * i + 1]]]);
      expect([v.batch.size, v.batch.seed, v.batch.source]).toEqual([4, 77, getSurface("logisticRegression")!.batches]);
    }
    // No seed of its own: the one the engine derives from the id.
    expect(varianceInput(exp, "a", null, store)!.batch.seed).toBe(seedFromId("a"));
  });

  it("before any step is the run's start; off a data surface there is nothing to measure", () => {
    const start = getSurface("logisticRegression")!.start;
    expect(varianceInput(exp, "a", null, new TrajectoryStore())!.point).toEqual([start[0], start[1]]);
    expect(varianceInput({ ...exp, surface: "bowl", runs: [{ id: "a", optimizer: { name: "sgd" } }] }, "a", null, store)).toBeNull();
  });
});
