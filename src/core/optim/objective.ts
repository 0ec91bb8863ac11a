import type { Surface } from "../surfaces/types";

/** How many times a run evaluated the objective, by kind. */
export interface Evaluations {
  f: number;
  grad: number;
  hessian: number;
}

/**
 * The objective as an optimizer step may call it. Steps that evaluate the function
 * themselves (a line search, Newton's Hessian, a look-ahead) go through this so every
 * evaluation is counted; the engine takes its per-step gradient through it too.
 * The Hessian is the packed upper triangle, row by row: [h00, h01, h11] in 2D.
 */
export interface Objective {
  readonly dim: number;
  value(x: Float64Array): number;
  gradient(x: Float64Array, out: Float64Array): void;
  hessian(x: Float64Array, out: Float64Array): void;
  readonly evaluations: Readonly<Evaluations>;
}

/** A 2D surface as a counting Objective. */
export class SurfaceObjective implements Objective {
  readonly dim = 2;
  readonly evaluations: Evaluations = { f: 0, grad: 0, hessian: 0 };

  constructor(private readonly surface: Surface) {}

  value(x: Float64Array): number {
    this.evaluations.f++;
    return this.surface.f(x[0], x[1]);
  }

  gradient(x: Float64Array, out: Float64Array): void {
    this.evaluations.grad++;
    this.surface.grad(x[0], x[1], out);
  }

  hessian(x: Float64Array, out: Float64Array): void {
    this.evaluations.hessian++;
    this.surface.hessian(x[0], x[1], out);
  }
}
