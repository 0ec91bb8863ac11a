/** A known stationary point of a surface. */
export interface CriticalPoint {
  point: readonly [number, number];
  value: number;
  kind: "global" | "local" | "saddle";
}

/** What a run on a data surface samples its gradients from (Run reads it when the run sets a batch size). */
export interface BatchSource {
  /** Examples in the full batch. */
  n: number;
  /** Mean gradient over order[start .. start + count). */
  batchGrad(w1: number, w2: number, order: Uint32Array, start: number, count: number, out: Float64Array): void;
}

/**
 * A 2D test surface carrying its own analytic derivatives (f, grad, hessian together,
 * as in distill's "Why Momentum Really Works"). Derivative functions write into `out`
 * so the engine's hot loop never allocates.
 */
export interface Surface {
  name: string;
  displayName: string;
  /** LaTeX formula of f(x, y). */
  latex: string;
  f(x: number, y: number): number;
  /** out[0] = ∂f/∂x, out[1] = ∂f/∂y */
  grad(x: number, y: number, out: Float64Array): void;
  /** out[0] = ∂²f/∂x², out[1] = ∂²f/∂x∂y, out[2] = ∂²f/∂y² */
  hessian(x: number, y: number, out: Float64Array): void;
  /** Default view. */
  domain: { x: readonly [number, number]; y: readonly [number, number] };
  start: readonly [number, number];
  /** Known minima (global and local) with their values, and notable saddles. */
  critical: readonly CriticalPoint[];
  /** Lower bound of f used for log-spaced contour levels (usually the global minimum value). */
  floor: number;
  /** Short note shown in the UI (what the surface teaches). */
  note: string;
  /** A data surface's mini-batch gradients (f is then the full-batch loss); absent elsewhere. */
  batches?: BatchSource;
}
