import type { RunSpec } from "../experiment/types";
import { minimaOf, nearestMinimum } from "../engine/minima";
import type { RunContext } from "../engine/resolveRun";
import { requireSurface } from "../surfaces";
import { runScore, startRun, withParam, type Criterion } from "./runScore";

/** One axis of a sweep: an optimizer parameter and the values it takes. */
export interface SweepAxis {
  key: string;
  values: readonly number[];
}

/**
 * Rows [rowStart, rowEnd) of a sweep heatmap: cell (i, j) is the score of `spec` with
 * x.key = x.values[i] and y.key = y.values[j] (row j), row-major. Rows are the unit the
 * worker pool hands out.
 */
export function sweepRows(spec: RunSpec, ctx: RunContext, x: SweepAxis, y: SweepAxis, steps: number, criterion: Criterion, rowStart: number, rowEnd: number): Float64Array {
  const surface = requireSurface(ctx.surface);
  const minima = minimaOf(surface);
  const out = new Float64Array((rowEnd - rowStart) * x.values.length);
  for (let j = rowStart; j < rowEnd; j++)
    for (let i = 0; i < x.values.length; i++) {
      const cell = withParam(withParam(spec, x.key, x.values[i]), y.key, y.values[j]);
      out[(j - rowStart) * x.values.length + i] = runScore(cell, ctx, steps, criterion, minima);
    }
  return out;
}

/** Basin map codes besides a minimum's index. */
export const BASIN_DIVERGED = -2;
export const BASIN_NONE = -1;

export interface BasinGrid {
  nx: number;
  ny: number;
  x: readonly [number, number];
  y: readonly [number, number];
}

/** The start of cell (i, j): the centre of the cell. */
export function basinStart(grid: BasinGrid, i: number, j: number): [number, number] {
  return [grid.x[0] + ((i + 0.5) / grid.nx) * (grid.x[1] - grid.x[0]), grid.y[0] + ((j + 0.5) / grid.ny) * (grid.y[1] - grid.y[0])];
}

/**
 * Rows [rowStart, rowEnd) of a basin map: for each start on the grid, `spec` run `steps`
 * steps from there; the cell holds the index of the known minimum it ends nearest to when
 * it ends within `radius` of it, BASIN_DIVERGED when it diverged, else BASIN_NONE.
 */
export function basinRows(spec: RunSpec, ctx: RunContext, grid: BasinGrid, steps: number, radius: number, rowStart: number, rowEnd: number): Int16Array {
  const surface = requireSurface(ctx.surface);
  const minima = minimaOf(surface);
  const out = new Int16Array((rowEnd - rowStart) * grid.nx);
  for (let j = rowStart; j < rowEnd; j++)
    for (let i = 0; i < grid.nx; i++) {
      const run = startRun({ ...spec, start: basinStart(grid, i, j) }, ctx, steps, minima);
      let diverged = false;
      for (let t = 0; t < steps; t++)
        if (!run.step()) {
          diverged = true;
          break;
        }
      const [px, py] = run.point;
      const near = diverged ? null : nearestMinimum(minima, px, py);
      out[(j - rowStart) * grid.nx + i] = diverged ? BASIN_DIVERGED : near && near.distance < radius ? near.index : BASIN_NONE;
    }
  return out;
}
