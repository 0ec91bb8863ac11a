import { dot, strongWolfe } from "./strongWolfe";

export interface LbfgsParams {
  /** The lr when `step` is given none (the engine passes the schedule's η_t each step). */
  lr: number;
  historySize: number;
  lineSearch: "none" | "strongWolfe";
  toleranceGrad: number;
  toleranceChange: number;
}

/** f and ∇f at `x` (one evaluation, as PyTorch's closure); writes the gradient into `g`. */
export type Closure = (x: Float64Array, g: Float64Array) => number;


/**
 * torch.optim.LBFGS with max_iter = 1: `step` is one call of `LBFGS.step(closure)`, its
 * state (direction, step, curvature pairs, previous gradient) carried to the next call as
 * PyTorch keeps it in `optimizer.state`. The caller has already evaluated f and ∇f at x
 * (the closure call every PyTorch step opens with); a line search evaluates more, through
 * `closure`, and `step` returns how many it made.
 */
export class LbfgsStep {
  /** PyTorch's state['n_iter']: iterations run so far. */
  iterations = 0;
  /** The last direction and step length (state['d'], state['t']). */
  readonly d: Float64Array;
  t = 0;
  /** Curvature pairs, oldest first: y (old_dirs), s (old_stps) and 1/(y·s) (ro). */
  readonly ys: Float64Array[] = [];
  readonly ss: Float64Array[] = [];
  readonly ro: number[] = [];
  /** Scale of the initial inverse Hessian, y·s / y·y of the newest pair. */
  hDiag = 1;
  readonly prevGrad: Float64Array;
  private readonly q: Float64Array;
  private readonly al: Float64Array;
  private readonly trial: Float64Array;

  /** `d` and `prevGrad` may be handed in (an optimizer's state arena, so they are inspected and checked). */
  constructor(
    readonly params: LbfgsParams,
    readonly dim: number,
    vectors: { d?: Float64Array; prevGrad?: Float64Array } = {},
  ) {
    this.d = vectors.d ?? new Float64Array(dim);
    this.prevGrad = vectors.prevGrad ?? new Float64Array(dim);
    this.q = new Float64Array(dim);
    this.al = new Float64Array(params.historySize);
    this.trial = new Float64Array(dim);
  }

  /**
   * One LBFGS.step(closure) from x, where f = f(x) and g = ∇f(x): moves x in place and
   * returns the evaluations the step made beyond that first one (the line search's).
   */
  step(x: Float64Array, f: number, g: Float64Array, closure: Closure, lr = this.params.lr): number {
    const r = this.plan(x, f, g, closure, lr);
    if (r.moves) for (let i = 0; i < x.length; i++) x[i] += this.t * this.d[i];
    return r.evaluations;
  }

  /**
   * Everything of LBFGS.step but the move: updates the curvature pairs, sets the direction
   * `d` and the step length `t` (after the line search, if any). `moves` is false when
   * PyTorch returns without moving (gradient below toleranceGrad, or d not downhill).
   */
  plan(x: Float64Array, f: number, g: Float64Array, closure: Closure, lr: number): { moves: boolean; evaluations: number } {
    const { params, d, q, al } = this;
    let gMax = 0;
    for (let i = 0; i < g.length; i++) gMax = Math.max(gMax, Math.abs(g[i]));
    if (gMax <= params.toleranceGrad) return { moves: false, evaluations: 0 };

    this.iterations++;
    if (this.iterations === 1) {
      for (let i = 0; i < d.length; i++) d[i] = -g[i];
      this.ys.length = this.ss.length = this.ro.length = 0;
      this.hDiag = 1;
    } else {
      const y = new Float64Array(this.dim);
      const s = new Float64Array(this.dim);
      for (let i = 0; i < y.length; i++) {
        y[i] = g[i] - this.prevGrad[i];
        s[i] = d[i] * this.t;
      }
      const ys = dot(y, s);
      if (ys > 1e-10) {
        if (this.ys.length === params.historySize) {
          this.ys.shift();
          this.ss.shift();
          this.ro.shift();
        }
        this.ys.push(y);
        this.ss.push(s);
        this.ro.push(1 / ys);
        this.hDiag = ys / dot(y, y);
      }
      // The two-loop recursion: d = −H·g with H the L-BFGS inverse-Hessian estimate.
      for (let i = 0; i < q.length; i++) q[i] = -g[i];
      for (let k = this.ys.length - 1; k >= 0; k--) {
        al[k] = dot(this.ss[k], q) * this.ro[k];
        const a = -al[k];
        const yk = this.ys[k];
        for (let i = 0; i < q.length; i++) q[i] += a * yk[i];
      }
      for (let i = 0; i < d.length; i++) d[i] = q[i] * this.hDiag;
      for (let k = 0; k < this.ys.length; k++) {
        const be = dot(this.ys[k], d) * this.ro[k];
        const a = al[k] - be;
        const sk = this.ss[k];
        for (let i = 0; i < d.length; i++) d[i] += a * sk[i];
      }
    }
    this.prevGrad.set(g);

    if (this.iterations === 1) {
      let l1 = 0;
      for (let i = 0; i < g.length; i++) l1 += Math.abs(g[i]);
      this.t = Math.min(1, 1 / l1) * lr;
    } else this.t = lr;

    const gtd = dot(g, d);
    if (gtd > -params.toleranceChange) return { moves: false, evaluations: 0 };

    let evaluations = 0;
    if (params.lineSearch === "strongWolfe") {
      const trial = this.trial;
      const r = strongWolfe(
        (t, gOut) => {
          for (let i = 0; i < x.length; i++) trial[i] = x[i] + t * d[i];
          return closure(trial, gOut);
        },
        d,
        this.t,
        f,
        g,
        gtd,
        params.toleranceChange,
      );
      this.t = r.t;
      evaluations = r.evaluations;
    }
    return { moves: true, evaluations };
  }
}
