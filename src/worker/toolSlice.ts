import { basinRows, sweepRows } from "../core/tools/grids";
import type { SliceReply, SliceRequest } from "./toolProtocol";

/** Computes one slice of a grid job (what a tool worker does with each request). Never throws. */
export function computeSlice(req: SliceRequest, now: () => number = () => performance.now()): SliceReply {
  const t0 = now();
  try {
    const { job, rowStart, rowEnd } = req;
    const cells =
      job.kind === "sweep"
        ? sweepRows(job.spec, job.ctx, job.x, job.y, job.steps, job.criterion, rowStart, rowEnd)
        : basinRows(job.spec, job.ctx, job.grid, job.steps, job.radius, rowStart, rowEnd);
    return { id: req.id, rowStart, rowEnd, cells, ms: now() - t0 };
  } catch (err) {
    return { id: req.id, error: String((err as Error)?.message ?? err) };
  }
}
