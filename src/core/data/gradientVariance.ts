import type { BatchSource } from "../surfaces/types";
import { BatchSampler } from "./batchSampler";

/**
 * How noisy a mini-batch gradient is, as seed 003's batch-size exercise asks ("plot the
 * gradient variance for different batch sizes"), measured as the total variance
 * E‖g_B − ∇f‖² (the trace of the covariance of the batch's mean gradient g_B) at one point.
 *
 * Exact: a batch of B examples drawn without replacement from n has
 *   tr Cov(g_B) = (n − B) / (B (n − 1)) · σ²,  σ² = (1/n) Σ ‖g_i − ḡ‖²
 * (the finite-population correction of σ²/B; 0 at B = n, σ² at B = 1).
 * Sampled: the same quantity averaged over the batches a run's own BatchSampler draws.
 */

/** The per-example gradients' mean ḡ (the full gradient) and their variance σ² = (1/n) Σ ‖g_i − ḡ‖². */
export interface ExampleSpread {
  mean: [number, number];
  variance: number;
}

/** Identity orders by size, so batchGrad can read example i alone (never reallocated per call). */
const identities = new Map<number, Uint32Array>();
function identity(n: number): Uint32Array {
  let o = identities.get(n);
  if (!o) {
    o = new Uint32Array(n);
    for (let i = 0; i < n; i++) o[i] = i;
    identities.set(n, o);
  }
  return o;
}

export function exampleSpread(source: BatchSource, w1: number, w2: number): ExampleSpread {
  const { n } = source;
  const order = identity(n);
  const g = new Float64Array(2);
  source.batchGrad(w1, w2, order, 0, n, g);
  const m0 = g[0];
  const m1 = g[1];
  let s = 0;
  for (let i = 0; i < n; i++) {
    source.batchGrad(w1, w2, order, i, 1, g);
    s += (g[0] - m0) ** 2 + (g[1] - m1) ** 2;
  }
  return { mean: [m0, m1], variance: s / n };
}

/** tr Cov of the mean gradient of B examples drawn without replacement from n whose gradients have variance σ². */
export function exactBatchVariance(exampleVariance: number, n: number, batchSize: number): number {
  if (batchSize >= n) return 0;
  return ((n - batchSize) / (batchSize * (n - 1))) * exampleVariance;
}

export interface SampledVariance {
  /** Mean of ‖g_B − ḡ‖² over the full-size batches drawn. */
  value: number;
  /** Standard error of `value`: the spread of the per-epoch means over √epochs (epochs reshuffle independently; batches within one do not). */
  standardError: number;
  /** Full-size batches averaged. */
  batches: number;
}

/**
 * ‖g_B − ḡ‖² averaged over `epochs` epochs of the batches BatchSampler(n, B, seed) draws, the
 * sampler a run with that batch size and seed steps on. Only full-size batches count: an
 * epoch's smaller last batch (n not a multiple of B) has another variance. Each full batch
 * is a uniformly random B-subset (a fixed block of a uniformly random permutation), so its
 * expectation is exactBatchVariance.
 */
export function sampledBatchVariance(source: BatchSource, w1: number, w2: number, mean: readonly [number, number], batchSize: number, seed: number, epochs: number): SampledVariance {
  const sampler = new BatchSampler(source.n, Math.min(batchSize, source.n), seed);
  const g = new Float64Array(2);
  let total = 0;
  let batches = 0;
  let sumOfMeans = 0;
  let sumOfSquares = 0;
  for (let e = 0; e < epochs; e++) {
    let epochSum = 0;
    let epochBatches = 0;
    for (let k = sampler.batchesPerEpoch; k > 0; k--) {
      const start = sampler.take();
      if (sampler.count !== sampler.batchSize) continue;
      source.batchGrad(w1, w2, sampler.order, start, sampler.count, g);
      epochSum += (g[0] - mean[0]) ** 2 + (g[1] - mean[1]) ** 2;
      epochBatches++;
    }
    total += epochSum;
    batches += epochBatches;
    const m = epochSum / epochBatches;
    sumOfMeans += m;
    sumOfSquares += m * m;
  }
  const meanOfMeans = sumOfMeans / epochs;
  const spread = epochs > 1 ? Math.max(0, (sumOfSquares - epochs * meanOfMeans * meanOfMeans) / (epochs - 1)) : 0;
  return { value: total / batches, standardError: Math.sqrt(spread / epochs), batches };
}

/** The batch sizes compared: 1, 2, 4, … up to n, and n itself (the full batch). */
export function batchSizesUpTo(n: number): number[] {
  const sizes: number[] = [];
  for (let b = 1; b < n; b *= 2) sizes.push(b);
  sizes.push(n);
  return sizes;
}

export interface VarianceRow {
  batchSize: number;
  exact: number;
  sampled: SampledVariance;
}

export interface VarianceComparison {
  /** σ²: one example's gradient variance (the B = 1 value, and the 1/B line's height at B = 1). */
  exampleVariance: number;
  n: number;
  rows: VarianceRow[];
}

/** What a comparison measures: a point, the sampler's seed, and how long each estimate samples. */
export interface ComparisonSpec {
  w1: number;
  w2: number;
  seed: number;
  /** At least this many epochs per estimate (its standard error needs several). */
  epochs: number;
  /** And at least this many full batches (large B has few per epoch: 2 at B = n/2). */
  minBatches?: number;
}

/** One batch size's row: the exact variance and the sampled estimate, given the examples' spread at the point. */
export function varianceRow(source: BatchSource, spec: ComparisonSpec, spread: ExampleSpread, batchSize: number): VarianceRow {
  const { n } = source;
  const epochs = Math.max(spec.epochs, Math.ceil((spec.minBatches ?? 0) / Math.floor(n / batchSize)));
  return {
    batchSize,
    exact: exactBatchVariance(spread.variance, n, batchSize),
    sampled: sampledBatchVariance(source, spec.w1, spec.w2, spread.mean, batchSize, spec.seed, epochs),
  };
}

/** Exact and sampled variance of the mini-batch gradient at (w1, w2) for B = 1, 2, 4, …, n. */
export function compareBatchSizes(source: BatchSource, spec: ComparisonSpec): VarianceComparison {
  const spread = exampleSpread(source, spec.w1, spec.w2);
  const rows = batchSizesUpTo(source.n).map((b) => varianceRow(source, spec, spread, b));
  return { exampleVariance: spread.variance, n: source.n, rows };
}
