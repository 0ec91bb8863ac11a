/**
 * The pieces optimizers are built from, after optax: small gradient transforms, each
 * with its own parameter specs, its own row(s) of the update rule, and a kernel over
 * state it takes once. `defineOptimizer` (chain.ts) fuses a list of them into one step.
 */
import type { Objective } from "./objective";
import type { SpecsFor } from "./types";

const EMPTY = new Float64Array(0);

/**
 * What the transforms of one step hand to each other: the update is
 * x ← x − scale · num / den (den absent: x ← x − scale · num), built up piece by piece.
 * A transform replaces `num` or `den` by pointing them at its own state (no copy);
 * the chain resets them each step (num = g, den = null, scale = η_t).
 */
export class Slots {
  /** The iterate x_t (decoupled decay and the final step write it). */
  x: Float64Array = EMPTY;
  /** The gradient g_t after the engine's noise and clipping (coupled L2 adds to it). */
  g: Float64Array = EMPTY;
  /** Numerator of the update direction. */
  num: Float64Array = EMPTY;
  /** Elementwise denominator (a preconditioner), or null for none. */
  den: Float64Array | null = null;
  /** η_t, the schedule's learning rate for this step. */
  eta = 0;
  /** Scalar factor of the update (η_t, possibly bias-corrected or decayed). */
  scale = 0;
  /** Steps taken before this one (t = 0 on the first step; PyTorch's counter is t + 1). */
  t = 0;
  /** f(x_t), which the engine already knows (a line search compares against it; NaN when not given). */
  loss = NaN;
}

/**
 * The symbols the update rule has reached, threaded through the transforms' `latex` as
 * the slots are threaded through their kernels: `num`, `den` and `scale` name what the
 * final step will use, so x's row is assembled from the pieces that ran before it.
 */
export interface Symbols {
  num: string;
  den: string | null;
  /** null: the step is not scaled (a transform folded η_t in already). */
  scale: string | null;
}

export interface TransformLatex {
  rows: string[];
  sym: Symbols;
}

/** A transform's per-run instance: a kernel over state it took from the InitContext. */
export interface TransformStep {
  update(s: Slots): void;
  /** Where the gradient is taken (look-ahead methods); see OptimizerState.gradientPoint. */
  gradientPoint?(x: Float64Array, out: Float64Array): void;
}

/**
 * What a transform's `init` gets. State vectors come from one arena per optimizer, so
 * inspect() names them and finite() scans them in one short loop (the engine may call it
 * every step); scratch vectors hold values recomputed each step (a denominator).
 */
export interface InitContext {
  readonly dim: number;
  /** A state vector named `name` (shown by inspect), `length` long (default dim), starting at `fill`. */
  state(name: string, fill?: number, length?: number): Float64Array;
  /** A dim-long vector that is not state. */
  scratch(): Float64Array;
  /** For steps that evaluate the function themselves (line searches, Newton): counts each call. */
  readonly objective?: Objective;
}

/** P: the parameters this transform reads. */
export interface Transform<P extends object> {
  readonly name: string;
  readonly params: SpecsFor<P>;
  /** Its rows of the update rule (KaTeX `aligned` rows), and the symbols after it. */
  latex(sym: Symbols): TransformLatex;
  /**
   * Takes its state from `ctx` for a `ctx.dim`-dimensional parameter. Returns null when its
   * parameters switch it off (weight decay 0, momentum 0, AMSGrad off): the fused step
   * then skips it rather than testing a flag every step.
   */
  init(p: Readonly<P>, ctx: InitContext): TransformStep | null;
  /** The terminal transform writes x_{t+1}; each chain has exactly one. */
  readonly terminal?: boolean;
  /** Runs after the terminal one, reading x_{t+1} (an average of the iterates); never writes x. */
  readonly after?: boolean;
}

/**
 * 1 − βᵗ⁺¹ as PyTorch computes it (`1 - beta ** step`, a pow), made cheap without
 * changing a bit: once βᵏ < 2⁻⁶⁰, 1 − βᵏ rounds to exactly 1 for every later k (any
 * value below 2⁻⁵⁴ does), so pow is no longer called. Adam with β₂ = 0.999 stops
 * calling pow after about 41,600 steps.
 */
export class BiasCorrection {
  /** True once 1 − β^k is exactly 1 for this and every later k. */
  done = false;

  constructor(private readonly beta: number) {}

  /** 1 − β^k for the step counter k (k ≥ 1). */
  at(k: number): number {
    if (this.done) return 1;
    const p = Math.pow(this.beta, k);
    if (p < 2 ** -60) this.done = true;
    return 1 - p;
  }
}
