/**
 * Messages between the page's tool pool and its workers. A grid job (a sweep heatmap, a
 * basin map) is computed in slices of rows; each worker gets a slice, answers with its
 * cells, and gets the next.
 */
import type { RunContext } from "../core/engine/resolveRun";
import type { RunSpec } from "../core/experiment/types";
import type { BasinGrid, SweepAxis } from "../core/tools/grids";
import type { Criterion } from "../core/tools/runScore";

export type GridJob =
  | { kind: "sweep"; spec: RunSpec; ctx: RunContext; x: SweepAxis; y: SweepAxis; steps: number; criterion: Criterion }
  | { kind: "basin"; spec: RunSpec; ctx: RunContext; grid: BasinGrid; steps: number; radius: number }
  /** One score per value of one parameter (a tuning round): rows are the values, one column. */
  | { kind: "scores"; spec: RunSpec; ctx: RunContext; key: string; values: readonly number[]; steps: number; criterion: Criterion };

export interface SliceRequest {
  id: number;
  job: GridJob;
  rowStart: number;
  rowEnd: number;
}

export type SliceReply =
  | { id: number; rowStart: number; rowEnd: number; cells: Float64Array | Int16Array; ms: number }
  | { id: number; error: string };

/** Columns (cells per row) and rows of a job. */
export function jobShape(job: GridJob): { cols: number; rows: number } {
  if (job.kind === "sweep") return { cols: job.x.values.length, rows: job.y.values.length };
  if (job.kind === "scores") return { cols: 1, rows: job.values.length };
  return { cols: job.grid.nx, rows: job.grid.ny };
}
