/**
 * The fair-comparison tools' state: which tool runs, its progress, and the last result of
 * each. A store of its own (the race's store does not re-render for tool progress). Work
 * runs in the tool pool's workers (src/worker/toolPool.ts); the range test, a single short
 * run, runs here (under a millisecond per hundred steps).
 */
import { create } from "zustand";
import type { RunContext } from "../core/engine/resolveRun";
import type { RunSpec } from "../core/experiment/types";
import type { BasinGrid, SweepAxis } from "../core/tools/grids";
import { lrRangeTest, type RangeTestResult } from "../core/tools/rangeTest";
import type { Criterion } from "../core/tools/runScore";
import { tuneLr, tuneRounds, type TuneOptions, type TuneResult } from "../core/tools/tune";
import { Cancelled, createToolPool, type Progress, type ToolPool } from "../worker/toolPool";

export type ToolName = "range" | "tune" | "sweep" | "basin";

export interface SweepResult {
  runId: string;
  /** The surface it was computed on (see surfaceKeyOf): shown only there. */
  surfaceKey: string;
  x: SweepAxis;
  y: SweepAxis;
  criterion: Criterion;
  steps: number;
  cells: Float64Array;
  ms: number;
}

export interface BasinResult {
  runId: string;
  /** The surface it was computed on (JSON of the experiment's surface): the map is shown only on it. */
  surfaceKey: string;
  grid: BasinGrid;
  steps: number;
  cells: Int16Array;
  ms: number;
}

export interface TunedMark {
  result: TuneResult;
  options: TuneOptions;
  /** The run's optimizer as tuned (its lr the chosen one) and the surface: a change of either since makes the mark say so. */
  optimizer: RunSpec["optimizer"];
  surfaceKey: string;
}

interface ToolsState {
  running: ToolName | null;
  progress: Progress | null;
  /** The last tool's problem or note (null: none). */
  message: string | null;
  range: (RangeTestResult & { runId: string; surfaceKey: string }) | null;
  sweep: SweepResult | null;
  basin: BasinResult | null;
  /** Whether the basin map is drawn over the contours. */
  basinShown: boolean;
  /** Runs whose lr came from Tune, with what was searched. */
  tuned: Record<string, TunedMark>;
}

export const useTools = create<ToolsState>()(() => ({ running: null, progress: null, message: null, range: null, sweep: null, basin: null, basinShown: true, tuned: {} }));

/** The key a basin map is stored under: the surface as the experiment names it. */
export const surfaceKeyOf = (surface: unknown): string => JSON.stringify(surface);

let pool: ToolPool | null = null;
const getPool = () => (pool ??= createToolPool());

/** Runs `work` as tool `name`: one tool at a time, progress into the store, Cancel and errors reported. */
async function runTool<T>(name: ToolName, work: (progress: (p: Progress) => void) => Promise<T>): Promise<T | null> {
  cancelTool();
  useTools.setState({ running: name, progress: { done: 0, total: 1 }, message: null });
  try {
    const result = await work((progress) => useTools.setState({ progress }));
    useTools.setState({ running: null, progress: null });
    return result;
  } catch (err) {
    const cancelled = err instanceof Cancelled;
    useTools.setState({ running: null, progress: null, message: cancelled ? "Cancelled." : `Could not finish: ${(err as Error).message}` });
    return null;
  }
}

export function cancelTool(): void {
  pool?.cancel();
}

export function runRangeTest(spec: RunSpec, ctx: RunContext, steps: number, lrMin: number, lrMax: number): void {
  const r = lrRangeTest(spec, ctx, { steps, lrMin, lrMax });
  useTools.setState({ range: { ...r, runId: spec.id, surfaceKey: surfaceKeyOf(ctx.surface) }, message: r.suggested === null ? "The loss never fell over this lr range: try a wider range or another start." : null });
}

export async function runTune(spec: RunSpec, ctx: RunContext, options: TuneOptions): Promise<TuneResult | null> {
  const result = await runTool("tune", (progress) => {
    let rounds = 0;
    return tuneLr(spec, ctx, options, async (lrs, steps) => {
      // Progress over all rounds: each round counts as its share of the whole.
      const total = tuneRounds(options);
      const cells = await getPool().run({ kind: "scores", spec, ctx, key: "lr", values: lrs, steps, criterion: options.criterion }, (p) => progress({ done: rounds + p.done / p.total, total }));
      rounds++;
      return [...cells];
    });
  });
  if (result && Number.isFinite(result.score))
    useTools.setState((s) => ({ tuned: { ...s.tuned, [spec.id]: { result, options, optimizer: { ...spec.optimizer, lr: result.lr }, surfaceKey: surfaceKeyOf(ctx.surface) } } }));
  else if (result) useTools.setState({ message: `Tune: no lr in [${options.range[0]}, ${options.range[1]}] ${options.criterion === "finalLoss" ? "kept the run from diverging" : "reached the tolerance"} in ${options.steps} steps; the lr is unchanged.` });
  return result;
}

export async function runSweep(spec: RunSpec, ctx: RunContext, x: SweepAxis, y: SweepAxis, steps: number, criterion: Criterion): Promise<void> {
  const t0 = performance.now();
  const cells = await runTool("sweep", (progress) => getPool().run({ kind: "sweep", spec, ctx, x, y, steps, criterion }, progress));
  if (cells) useTools.setState({ sweep: { runId: spec.id, surfaceKey: surfaceKeyOf(ctx.surface), x, y, criterion, steps, cells: cells as Float64Array, ms: performance.now() - t0 } });
}

export async function runBasin(spec: RunSpec, ctx: RunContext, grid: BasinGrid, steps: number, radius: number): Promise<void> {
  const t0 = performance.now();
  const cells = await runTool("basin", (progress) => getPool().run({ kind: "basin", spec, ctx, grid, steps, radius }, progress));
  if (cells) useTools.setState({ basinShown: true, basin: { runId: spec.id, surfaceKey: surfaceKeyOf(ctx.surface), grid, steps, cells: cells as Int16Array, ms: performance.now() - t0 } });
}
