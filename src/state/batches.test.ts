import { beforeEach, describe, expect, it } from "vitest";
import { validateExperiment } from "../core/experiment/validate";
import { defaultExperiment } from "./defaults";
import { useStore } from "./store";

const state = () => useStore.getState();
const run = (id: string) => state().experiment.runs.find((r) => r.id === id)!;
const valid = () => validateExperiment(structuredClone(state().experiment)).ok;

beforeEach(() => {
  state().setExperiment(defaultExperiment());
  state().setSurface("linearRegression");
  state().updateRun("adam", { batchSize: 8, batchSeed: 5 });
  state().updateRun("sgd", { batchSize: 256 });
});

describe("mini-batch fields follow the surface and the optimizer", () => {
  it("stay when the new surface has a dataset of the same size", () => {
    expect(valid()).toBe(true);
    state().setSurface("logisticRegression");
    expect([run("adam").batchSize, run("adam").batchSeed, run("sgd").batchSize]).toEqual([8, 5, 256]);
    expect(valid()).toBe(true);
  });

  it("are dropped on a surface with no dataset, so the experiment stays one the engine races", () => {
    state().setSurface("rosenbrock");
    for (const r of state().experiment.runs) {
      expect(r.batchSize).toBeUndefined();
      expect(r.batchSeed).toBeUndefined();
    }
    expect(valid()).toBe(true);
  });

  it("are dropped when the run becomes L-BFGS, and only for that run", () => {
    state().setOptimizer("adam", "lbfgs");
    expect(run("adam").batchSize).toBeUndefined();
    expect(run("adam").batchSeed).toBeUndefined();
    expect(run("sgd").batchSize).toBe(256);
    expect(valid()).toBe(true);
    state().setOptimizer("sgd", "rmsprop");
    expect(run("sgd").batchSize).toBe(256);
  });
});
