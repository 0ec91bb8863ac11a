import { basinRows, sweepRows } from "../core/tools/grids";
import { runScore, withParam } from "../core/tools/runScore";
import type { SliceReply, SliceRequest } from "./toolProtocol";

/** Computes one slice of a grid job (what a tool worker does with each request). Never throws. */
export function computeSlice(req: SliceRequest, now: () => number = () => performance.now()): SliceReply {
  const t0 = now();
  try {
    const { job, rowStart, rowEnd } = req;
    let cells: Float64Array | Int16Array;
    if (job.kind === "sweep") cells = sweepRows(job.spec, job.ctx, job.x, job.y, job.steps, job.criterion, rowStart, rowEnd);
    else if (job.kind === "basin") cells = basinRows(job.spec, job.ctx, job.grid, job.steps, job.radius, rowStart, rowEnd);
    else cells = Float64Array.from(job.values.slice(rowStart, rowEnd), (v) => runScore(withParam(job.spec, job.key, v), job.ctx, job.steps, job.criterion));
    return { id: req.id, rowStart, rowEnd, cells, ms: now() - t0 };
  } catch (err) {
    return { id: req.id, error: String((err as Error)?.message ?? err) };
  }
}
