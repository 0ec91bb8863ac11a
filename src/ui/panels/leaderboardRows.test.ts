import { describe, expect, it } from "vitest";
import { Race } from "../../core/engine/race";
import type { Experiment } from "../../core/experiment/types";
import { TrajectoryStore } from "../../state/trajectories";
import { EngineSession } from "../../worker/engineSession";
import { leaderboardRows, sortRows } from "./leaderboardRows";

const exp: Experiment = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 400,
  tolerance: 0.1,
  runs: [
    { id: "adam", label: "Adam", optimizer: { name: "adam", lr: 0.05 } },
    { id: "hot", optimizer: { name: "sgd", lr: 0.05 } },
  ],
};

/** A page-side trajectory store filled by a real session run to the end. */
function finishedStore(experiment: Experiment = exp): TrajectoryStore {
  const store = new TrajectoryStore();
  const session = new EngineSession({ post: (m) => store.receive(m, 1), now: () => 0, setTimer: () => 0, clearTimer: () => {} });
  session.handle({ type: "load", generation: 1, experiment, keepStep: false });
  session.handle({ type: "runToEnd" });
  return store;
}

describe("leaderboardRows", () => {
  it("at the live head shows the engine's own metrics", () => {
    const store = finishedStore();
    const race = new Race(exp).finish();
    const rows = leaderboardRows(exp, store, null);
    rows.forEach((row, r) => {
      const m = race.runs[r].metrics(exp.steps);
      expect([row.status, row.step, row.loss, row.distance, row.stepsToTolerance, row.pathLength]).toEqual([
        m.status, m.steps, m.finalLoss, m.distance, m.stepsToTolerance, m.pathLength,
      ]);
    });
    expect(rows[0].label).toBe("Adam");
    expect(rows[1].status).toBe("diverged");
  });

  it("scrubbed to step k shows what the engine had at step k", () => {
    const store = finishedStore();
    for (const k of [0, 1, 3, 150]) {
      const race = new Race(exp);
      race.advance(k);
      const rows = leaderboardRows(exp, store, k);
      rows.forEach((row, r) => {
        const m = race.runs[r].metrics(exp.steps);
        expect([row.status, row.step, row.loss, row.distance, row.pathLength]).toEqual([m.status, m.steps, m.finalLoss, m.distance, m.pathLength]);
        expect(row.minimum).toEqual(m.nearestMinimum && { kind: m.nearestMinimum.kind, point: m.nearestMinimum.point });
      });
    }
  });

  it("sorts missing values last and keeps the experiment's order on ties", () => {
    const rows = leaderboardRows(exp, finishedStore(), null);
    const byLoss = sortRows(rows, { key: "loss", dir: "ascending" }).map((r) => r.id);
    expect(byLoss[0]).toBe(rows[0].loss! <= rows[1].loss! ? "adam" : "hot");
    const empty = leaderboardRows(exp, new TrajectoryStore(), null);
    expect(empty.map((r) => r.status)).toEqual([null, null]);
    expect(sortRows(empty, { key: "loss", dir: "descending" }).map((r) => r.id)).toEqual(["adam", "hot"]);
  });
});

describe("epochs in the leaderboard", () => {
  const data: Experiment = {
    surface: "linearRegression",
    steps: 300,
    runs: [
      { id: "b8", optimizer: { name: "sgd", lr: 0.05 }, batchSize: 8 },
      { id: "b100", optimizer: { name: "adam", lr: 0.05 }, batchSize: 100, batchSeed: 4 },
      { id: "full", optimizer: { name: "sgd", lr: 0.05 } },
      { id: "whole", optimizer: { name: "sgd", lr: 0.05 }, batchSize: 256 },
    ],
  };

  it("are the engine's own count for batched runs, at the head and at any scrubbed step; none for full-batch runs", () => {
    const store = finishedStore(data);
    const rows = leaderboardRows(data, store, null);
    expect(rows.map((r) => r.epochs)).toEqual([(300 * 8) / 256, new Race(data).finish().runs[1].metrics(300).epochs, null, null]);
    for (const k of [0, 1, 2, 3, 31, 32, 33, 299]) {
      const race = new Race(data);
      race.advance(k);
      expect(leaderboardRows(data, store, k).map((r) => r.epochs)).toEqual(race.runs.map((r) => r.metrics(300).epochs ?? null));
    }
  });
});
