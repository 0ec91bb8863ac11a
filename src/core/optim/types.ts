import type { BooleanParam, EnumParam, NumberListParam, NumberParam, ParamSpecs, ParamValues } from "../params";
import type { Objective } from "./objective";
import type { Symbols } from "./transform";

/**
 * Running state of one optimizer on one parameter vector.
 *
 * `step` updates `x` in place from the gradient `g` at learning rate `lr` (the schedule's
 * η_t for this step); `loss` is f(x), which the engine already has (L-BFGS's line search
 * compares against it). `g` is scratch: the optimizer may overwrite it (e.g. to add L2
 * weight decay). State lives in typed arrays created once, so stepping never allocates.
 */
export interface OptimizerState {
  step(x: Float64Array, g: Float64Array, lr: number, loss?: number): void;
  /**
   * Optional: where the gradient must be evaluated for the next step (look-ahead
   * optimizers such as the seeds' NAG). Writes that point into `out`. When absent the
   * engine evaluates the gradient at `x`. The engine's noise and clipping apply to the
   * gradient taken there, as they would in a training loop.
   */
  gradientPoint?(x: Float64Array, out: Float64Array): void;
  /**
   * False once any internal state (a moment, an accumulator, a step size) is NaN or ±∞.
   * Such a run can look finite while it is dead (v = ∞ makes every Adam update 0, so x
   * freezes): the engine ends it as diverged. Cheap: a few reads per state array.
   */
  finite(): boolean;
  /** Read-only view of the internal state (moments, step count) for inspection and tests. */
  inspect(): Readonly<Record<string, number | Float64Array>>;
  /**
   * The pieces the last step's final transform read: x_{t+1} = x_t − scale · num / den
   * (den null: no denominator), and η_t. Views of the optimizer's own vectors, valid until
   * the next step (the step inspector copies them). Read-only: never needed by the race.
   */
  terms(): StepTerms;
}

/** See OptimizerState.terms. */
export interface StepTerms {
  num: Float64Array;
  den: Float64Array | null;
  scale: number;
  eta: number;
}

/** A parameter's spec kind, from the type of its value. */
export type SpecFor<V> = V extends boolean
  ? BooleanParam
  : V extends number
    ? NumberParam
    : V extends string
      ? EnumParam
      : V extends readonly number[]
        ? NumberListParam
        : never;

/** Specs keyed exactly by P's keys, each of the kind P's value needs: a mismatch is a compile error. */
export type SpecsFor<P> = { readonly [K in keyof P]-?: SpecFor<P[K]> };

/**
 * One registry entry. The registry holds them type-erased (params as ParamValues); each is
 * built by `defineOptimizer`, which ties its specs, its transforms and its update rule to
 * one typed parameter record.
 */
export interface OptimizerDef {
  name: string;
  displayName: string;
  /** Paper or framework behaviour this reproduces. */
  cite: string;
  params: ParamSpecs;
  /**
   * The update rule as LaTeX (KaTeX `aligned` body): the rows of the transforms that run,
   * in order. Time index: step t (t = 0, 1, …; the schedule's η_t) reads x_t, evaluates
   * g_t = ∇f(x_t) and writes x_{t+1}; state written by step t carries t + 1, so PyTorch's
   * step counter (incremented before use) appears as t + 1.
   */
  latex: string;
  /** Names of the transforms, in the order they run (for tests and the docs). */
  transforms: readonly string[];
  /**
   * The symbols of num, den and scale the terminal transform reads (threaded through the
   * rule as for `latex`), so the step inspector names the numbers of StepTerms as the rule does.
   * Only a terminal `descend` step is x − scale · num / den; `terminal` says which one ends the chain.
   */
  symbols: Symbols;
  terminal: string;
  /**
   * A fresh state for a `dim`-dimensional parameter. Values are assumed valid (the
   * experiment schema checks them); missing ones take their spec default. `objective`
   * is what a step that evaluates the function itself (a look-ahead, a line search,
   * Newton's Hessian) calls; it counts every evaluation.
   */
  create(params: Readonly<ParamValues>, dim: number, objective?: Objective): OptimizerState;
}
