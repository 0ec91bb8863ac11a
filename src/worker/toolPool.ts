/**
 * A pool of tool workers (one per core, navigator.hardwareConcurrency) that computes a grid
 * job slice by slice: rows are handed out as workers free up, so both cores stay busy to
 * the end; slices are sized from the time the first ones took (aiming at ~50 ms each), so
 * progress arrives several times a second; Cancel terminates the workers at once (a
 * terminated worker stops mid-slice) and the next job starts fresh ones.
 */
import { jobShape, type GridJob, type SliceReply, type SliceRequest } from "./toolProtocol";

/** The part of a Worker the pool uses (a fake in the unit tests). */
export interface PoolWorker {
  postMessage(msg: SliceRequest): void;
  onmessage: ((e: { data: SliceReply }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
  terminate(): void;
}

export interface Progress {
  /** Rows done and in all. */
  done: number;
  total: number;
}

export class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/** Aimed-at time per slice: short enough for ≥ 5 progress updates a second, long enough that messages cost little. */
const SLICE_MS = 50;

export class ToolPool {
  private workers: PoolWorker[] = [];
  private nextId = 1;
  private cancelCurrent: (() => void) | null = null;

  constructor(
    private readonly spawn: () => PoolWorker,
    readonly size: number,
  ) {}

  /** Runs `job` to the end; resolves with its cells row-major (Int16Array for basins, else Float64Array of scores). */
  run(job: GridJob, onProgress: (p: Progress) => void): Promise<Float64Array | Int16Array> {
    this.cancel();
    const { cols, rows } = jobShape(job);
    const cells = job.kind === "basin" ? new Int16Array(cols * rows) : new Float64Array(cols * rows);
    if (this.workers.length === 0) this.workers = Array.from({ length: this.size }, () => this.spawn());
    const id = this.nextId++;
    let nextRow = 0;
    let done = 0;
    let rowsPerSlice = 1;
    return new Promise((resolve, reject) => {
      let finished = false;
      const finish = (err: Error | null) => {
        if (finished) return;
        finished = true;
        this.cancelCurrent = null;
        for (const w of this.workers) w.onmessage = w.onerror = null;
        if (err) reject(err);
        else resolve(cells);
      };
      this.cancelCurrent = () => {
        this.terminate();
        finish(new Cancelled());
      };
      const feed = (w: PoolWorker) => {
        if (nextRow >= rows) return;
        const rowStart = nextRow;
        const rowEnd = Math.min(rows, rowStart + rowsPerSlice);
        nextRow = rowEnd;
        w.postMessage({ id, job, rowStart, rowEnd });
      };
      for (const w of this.workers) {
        w.onmessage = (e) => {
          const reply = e.data;
          if (reply.id !== id || finished) return;
          if ("error" in reply) {
            this.terminate();
            return finish(new Error(reply.error));
          }
          cells.set(reply.cells, reply.rowStart * cols);
          const n = reply.rowEnd - reply.rowStart;
          done += n;
          // Resize slices toward SLICE_MS from this one's time per row.
          const perRow = reply.ms / n;
          rowsPerSlice = Math.max(1, Math.min(rows, Math.floor(SLICE_MS / Math.max(perRow, 1e-3))));
          onProgress({ done, total: rows });
          if (done >= rows) return finish(null);
          feed(w);
        };
        w.onerror = (e) => {
          this.terminate();
          finish(new Error(e.message || "a tool worker failed"));
        };
      }
      onProgress({ done: 0, total: rows });
      for (const w of this.workers) feed(w);
    });
  }

  /** Stops the job in progress (its promise rejects with Cancelled). */
  cancel(): void {
    this.cancelCurrent?.();
  }

  private terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}

/** The page's pool: one worker per core. */
export function createToolPool(): ToolPool {
  const size = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
  return new ToolPool(() => new Worker(new URL("./tools.worker.ts", import.meta.url), { type: "module", name: "downhill-tools" }) as unknown as PoolWorker, size);
}
