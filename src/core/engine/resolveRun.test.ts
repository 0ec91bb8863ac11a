import { describe, expect, it } from "vitest";
import { optimizers } from "../optim";
import { schedules } from "../schedules";
import { surfaces } from "../surfaces";
import type { RunSpec } from "../experiment/types";
import type { ParamSpecs } from "../params";
import { resolveRun } from "./resolveRun";
import { Race } from "./race";

const run = (over: Partial<RunSpec> = {}): RunSpec => ({ id: "r", optimizer: { name: "adam" }, ...over });

describe("resolveRun", () => {
  it.each(Object.keys(optimizers))("fills %s's omitted parameters from its registry specs and keeps given ones", (name) => {
    const def = optimizers[name];
    const r = resolveRun(run({ optimizer: { name, lr: 0.123 } }), { surface: "bowl" });
    expect(r.lr).toBe(0.123);
    expect(r.optimizer.params.lr).toBe(0.123);
    for (const [key, spec] of Object.entries(def.params as ParamSpecs)) {
      if (key === "lr" || ("optional" in spec && spec.optional)) continue;
      expect(r.optimizer.params[key], key).toEqual(spec.default);
    }
    expect(r.optimizer.params).not.toHaveProperty("name");
  });

  it("picks constant when no schedule is given, and each create() is a fresh instance", () => {
    const r = resolveRun(run({ optimizer: { name: "sgd", lr: 0.5 } }), { surface: "bowl" });
    expect(r.schedule.def).toBe(schedules.constant);
    expect(r.schedule.warmup).toBe(0);
    const s = r.schedule.create();
    expect([s.lr(0), s.lr(999)]).toEqual([0.5, 0.5]);
    expect(r.schedule.create()).not.toBe(s);
  });

  it("passes the warmup and the schedule's filled defaults through to the instance", () => {
    const r = resolveRun(run({ optimizer: { name: "sgd", lr: 1 }, schedule: { name: "step", stepSize: 10, warmup: 4 } }), { surface: "bowl" });
    expect(r.schedule.warmup).toBe(4);
    expect(r.schedule.params.stepSize).toBe(10);
    expect(r.schedule.params.gamma).toBe(schedules.step.params.gamma.default);
    const s = r.schedule.create();
    const gamma = r.schedule.params.gamma as number;
    // warmup: lr·t/w, then StepLR shifted by w
    expect(s.lr(2)).toBe(0.5);
    expect(s.lr(4)).toBe(1);
    expect(s.lr(4 + 10)).toBeCloseTo(gamma, 15);
  });

  it("resolves the start run → experiment → surface, and the tolerance default", () => {
    for (const name of Object.keys(surfaces)) {
      expect(resolveRun(run(), { surface: name }).start).toEqual(surfaces[name].start);
    }
    expect(resolveRun(run(), { surface: "bowl", start: [3, 4] }).start).toEqual([3, 4]);
    expect(resolveRun(run({ start: [5, 6] }), { surface: "bowl", start: [3, 4] }).start).toEqual([5, 6]);
    expect(resolveRun(run(), { surface: "bowl" }).tolerance).toBe(0.01);
    expect(resolveRun(run(), { surface: "bowl", tolerance: 0.5 }).tolerance).toBe(0.5);
  });

  it("treats noise of std 0 as no noise", () => {
    expect(resolveRun(run({ noise: { std: 0, seed: 1 } }), { surface: "bowl" }).noise).toBeNull();
    expect(resolveRun(run({ noise: { std: 0.1, seed: 1 } }), { surface: "bowl" }).noise).toEqual({ std: 0.1, seed: 1 });
  });

  it("names what it does not know", () => {
    expect(() => resolveRun(run({ optimizer: { name: "adamx" } }), { surface: "bowl" })).toThrow(/unknown optimizer "adamx"; expected one of sgd/);
    expect(() => resolveRun(run({ schedule: { name: "nope" } }), { surface: "bowl" })).toThrow(/unknown schedule "nope"/);
    expect(() => resolveRun(run(), { surface: "moon" })).toThrow(/unknown surface "moon"/);
  });

  it("is what the engine runs: a Race's first lr and start come from it", () => {
    const exp = { surface: "rosenbrock", steps: 3, start: [0.5, 0.5] as [number, number], runs: [run({ schedule: { name: "exponential", gamma: 0.5 } })] };
    const r = resolveRun(exp.runs[0], exp);
    const race = new Race(exp).finish();
    const a = race.runs[0].trace.toArrays();
    expect(a.points[0]).toEqual([...r.start]);
    const s = r.schedule.create();
    expect(a.lr.slice(0, 3)).toEqual([s.lr(0), s.lr(1), s.lr(2)]);
  });
});
