import { describe, expect, it } from "vitest";
import { runExperiment } from "../core/engine/output";
import type { Experiment } from "../core/experiment/types";
import { TrajectoryStore } from "../state/trajectories";
import { EngineSession, FRAME_MS, lrPlan } from "./engineSession";
import type { FromWorker } from "./protocol";

const race = (steps: number, lr = 0.01): Experiment => ({
  surface: "rosenbrock",
  start: [-2, 2],
  steps,
  tolerance: 0.1,
  runs: [
    { id: "sgd", optimizer: { name: "sgd", lr: 0.001 } },
    { id: "adam", optimizer: { name: "adam", lr } },
  ],
});

/** A session wired to a page-side TrajectoryStore, with a clock and timers the test drives. */
function harness() {
  const posted: FromWorker[] = [];
  const timers: { fn: () => void; at: number; id: number }[] = [];
  let clock = 0;
  let nextId = 1;
  let generation = 0;
  /** How far one clock read moves time (0: time stands still unless the test moves it). */
  let tickPerRead = 0;
  const page = new TrajectoryStore();
  const session = new EngineSession({
    post: (msg) => {
      posted.push(msg);
      page.receive(msg, generation);
    },
    now: () => (clock += tickPerRead),
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ fn, at: clock + ms, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  return {
    session,
    page,
    posted,
    timers,
    load(experiment: Experiment, keepStep = true) {
      generation++;
      session.handle({ type: "load", generation, experiment, keepStep });
    },
    /** Moves the clock to `ms` later and fires the timers due by then, in order. */
    elapse(ms: number) {
      const until = clock + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        clock = Math.max(clock, next.at);
        next.fn();
      }
      clock = Math.max(clock, until);
    },
    setTickPerRead(ms: number) {
      tickPerRead = ms;
    },
    /** The page's copy of run `id` as [x, y] points. */
    pagePoints(id: string): [number, number][] {
      const run = page.runs.get(id)!;
      return Array.from({ length: run.count }, (_, i) => [run.xy[2 * i], run.xy[2 * i + 1]]);
    },
  };
}

describe("EngineSession", () => {
  it("load posts the race's reset (horizon, runs, lr plan) and then its start points", () => {
    const h = harness();
    h.load(race(300));
    expect(h.posted.map((m) => m.type)).toEqual(["reset", "batch"]);
    const reset = h.posted[0] as Extract<FromWorker, { type: "reset" }>;
    expect(reset).toMatchObject({ generation: 1, steps: 300, runIds: ["sgd", "adam"] });
    expect(Array.from(reset.plan[1].lr!.subarray(0, 3))).toEqual([0.01, 0.01, 0.01]);
    expect(h.pagePoints("sgd")).toEqual([[-2, 2]]);
  });

  it("streams only new points, re-sending the latest, and the page ends up with the CLI's points", () => {
    const h = harness();
    const exp = race(300);
    h.load(exp);
    h.session.handle({ type: "step", count: 1 });
    h.session.handle({ type: "step", count: 40 });
    const batches = h.posted.filter((m): m is Extract<FromWorker, { type: "batch" }> => m.type === "batch");
    // Step 1 re-sends the start (its lr and |∇f| arrived with the step) plus one new point.
    expect(batches[1].runs[0].from).toBe(0);
    expect(batches[1].runs[0].loss).toHaveLength(2);
    expect(batches[2].runs[0].from).toBe(1);
    expect(batches[2].runs[0].loss).toHaveLength(41);
    h.session.handle({ type: "runToEnd" });
    const cli = runExperiment(exp);
    for (const run of cli.runs) expect(h.pagePoints(run.id)).toEqual(run.points);
    const adam = h.page.runs.get("adam")!;
    expect(Array.from(adam.lr.subarray(0, 300))).toEqual(cli.runs[1].lr);
    expect(h.page.done).toBe(true);
    expect(h.page.step).toBe(300);
  });

  it("a horizon typed key by key after Run to end keeps every computed step that fits (5000 → 6 → 60 → 600 → 6000)", () => {
    const h = harness();
    h.load(race(5000));
    h.session.handle({ type: "runToEnd" });
    expect(h.page.step).toBe(5000);
    for (const steps of [6, 60, 600]) {
      h.load(race(steps));
      expect([h.page.step, h.page.steps, h.page.done]).toEqual([steps, steps, true]);
    }
    h.load(race(6000));
    expect([h.page.step, h.page.steps, h.page.done]).toEqual([5000, 6000, false]);
    // The kept steps are the race's own: the same points a fresh 6000-step race has at 5000.
    const fresh = runExperiment(race(6000)).runs[1].points!.slice(0, 5001);
    expect(h.pagePoints("adam")).toEqual(fresh);
  });

  it("shrinking the horizon keeps the steps up to it; a setting change replays to the same step with the new setting", () => {
    const h = harness();
    h.load(race(400));
    h.session.handle({ type: "step", count: 250 });
    h.load(race(100));
    expect([h.page.step, h.page.done]).toEqual([100, true]);
    h.load(race(400, 0.02));
    expect(h.page.step).toBe(250);
    expect(h.pagePoints("adam")).toEqual(runExperiment(race(400, 0.02)).runs[1].points!.slice(0, 251));
  });

  it("Reset goes back to step 0 and forgets the step reached; a load without keepStep starts at 0", () => {
    const h = harness();
    h.load(race(400));
    h.session.handle({ type: "step", count: 200 });
    h.session.handle({ type: "reset" });
    expect([h.page.step, h.page.done]).toEqual([0, false]);
    h.load(race(500));
    expect(h.page.step).toBe(0);
    h.session.handle({ type: "step", count: 30 });
    h.load(race(500), false);
    expect(h.page.step).toBe(0);
  });

  it("replies carry the generation of their load, so the page drops those of a replaced race", () => {
    const h = harness();
    h.load(race(300));
    h.load(race(300, 0.05));
    const stale = h.posted.find((m) => m.type === "batch" && m.generation === 1)!;
    expect(h.page.receive(stale, 2)).toBe(false);
    // Reset re-posts under the current generation: the page accepts it.
    h.session.handle({ type: "reset" });
    expect(h.posted.at(-2)).toMatchObject({ type: "reset", generation: 2 });
  });

  it("plays at a timed speed: the first step at once, then speed × elapsed time per frame; pause stops the timer", () => {
    const h = harness();
    h.load(race(1000));
    h.session.handle({ type: "play", speed: 100 });
    h.elapse(FRAME_MS); // 1 owed at once + 1.6 steps in 16 ms
    expect(h.page.step).toBe(2);
    h.elapse(FRAME_MS); // 0.6 + 1.6
    expect(h.page.step).toBe(4);
    h.elapse(1000 - 2 * FRAME_MS);
    expect(h.page.step).toBeGreaterThanOrEqual(100);
    expect(h.page.step).toBeLessThanOrEqual(101);
    expect(h.page.playing).toBe(true);
    h.session.handle({ type: "pause" });
    const at = h.page.step;
    expect(h.timers).toHaveLength(0);
    h.elapse(1000);
    expect([h.page.step, h.page.playing]).toEqual([at, false]);
  });

  it("pause with the page's step takes back the steps the timer ran past it, to the CLI's points", () => {
    const h = harness();
    h.load(race(1000));
    h.session.handle({ type: "play", speed: 100 });
    h.elapse(500);
    const seen = h.page.step - 2; // the page showed an earlier step when Pause was pressed
    expect(seen).toBeGreaterThan(10);
    h.session.handle({ type: "pause", atStep: seen });
    expect([h.page.step, h.page.playing, h.timers.length]).toEqual([seen, false, 0]);
    const cli = runExperiment(race(seen));
    for (const run of cli.runs) expect(h.pagePoints(run.id)).toEqual(run.points);
    // A step shown at or past the worker's own is no reason to replay.
    const posts = h.posted.length;
    h.session.handle({ type: "pause", atStep: seen + 5 });
    expect(h.posted.slice(posts).map((m) => m.type)).toEqual(["batch"]);
    expect(h.page.step).toBe(seen);
  });

  it("plays at Max speed within a time budget per tick and stops, done, at the horizon", () => {
    const h = harness();
    h.setTickPerRead(3); // each clock read costs 3 ms: a 10 ms budget allows a few chunks
    h.load(race(150_000));
    h.session.handle({ type: "play", speed: Infinity });
    h.elapse(0);
    const first = h.page.step;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(150_000);
    for (let i = 0; i < 100 && h.page.playing; i++) h.elapse(0);
    expect([h.page.step, h.page.done, h.page.playing, h.session.isPlaying]).toEqual([150_000, true, false, false]);
    expect(h.timers).toHaveLength(0);
  });

  it("a change while playing replays to the current step and keeps playing", () => {
    const h = harness();
    h.load(race(1000));
    h.session.handle({ type: "play", speed: 100 });
    h.elapse(10 * FRAME_MS);
    const at = h.page.step;
    h.load(race(1000, 0.02));
    expect(h.page.step).toBe(at);
    h.elapse(FRAME_MS);
    expect(h.page.step).toBeGreaterThan(at);
    expect(h.page.playing).toBe(true);
  });

  it("a race that cannot be built reports an error naming it (with the generation) and takes no steps", () => {
    const h = harness();
    h.load({ ...race(100), surface: "nowhere" });
    expect(h.posted.at(-1)).toEqual({ type: "error", generation: 1, message: 'unknown surface "nowhere"' });
    h.session.handle({ type: "step", count: 1 });
    h.session.handle({ type: "play", speed: 10 });
    expect(h.posted).toHaveLength(1);
    expect(h.timers).toHaveLength(0);
  });

  it("refuses a step count or a speed that would freeze or corrupt the race, saying what is allowed", () => {
    const h = harness();
    h.load(race(100));
    for (const count of [0, -3, 2.5, NaN]) h.session.handle({ type: "step", count });
    h.session.handle({ type: "play", speed: 0 });
    h.session.handle({ type: "speed", speed: NaN });
    const errors = h.posted.filter((m) => m.type === "error").map((m) => (m as { message: string }).message);
    expect(errors).toEqual([
      "step count: 0 must be an integer ≥ 1",
      "step count: -3 must be an integer ≥ 1",
      "step count: 2.5 must be an integer ≥ 1",
      "step count: NaN must be an integer ≥ 1",
      "speed: 0 must be a number of steps per second > 0 (or Infinity for as fast as possible)",
      "speed: NaN must be a number of steps per second > 0 (or Infinity for as fast as possible)",
    ]);
    expect([h.page.step, h.session.isPlaying, h.timers.length]).toEqual([0, false, 0]);
    // A bad speed while playing stops the race, and the page is told.
    h.session.handle({ type: "play", speed: 100 });
    h.elapse(FRAME_MS);
    expect(h.page.playing).toBe(true);
    h.session.handle({ type: "speed", speed: -1 });
    expect([h.page.playing, h.session.isPlaying, h.timers.length]).toEqual([false, false, 0]);
    // The session still works afterwards.
    const at = h.page.step;
    h.session.handle({ type: "step", count: 3 });
    expect(h.page.step).toBe(at + 3);
  });

  it("lrPlan gives each run's schedule over the horizon, null for one that follows the losses", () => {
    const exp: Experiment = {
      ...race(10),
      runs: [
        { id: "cos", optimizer: { name: "sgd", lr: 0.1 }, schedule: { name: "cosine", tMax: 10 } },
        { id: "plateau", optimizer: { name: "sgd", lr: 0.1 }, schedule: { name: "reduceOnPlateau" } },
      ],
    };
    const [cos, plateau] = lrPlan(exp);
    expect(cos.lr![0]).toBe(0.1);
    expect(cos.lr![5]).toBeCloseTo(0.05, 15); // η_min + (η₀ − η_min)(1 + cos(π·5/10))/2
    expect(plateau.lr).toBeNull();
  });
});

describe("EngineSession inspect", () => {
  it("answers with the inspected step of the current race (update = the race's consecutive points), and with a problem for an unknown run", () => {
    const h = harness();
    h.load(race(100));
    h.session.handle({ type: "step", count: 5 });
    h.session.handle({ type: "inspect", requestId: 7, runId: "adam", step: 3, seriesUpTo: 5 });
    const reply = h.posted.at(-1)!;
    expect(reply.type).toBe("inspect");
    if (reply.type !== "inspect" || reply.inspection?.kind !== "step") throw new Error("expected a step inspection");
    expect(reply.requestId).toBe(7);
    const points = h.page.runs.get("adam")!;
    const p = (k: number) => [points.xy[2 * k], points.xy[2 * k + 1]];
    expect(reply.inspection.record.from).toEqual(p(2));
    expect(reply.inspection.record.to).toEqual(p(3));
    expect(Array.from(reply.series!.steps)).toEqual([1, 2, 3, 4, 5]);

    h.session.handle({ type: "inspect", requestId: 8, runId: "gone", step: 3, seriesUpTo: null });
    const bad = h.posted.at(-1)!;
    expect(bad).toMatchObject({ type: "inspect", requestId: 8, inspection: null, series: null, problem: expect.stringContaining('run "gone"') });
  });
});
