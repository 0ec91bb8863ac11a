import { beforeEach, describe, expect, it } from "vitest";
import { defaultExperiment } from "./defaults";
import { useStore } from "./store";

const state = () => useStore.getState();
const run = (id: string) => state().experiment.runs.find((r) => r.id === id)!;
const labels = () => state().experiment.runs.map((r) => r.label);

beforeEach(() => state().setExperiment(defaultExperiment()));

describe("adding and duplicating runs", () => {
  it("names an added run after its optimizer, numbered when taken; ids stay unique", () => {
    state().addRun("adam");
    state().addRun("adam");
    state().addRun("rmsprop");
    expect(state().experiment.runs.slice(3).map((r) => [r.id, r.label])).toEqual([
      ["adam-2", "Adam 2"],
      ["adam-3", "Adam 3"],
      ["rmsprop", "RMSprop"],
    ]);
  });

  it("names copies 'X (copy)', 'X (copy 2)', also when copying a copy", () => {
    state().duplicateRun("adam");
    state().duplicateRun("adam");
    state().duplicateRun("adam-copy");
    // A copy goes right after its original.
    expect(labels()).toEqual(["SGD", "Momentum", "Adam", "Adam (copy 2)", "Adam (copy)", "Adam (copy 3)"]);
    const ids = state().experiment.runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.includes("copy-copy"))).toBe(false);
  });

  it("stops at twelve runs, each with its own colour", () => {
    for (let i = 0; i < 15; i++) state().addRun("sgd");
    const runs = state().experiment.runs;
    expect(runs).toHaveLength(12);
    expect(new Set(runs.map((r) => r.color)).size).toBe(12);
  });
});

describe("schedule lengths follow the horizon", () => {
  const pickCosine = (warmup?: number) => state().setSchedule("adam", { name: "cosine", tMax: 5000 - (warmup ?? 0), ...(warmup ? { warmup } : {}) });

  it("a length filled in from the horizon follows Steps, growing and shrinking", () => {
    pickCosine();
    state().setSteps(6000);
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 6000 });
    state().setSteps(300);
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 300 });
  });

  it("follows steps − warmup, and the warmup too", () => {
    pickCosine(500);
    state().setSteps(6000);
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 5500, warmup: 500 });
    state().setSchedule("adam", { name: "cosine", tMax: 5500, warmup: 1000 });
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 5000, warmup: 1000 });
    state().setSchedule("adam", { name: "cosine", tMax: 5000 });
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 6000 });
  });

  it("a length the user set stays where it was put", () => {
    pickCosine();
    state().setLengthTyped("adam", "tMax", true);
    state().setSchedule("adam", { name: "cosine", tMax: 5000 });
    state().setSteps(8000);
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 5000 });
    // Another schedule starts over: its lengths follow again.
    state().setSchedule("adam", { name: "polynomial", totalSteps: 8000 });
    state().setSteps(9000);
    expect(run("adam").schedule).toMatchObject({ name: "polynomial", totalSteps: 9000 });
  });

  it("a loaded length that does not span its race stays put", () => {
    const e = defaultExperiment();
    e.runs[2] = { ...e.runs[2], schedule: { name: "cosine", tMax: 1234 } };
    state().setExperiment(e);
    state().setSteps(7000);
    expect(run("adam").schedule).toEqual({ name: "cosine", tMax: 1234 });
  });

  it("a removed run's typed marks go with it", () => {
    state().addRun("adam");
    state().setLengthTyped("adam-2", "tMax", true);
    state().removeRun("adam-2");
    expect(state().typedLengths.size).toBe(0);
  });
});

describe("a lesson's caption and the race it describes", () => {
  it("remembers the race a caption came with, sees an edit, and drops the caption with the surface", async () => {
    const { engineKey } = await import("./engineKey");
    state().setExperiment({ ...defaultExperiment(), title: "T", caption: "SGD ends at 0.00516." });
    expect(state().lessonKey).toBe(engineKey(state().experiment));
    state().updateRun("sgd", { label: "renamed" });
    expect(engineKey(state().experiment)).toBe(state().lessonKey);
    state().setOptimizerParam("sgd", "lr", 0.002);
    expect(engineKey(state().experiment)).not.toBe(state().lessonKey);
    state().setSurface("bowl");
    expect(state().experiment.title).toBeUndefined();
    expect(state().experiment.caption).toBeUndefined();
    expect(state().lessonKey).toBeNull();
  });
  it("has no lesson for an experiment without a caption", () => {
    expect(state().lessonKey).toBeNull();
  });
});
