import type { Dataset } from "./dataset";

/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * The loss of a two-weight model over a dataset: mean squared error (linear regression) or
 * mean binary cross-entropy (logistic regression), on the full batch (what the contours
 * show) or on the examples order[start .. start + count) (a mini-batch). Gradients write
 * into `out`; nothing allocates.
 */
export class DataObjective {
  readonly n: number;
  constructor(readonly data: Dataset) {
    this.n = data.a.length;
  }

  private get logistic(): boolean {
    return this.data.spec.model === "logisticRegression";
  }

  /** Loss of example i at (w1, w2). */
  private lossAt(i: number, w1: number, w2: number): number {
    const { a, b, t } = this.data;
    const z = a[i] * w1 + b[i] * w2;
    if (!this.logistic) {
      const r = z - t[i];
      return r * r;
    }
    // BCE with logits: t·softplus(−z) + (1 − t)·softplus(z).
    return t[i] === 1 ? softplus(-z) : softplus(z);
  }

  /** dLoss/dz of example i: the residual's factor (2r for squared error, σ(z) − t for BCE). */
  private slopeAt(i: number, w1: number, w2: number): number {
    const { a, b, t } = this.data;
    const z = a[i] * w1 + b[i] * w2;
    return this.logistic ? sigmoid(z) - t[i] : 2 * (z - t[i]);
  }

  /** Full-batch loss. */
  f(w1: number, w2: number): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.lossAt(i, w1, w2);
    return s / this.n;
  }

  /** Full-batch gradient. */
  grad(w1: number, w2: number, out: Float64Array): void {
    this.batchGrad(w1, w2, null, 0, this.n, out);
  }

  /** Full-batch Hessian [∂²/∂w1², ∂²/∂w1∂w2, ∂²/∂w2²]. */
  hessian(w1: number, w2: number, out: Float64Array): void {
    const { a, b } = this.data;
    let h0 = 0;
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < this.n; i++) {
      let c = 2;
      if (this.logistic) {
        const p = sigmoid(a[i] * w1 + b[i] * w2);
        c = p * (1 - p);
      }
      h0 += c * a[i] * a[i];
      h1 += c * a[i] * b[i];
      h2 += c * b[i] * b[i];
    }
    out[0] = h0 / this.n;
    out[1] = h1 / this.n;
    out[2] = h2 / this.n;
  }

  /**
   * Mean gradient over the examples order[start], …, order[start + count − 1] (order null:
   * examples start … start + count − 1).
   */
  batchGrad(w1: number, w2: number, order: Uint32Array | null, start: number, count: number, out: Float64Array): void {
    const { a, b } = this.data;
    let g0 = 0;
    let g1 = 0;
    for (let k = start; k < start + count; k++) {
      const i = order ? order[k] : k;
      const s = this.slopeAt(i, w1, w2);
      g0 += s * a[i];
      g1 += s * b[i];
    }
    out[0] = g0 / count;
    out[1] = g1 / count;
  }
}
