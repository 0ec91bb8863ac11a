import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RunSpec } from "../core/experiment/types";
import { tuneLr, type TuneOptions } from "../core/tools/tune";
import { computeSlice } from "../worker/toolSlice";
import type { SliceReply, SliceRequest } from "../worker/toolProtocol";

// The page's pool needs Web Workers; here each "worker" computes its slice in this thread
// with the real toolSlice, on a later macrotask as a worker would (so Cancel can land between).
vi.mock("../worker/toolPool", async (importOriginal) => {
  const real = await importOriginal<typeof import("../worker/toolPool")>();
  class InThreadWorker {
    onmessage: ((e: { data: SliceReply }) => void) | null = null;
    onerror: ((e: { message?: string }) => void) | null = null;
    private stopped = false;
    postMessage(msg: SliceRequest) {
      setTimeout(() => !this.stopped && this.onmessage?.({ data: computeSlice(structuredClone(msg)) }), 0);
    }
    terminate() {
      this.stopped = true;
    }
  }
  return { ...real, createToolPool: () => new real.ToolPool(() => new InThreadWorker(), 2) };
});

const { cancelTool, runTuneAll, useTools } = await import("./toolsStore");

const runs: RunSpec[] = [
  { id: "sgd", label: "SGD", optimizer: { name: "sgd", lr: 0.001 } },
  { id: "momentum", label: "Momentum", optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } },
  { id: "adam", label: "Adam", optimizer: { name: "adam", lr: 0.01 } },
];
const ctx = { surface: "rosenbrock", start: [-2, 2] as [number, number], tolerance: 0.1 };
const options: TuneOptions = { range: [1e-5, 1], points: 8, steps: 200, criterion: "finalLoss", method: "halving" };
const jobs = runs.map((spec) => ({ spec, options }));

beforeEach(() => useTools.setState({ tuned: {}, message: null }));

describe("runTuneAll", () => {
  it("tunes every run in turn to the lr a direct tuning finds, applies and marks each, with one progress bar over the whole job", async () => {
    const applied: [string, number][] = [];
    const seen: { pct: number; stage: string | null }[] = [];
    const unsubscribe = useTools.subscribe((s) => s.progress && seen.push({ pct: s.progress.done / s.progress.total, stage: s.stage }));
    await runTuneAll(jobs, ctx, (id, lr) => applied.push([id, lr]));
    unsubscribe();
    const expected = await Promise.all(runs.map((r) => tuneLr(r, ctx, options)));
    expect(applied).toEqual(runs.map((r, i) => [r.id, expected[i].lr]));
    for (const [i, r] of runs.entries()) {
      const mark = useTools.getState().tuned[r.id];
      expect(mark.result).toEqual(expected[i]);
      expect(mark.optimizer).toEqual({ ...r.optimizer, lr: expected[i].lr });
      expect(mark.options).toBe(options);
    }
    expect(useTools.getState().message).toBe("Tuned all 3 runs.");
    expect(useTools.getState().running).toBeNull();
    // One bar: it never goes back, each run owns its third of it, and the stage names the run.
    for (let i = 1; i < seen.length; i++) expect(seen[i].pct).toBeGreaterThanOrEqual(seen[i - 1].pct);
    expect(seen[0]).toEqual({ pct: 0, stage: null });
    expect(new Set(seen.slice(1).map((s) => s.stage))).toEqual(new Set(["Tuning SGD (1 of 3)", "Tuning Momentum (2 of 3)", "Tuning Adam (3 of 3)"]));
    for (const s of seen.slice(1)) expect(Math.floor(s.pct * 3 + 1e-12)).toBeLessThanOrEqual(Number(s.stage!.match(/\((\d) of/)![1]));
    expect(seen.some((s) => s.stage === "Tuning Momentum (2 of 3)" && s.pct > 1 / 3 && s.pct < 2 / 3)).toBe(true);
  });

  it("Cancel after the first run leaves it tuned and the others untouched, and says so", async () => {
    const applied: string[] = [];
    const job = runTuneAll(jobs, ctx, (id) => {
      applied.push(id);
      // Cancel once the second run's search has started.
      setTimeout(cancelTool, 0);
    });
    await job;
    expect(applied).toEqual(["sgd"]);
    expect(Object.keys(useTools.getState().tuned)).toEqual(["sgd"]);
    expect(useTools.getState().message).toBe("Cancelled. SGD tuned; Momentum and Adam left unchanged.");
    expect(useTools.getState().running).toBeNull();
    expect(useTools.getState().progress).toBeNull();
  });

  it("a run no lr could keep from diverging keeps its lr, and the message names it", async () => {
    const far = { ...ctx, surface: "rosenbrock", start: [-2, 2] as [number, number] };
    const huge: TuneOptions = { ...options, range: [1e3, 1e4], method: "grid", points: 4 };
    const applied: string[] = [];
    await runTuneAll([{ spec: runs[0], options: huge }, { spec: runs[2], options }], far, (id) => applied.push(id));
    expect(applied).toEqual(["adam"]);
    expect(useTools.getState().tuned.sgd).toBeUndefined();
    expect(useTools.getState().message).toBe("Tuned Adam. SGD: no lr in [1000, 10000] kept the run from diverging in 200 steps; its lr is unchanged.");
  });
});
