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

export type ToolName = "range" | "tune" | "tuneAll" | "sweep" | "basin";

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
  /** What the running tool is on, when it works through several parts ("Tuning Adam (2 of 3)"); null otherwise. */
  stage: string | null;
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

export const useTools = create<ToolsState>()(() => ({ running: null, progress: null, stage: null, message: null, range: null, sweep: null, basin: null, basinShown: true, tuned: {} }));

/** The key a basin map is stored under: the surface as the experiment names it. */
export const surfaceKeyOf = (surface: unknown): string => JSON.stringify(surface);

let pool: ToolPool | null = null;
const getPool = () => (pool ??= createToolPool());

/** The running tool's cancel flag: the pool's Cancel stops a grid job, this stops a tool that chains several. */
let current: { cancelled: boolean } | null = null;

type Report = (progress: Progress, stage?: string) => void;

/**
 * Runs `work` as tool `name`: one tool at a time, progress into the store, Cancel and errors
 * reported (`partial` adds what a chained tool finished before it stopped).
 */
async function runTool<T>(name: ToolName, work: (progress: Report, token: { cancelled: boolean }) => Promise<T>, partial?: () => string): Promise<T | null> {
  cancelTool();
  const token = { cancelled: false };
  current = token;
  useTools.setState({ running: name, progress: { done: 0, total: 1 }, stage: null, message: null });
  try {
    const result = await work((progress, stage) => useTools.setState({ progress, stage: stage ?? null }), token);
    useTools.setState({ running: null, progress: null, stage: null });
    return result;
  } catch (err) {
    const why = err instanceof Cancelled ? "Cancelled." : `Could not finish: ${(err as Error).message}`;
    useTools.setState({ running: null, progress: null, stage: null, message: partial ? `${why} ${partial()}` : why });
    return null;
  } finally {
    if (current === token) current = null;
  }
}

export function cancelTool(): void {
  if (current) current.cancelled = true;
  pool?.cancel();
}

export function runRangeTest(spec: RunSpec, ctx: RunContext, steps: number, lrMin: number, lrMax: number): void {
  const r = lrRangeTest(spec, ctx, { steps, lrMin, lrMax });
  useTools.setState({ range: { ...r, runId: spec.id, surfaceKey: surfaceKeyOf(ctx.surface) }, message: r.suggested === null ? "The loss never fell over this lr range: try a wider range or another start." : null });
}

/** Tunes `spec`'s lr in the pool, reporting the fraction done (each round of halving counts as its share). */
function tuneInPool(spec: RunSpec, ctx: RunContext, options: TuneOptions, fraction: (f: number) => void): Promise<TuneResult> {
  const total = tuneRounds(options);
  let rounds = 0;
  return tuneLr(spec, ctx, options, async (lrs, steps) => {
    const cells = await getPool().run({ kind: "scores", spec, ctx, key: "lr", values: lrs, steps, criterion: options.criterion }, (p) => fraction((rounds + p.done / p.total) / total));
    rounds++;
    return [...cells];
  });
}

/** Marks `spec` tuned when the search found an lr that scored; else returns why its lr stays. */
function recordTuning(spec: RunSpec, ctx: RunContext, options: TuneOptions, result: TuneResult): string | null {
  if (!Number.isFinite(result.score))
    return `no lr in [${options.range[0]}, ${options.range[1]}] ${options.criterion === "finalLoss" ? "kept the run from diverging" : "reached the tolerance"} in ${options.steps} steps`;
  useTools.setState((s) => ({ tuned: { ...s.tuned, [spec.id]: { result, options, optimizer: { ...spec.optimizer, lr: result.lr }, surfaceKey: surfaceKeyOf(ctx.surface) } } }));
  return null;
}

export async function runTune(spec: RunSpec, ctx: RunContext, options: TuneOptions): Promise<TuneResult | null> {
  const result = await runTool("tune", (progress) => tuneInPool(spec, ctx, options, (f) => progress({ done: f, total: 1 })));
  const problem = result && recordTuning(spec, ctx, options, result);
  if (problem) useTools.setState({ message: `Tune: ${problem}; the lr is unchanged.` });
  return result;
}

/** One run of "Tune all runs": the run as it was when the job started, and its search (its own lr range). */
export interface TuneJob {
  spec: RunSpec;
  options: TuneOptions;
}

const nameOf = (spec: RunSpec) => spec.label ?? spec.id;
const listed = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/**
 * Tunes each job's run in turn, with one progress bar over the whole job; each run's lr is
 * applied (`apply`) and marked as soon as its search ends, so Cancel leaves the runs tuned
 * so far tuned and the others untouched, and the message says which are which.
 */
export async function runTuneAll(jobs: readonly TuneJob[], ctx: RunContext, apply: (runId: string, lr: number) => void): Promise<void> {
  const tuned: string[] = [];
  const untuned: string[] = [];
  const finished = await runTool(
    "tuneAll",
    async (progress, token) => {
      for (const [i, { spec, options }] of jobs.entries()) {
        if (token.cancelled) throw new Cancelled();
        const stage = `Tuning ${nameOf(spec)} (${i + 1} of ${jobs.length})`;
        progress({ done: i, total: jobs.length }, stage);
        const result = await tuneInPool(spec, ctx, options, (f) => progress({ done: i + f, total: jobs.length }, stage));
        const problem = recordTuning(spec, ctx, options, result);
        if (problem) untuned.push(`${nameOf(spec)}: ${problem}`);
        else {
          apply(spec.id, result.lr);
          tuned.push(nameOf(spec));
        }
      }
      return true;
    },
    () => {
      const rest = jobs.slice(tuned.length + untuned.length).map((j) => nameOf(j.spec));
      return [`${tuned.length > 0 ? listed(tuned) : "No run"} tuned`, ...untuned.map((u) => `${u}, its lr unchanged`), rest.length > 0 && `${listed(rest)} left unchanged`].filter(Boolean).join("; ") + ".";
    },
  );
  if (finished) {
    const head = tuned.length > 0 ? `Tuned ${tuned.length === jobs.length ? `all ${jobs.length} runs` : listed(tuned)}.` : "No run tuned.";
    useTools.setState({ message: [head, ...untuned.map((u) => `${u}; its lr is unchanged.`)].join(" ") });
  }
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
