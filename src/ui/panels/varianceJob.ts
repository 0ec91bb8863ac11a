import { batchSizesUpTo, exampleSpread, varianceRow, type ComparisonSpec, type ExampleSpread, type VarianceComparison, type VarianceRow } from "../../core/data/gradientVariance";
import type { BatchSource } from "../../core/surfaces/types";

/** Runs a task later (a macrotask in the page, so input and frames get their turn between slices). */
export type Defer = (task: () => void) => void;

export interface SliceTimes {
  /** Main-thread time of all slices together, ms. */
  total: number;
  /** The longest slice, ms. */
  longest: number;
}

const defaultDefer: Defer = (task) => void setTimeout(task, 0);

/**
 * compareBatchSizes cut into slices, one batch size per task (the examples' spread first): the
 * whole comparison takes 5–30 ms on the main thread while a race plays, the longest slice
 * (B = n/2, 512 batches) a third of that, so the page never has a long task. Calls `done`
 * with what compareBatchSizes returns, unless cancelled first (the returned function).
 */
export function measureInSlices(source: BatchSource, spec: ComparisonSpec, done: (c: VarianceComparison, times: SliceTimes) => void, defer: Defer = defaultDefer): () => void {
  const sizes = batchSizesUpTo(source.n);
  const rows: VarianceRow[] = [];
  const times: SliceTimes = { total: 0, longest: 0 };
  let spread: ExampleSpread | null = null;
  let cancelled = false;
  const slice = () => {
    if (cancelled) return;
    const t0 = performance.now();
    if (!spread) spread = exampleSpread(source, spec.w1, spec.w2);
    else rows.push(varianceRow(source, spec, spread, sizes[rows.length]));
    const ms = performance.now() - t0;
    times.total += ms;
    times.longest = Math.max(times.longest, ms);
    if (rows.length < sizes.length) defer(slice);
    else done({ exampleVariance: spread.variance, n: source.n, rows }, times);
  };
  defer(slice);
  return () => {
    cancelled = true;
  };
}
