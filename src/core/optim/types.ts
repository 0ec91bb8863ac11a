import type { ParamSpecs } from "../params";

/**
 * Running state of one optimizer on one parameter vector.
 *
 * `step` updates `x` in place from the gradient `g` at learning rate `lr`
 * (the schedule's value for this step). `g` is scratch: the optimizer may
 * overwrite it (e.g. to add L2 weight decay). Implementations keep their
 * state in typed arrays created once, so stepping never allocates.
 */
export interface OptimizerState {
  step(x: Float64Array, g: Float64Array, lr: number): void;
  /**
   * Optional: where the gradient must be evaluated for the next step
   * (look-ahead optimizers such as the seeds' NAG). Writes that point into `out`.
   * When absent the engine evaluates the gradient at `x`.
   */
  gradientPoint?(x: Float64Array, out: Float64Array): void;
  /** Optional read-only view of the internal state (moments, step count) for inspection. */
  inspect?(): Readonly<Record<string, number | Float64Array>>;
}

export interface OptimizerDef<P = Record<string, number | boolean>> {
  name: string;
  displayName: string;
  /** Paper or framework behaviour this reproduces. */
  cite: string;
  params: ParamSpecs;
  /** Exact update rule as a LaTeX string (KaTeX `aligned` body), the formula this code runs. */
  latex: string;
  create(params: P, dim: number): OptimizerState;
}
