import { GaussianNoise } from "../engine/noise";

/** The two-parameter models a stochastic surface is the loss of. */
export type ModelKind = "linearRegression" | "logisticRegression";

export interface DatasetSpec {
  model: ModelKind;
  /** Number of examples (the full batch). */
  n: number;
  /** Seed of the generator: the same seed gives the same data everywhere. */
  seed: number;
}

/**
 * A dataset of n examples with two features each (a, b) and a target t:
 * - linearRegression: a ~ N(0, 1), b = 1 (the intercept's feature), t = 2a − 1 + 0.5·N(0, 1);
 *   the model a·w₁ + b·w₂ has the weights (slope, intercept), true weights (2, −1) — seed
 *   003's batch-size exercise in two weights instead of five.
 * - logisticRegression: two overlapping Gaussian blobs around ±(1, 0.5) with unit spread,
 *   label t ∈ {0, 1}; the model σ(a·w₁ + b·w₂). Overlapping, so the loss has a finite minimum.
 */
export interface Dataset {
  spec: DatasetSpec;
  a: Float64Array;
  b: Float64Array;
  t: Float64Array;
  /** The weights the data was generated from (linear regression) or the blobs' direction (logistic). */
  trueWeights: [number, number];
}

export function makeDataset(spec: DatasetSpec): Dataset {
  const { n, seed, model } = spec;
  const rng = new GaussianNoise(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const t = new Float64Array(n);
  if (model === "linearRegression") {
    for (let i = 0; i < n; i++) {
      a[i] = rng.normal();
      b[i] = 1;
      t[i] = 2 * a[i] - 1 + 0.5 * rng.normal();
    }
    return { spec, a, b, t, trueWeights: [2, -1] };
  }
  for (let i = 0; i < n; i++) {
    const label = rng.uniform() < 0.5 ? 0 : 1;
    const sign = label === 1 ? 1 : -1;
    a[i] = sign * 1 + rng.normal();
    b[i] = sign * 0.5 + rng.normal();
    t[i] = label;
  }
  return { spec, a, b, t, trueWeights: [1, 0.5] };
}
