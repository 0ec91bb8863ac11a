import { describe, expect, it } from "vitest";
import { sweepRows } from "../core/tools/grids";
import { spaced } from "../core/tools/runScore";
import { computeSlice } from "./toolSlice";
import { Cancelled, ToolPool, type PoolWorker } from "./toolPool";
import type { GridJob, SliceReply, SliceRequest } from "./toolProtocol";

/** A worker that answers on a later macrotask, as a real one would; counts what it did. */
class FakeWorker implements PoolWorker {
  onmessage: ((e: { data: SliceReply }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  terminated = false;
  slices = 0;
  postMessage(msg: SliceRequest): void {
    setTimeout(() => {
      if (this.terminated) return;
      this.slices++;
      this.onmessage?.({ data: computeSlice(structuredClone(msg)) });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const job: GridJob = {
  kind: "sweep",
  spec: { id: "r", optimizer: { name: "sgd", lr: 0.1 } },
  ctx: { surface: "bowl", start: [10, 1] },
  x: { key: "lr", values: spaced(0.001, 0.3, 12, true) },
  y: { key: "momentum", values: spaced(0, 0.95, 10, false) },
  steps: 200,
  criterion: "finalLoss",
};

describe("tool pool", () => {
  it("computes every row across its workers, reports progress up to the total, and matches a direct computation", async () => {
    const spawned: FakeWorker[] = [];
    const pool = new ToolPool(() => {
      const w = new FakeWorker();
      spawned.push(w);
      return w;
    }, 2);
    const progress: number[] = [];
    const cells = await pool.run(job, (p) => progress.push(p.done));
    expect([...cells]).toEqual([...sweepRows(job.spec, job.ctx, job.x, job.y, job.steps, job.criterion, 0, 10)]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(10);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    expect(spawned).toHaveLength(2);
    expect(spawned.every((w) => w.slices > 0)).toBe(true);
  });

  it("Cancel rejects at once with Cancelled and terminates the workers; the next job starts fresh ones", async () => {
    const spawned: FakeWorker[] = [];
    const pool = new ToolPool(() => {
      const w = new FakeWorker();
      spawned.push(w);
      return w;
    }, 2);
    const running = pool.run(job, () => {});
    pool.cancel();
    await expect(running).rejects.toBeInstanceOf(Cancelled);
    expect(spawned.every((w) => w.terminated)).toBe(true);
    const cells = await pool.run(job, () => {});
    expect(cells).toHaveLength(120);
    expect(spawned).toHaveLength(4);
  });

  it("a worker's error rejects the job with its message", async () => {
    const pool = new ToolPool(() => new FakeWorker(), 1);
    const bad: GridJob = { ...job, ctx: { surface: "nowhere" } };
    await expect(pool.run(bad, () => {})).rejects.toThrow(/unknown surface "nowhere"/);
  });
});
