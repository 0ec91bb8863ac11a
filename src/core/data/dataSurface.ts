import type { BatchSource, Surface } from "../surfaces/types";
import { stationaryPoint } from "../surfaces/newton";
import { DataObjective } from "./dataObjective";
import { makeDataset, type DatasetSpec } from "./dataset";

export type { BatchSource };

/** A surface that is a dataset's loss, with the mini-batch gradients its runs sample. */
export type DataSurface = Surface & { batches: BatchSource; data: DatasetSpec };

const LATEX = {
  linearRegression: String.raw`L(w_1, w_2) = \frac{1}{n} \sum_{i=1}^{n} \bigl(w_1 a_i + w_2 - t_i\bigr)^2`,
  logisticRegression: String.raw`L(w_1, w_2) = \frac{1}{n} \sum_{i=1}^{n} \Bigl[\log\bigl(1 + e^{z_i}\bigr) - t_i z_i\Bigr],\ z_i = w_1 a_i + w_2 b_i`,
};

/**
 * The full-batch loss of a two-weight model on a seeded dataset as a surface: the contours
 * show it, the minimum is computed (Newton on the exact Hessian), and `batches` gives the
 * mini-batch gradients a run with a batch size samples instead of the full gradient.
 */
export function dataSurface(spec: DatasetSpec): DataSurface {
  const obj = new DataObjective(makeDataset(spec));
  // Both losses are convex: Newton from (0, 0) reaches their one minimum.
  const [m1, m2] = stationaryPoint(obj, 0, 0);
  const value = obj.f(m1, m2);
  const linear = spec.model === "linearRegression";
  return {
    name: spec.model,
    displayName: `${linear ? "Linear" : "Logistic"} regression (${spec.n} points, seed ${spec.seed})`,
    latex: LATEX[spec.model],
    f: (x, y) => obj.f(x, y),
    grad: (x, y, out) => obj.grad(x, y, out),
    hessian: (x, y, out) => obj.hessian(x, y, out),
    domain: { x: [m1 - 3, m1 + 3], y: [m2 - 3, m2 + 3] },
    start: [m1 - 2.5, m2 + 2.5],
    critical: [{ point: [m1, m2], value, kind: "global" }],
    floor: value,
    note: linear
      ? "Mean squared error of a line a·w₁ + w₂ fitted to noisy points (seed 003's batch-size exercise in two weights). Give a run a batch size to see mini-batch noise."
      : "Mean cross-entropy of a logistic classifier on two overlapping clouds. Give a run a batch size to see mini-batch noise.",
    batches: { n: obj.n, batchGrad: (w1, w2, order, start, count, out) => obj.batchGrad(w1, w2, order, start, count, out) },
    data: spec,
  };
}
