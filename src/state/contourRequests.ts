/**
 * Contour requests shared out over the contour workers: each worker traces every n-th
 * threshold of the same view, and the parts are merged into one reply once all have
 * answered. A newer request makes older ones moot, so their pending parts are dropped
 * rather than kept waiting forever.
 */
import type { SurfaceRef } from "../core/surfaces";
import type { ContourBridge } from "../worker/bridge";
import type { FromWorker, View } from "../worker/protocol";

export type ContourReply = Extract<FromWorker, { type: "contours" }>;

/** A request still waiting when more than this many newer ones have been made is dropped. */
const KEEP_PENDING = 4;

/** Collects the parts of one contour request into one reply (bands in threshold order). */
export function mergeParts(parts: readonly ContourReply[]): ContourReply {
  const bands = parts.flatMap((p) => p.bands).sort((a, b) => a.value - b.value);
  return { ...parts[0], bands, part: undefined, millis: Math.max(...parts.map((p) => p.millis)) };
}

export class ContourRequests {
  private requestId = 0;
  private readonly pending = new Map<number, { parts: ContourReply[]; resolve: (r: ContourReply) => void }>();

  /** `onError` receives a worker's failure message (shown to the user). */
  constructor(
    private readonly workers: readonly ContourBridge[],
    onError: (message: string) => void,
  ) {
    for (const worker of workers)
      worker.subscribe((msg) => {
        if (msg.type === "error") onError(msg.message);
        else if (msg.type === "contours") this.receive(msg);
      });
  }

  request(surface: SurfaceRef, view: View, nx: number, ny: number, levels: number): Promise<ContourReply> {
    const id = ++this.requestId;
    for (const old of this.pending.keys()) if (old < id - KEEP_PENDING) this.pending.delete(old);
    return new Promise((resolve) => {
      this.pending.set(id, { parts: [], resolve });
      this.workers.forEach((w, part) => w.send({ type: "contours", requestId: id, surface, view, nx, ny, levels, part, parts: this.workers.length }));
    });
  }

  /** Requests still waiting for a part (for tests). */
  get waiting(): number {
    return this.pending.size;
  }

  private receive(msg: ContourReply): void {
    const job = this.pending.get(msg.requestId);
    if (!job) return;
    job.parts.push(msg);
    if (job.parts.length === this.workers.length) {
      this.pending.delete(msg.requestId);
      job.resolve(mergeParts(job.parts));
    }
  }
}
