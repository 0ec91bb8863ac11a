import { applyClip } from "../optim/clip";
import { SurfaceObjective, type Evaluations } from "../optim/objective";
import type { OptimizerState, StepTerms } from "../optim/types";
import type { Schedule } from "../schedules/types";
import type { CriticalPoint, Surface } from "../surfaces/types";
import type { ClipSpec, RunSpec } from "../experiment/types";
import { BatchSampler } from "../data/batchSampler";
import { GaussianNoise } from "./noise";
import { Trace } from "./trace";
import { metricsOf, statusOf, type MetricsContext } from "./metricsAt";
import { MIN_NORMAL, norm2, withinTolerance } from "./minima";
import type { ResolvedRun } from "./resolveRun";

export type RunStatus = "running" | "converged" | "finished" | "diverged";

/**
 * What the step inspector (inspect.ts) reads inside a step, at the points where the
 * engine has it: the gradient as evaluated (`point`: where), then as the optimizer gets it
 * (after noise and clipping). The arrays are the engine's own; copy, never write.
 */
export interface StepTap {
  gradient(point: Float64Array, g: Float64Array): void;
  used(g: Float64Array): void;
}

/** A coordinate beyond this (or any non-finite value) ends a run as diverged. */
export const DIVERGENCE_LIMIT = 1e6;

const beyondLimit = (x: number, y: number) => !(Math.abs(x) <= DIVERGENCE_LIMIT && Math.abs(y) <= DIVERGENCE_LIMIT);

/**
 * A run's numbers (what the CLI prints and the leaderboard shows). Every number is finite:
 * the point is the last finite one, distances never overflow (norm2). The two nulls are
 * answers, not missing numbers.
 */
export interface RunMetrics {
  /** Steps taken, counting a step that blew up (it was attempted). */
  steps: number;
  finalPoint: [number, number];
  /** f at finalPoint (validation refuses a start where f is not finite). */
  finalLoss: number;
  /** null: the surface knows no minimum (saddle); then distance is null too. */
  nearestMinimum: { index: number; point: [number, number]; value: number; kind: CriticalPoint["kind"] } | null;
  distance: number | null;
  /** First step within the tolerance of a known minimum; null: not reached. */
  stepsToTolerance: number | null;
  pathLength: number;
  status: RunStatus;
  /** With mini-batches: passes over the dataset (examples drawn / its size). */
  epochs?: number;
  /**
   * Objective evaluations the run asked for, counted as PyTorch counts closure calls (f with
   * its gradient is one): one per step for first-order methods, more where a line search
   * runs. The loss recorded after each step for display is not counted, nor Newton's Hessian.
   * Absent for a step the timeline scrubbed to (only the live run knows it).
   */
  evaluations?: number;
}

/**
 * One run of the race: one optimizer, schedule, clip and noise from one start.
 * The order within a step is PyTorch's: gradient, noise, clip, optimizer step at the
 * schedule's lr, scheduler fed the loss (the lr is read before clipping only so that a
 * refused step still records it; it does not depend on the gradient). `step` never allocates.
 */
export class Run {
  readonly id: string;
  readonly spec: RunSpec;
  readonly surface: Surface;
  readonly trace: Trace;
  status: RunStatus = "running";
  stepsDone = 0;
  pathLength = 0;
  stepsToTolerance: number | null = null;

  private readonly x = new Float64Array(2);
  private readonly g = new Float64Array(2);
  private readonly probe = new Float64Array(2);
  private readonly opt: OptimizerState;
  private readonly schedule: Schedule;
  private readonly noise: GaussianNoise | null;
  private readonly noiseStd: number;
  /** A run with a batch size on a data surface: its own seeded mini-batch stream (null: the full gradient). */
  private readonly sampler: BatchSampler | null;
  private readonly clip: ClipSpec | undefined;
  private readonly tolerance: number;
  /** What a step that evaluates the function itself calls (it counts those evaluations). */
  private readonly objective: SurfaceObjective;
  /** Whether the last step was refused before the update (so it evaluated ∇f but not f). */
  private refusedBeforeUpdate = false;
  private loss: number;
  /** Null in a race; set by the step inspector, which replays a run (one test per step). */
  tap: StepTap | null = null;
  /** The optimizer's last step's pieces (see OptimizerState.terms). */
  terms(): StepTerms {
    return this.opt.terms();
  }

  /** `minima`: the surface's (see minimaOf), passed in so a race computes them once. */
  constructor(
    readonly resolved: ResolvedRun,
    private readonly minima: readonly CriticalPoint[],
    trace: { cap?: number; expectedSteps?: number; records?: boolean } = {},
  ) {
    const { spec, surface, start } = resolved;
    this.id = resolved.id;
    this.spec = spec;
    this.surface = surface;
    this.tolerance = resolved.tolerance;
    this.objective = new SurfaceObjective(surface);
    this.opt = resolved.optimizer.def.create(resolved.optimizer.params, 2, this.objective);
    this.schedule = resolved.schedule.create();
    this.noise = resolved.noise ? new GaussianNoise(resolved.noise.seed) : null;
    this.noiseStd = resolved.noise?.std ?? 0;
    this.sampler = resolved.batch && surface.batches ? new BatchSampler(surface.batches.n, resolved.batch.size, resolved.batch.seed) : null;
    this.clip = resolved.clip ?? undefined;
    this.x[0] = start[0];
    this.x[1] = start[1];
    this.loss = surface.f(start[0], start[1]);
    this.trace = new Trace(trace.cap, (trace.expectedSteps ?? 0) + 1, trace.records ?? true);
    this.trace.push(0, start[0], start[1], this.loss);
    // A start where f is not finite, or beyond the divergence limit, is diverged before any step.
    if (!Number.isFinite(this.loss) || beyondLimit(start[0], start[1])) this.status = "diverged";
    else if (withinTolerance(minima, start[0], start[1], this.tolerance)) this.stepsToTolerance = 0;
  }

  /**
   * How many recorded points carry the lr and |∇f| of a step taken from them: every point
   * but the last, plus the last when the step from it blew up (that step was attempted).
   */
  stepRecords(): number {
    const blewUp = this.status === "diverged" && this.stepsDone > this.trace.last.step;
    return this.trace.length - (blewUp ? 0 : 1);
  }

  /** Every evaluation of f, ∇f and the Hessian so far: the engine's and the optimizer's own. */
  evaluations(): Evaluations {
    // The engine's own, counted from the steps rather than in the hot loop: ∇f once per step
    // attempted, f at the start and after every update.
    const own = this.objective.evaluations;
    const f = 1 + this.stepsDone - (this.refusedBeforeUpdate ? 1 : 0);
    return { f: f + own.f, grad: this.stepsDone + own.grad, hessian: own.hessian };
  }

  /** The optimizer's internal state (see OptimizerState.inspect). */
  optimizerState(): Readonly<Record<string, number | Float64Array>> {
    return this.opt.inspect();
  }

  get point(): [number, number] {
    return [this.x[0], this.x[1]];
  }

  /**
   * Takes one step; returns false when the run has stopped (diverged). A step is refused,
   * ending the run as diverged with x left at its last finite point, when anything it
   * computes is not finite: the gradient's squared norm after noise (an Adam second moment
   * or a clip_grad_norm_ total would overflow with it, and the run would freeze, not
   * finish), the schedule's lr, the optimizer's state, the new point or its loss.
   */
  step(): boolean {
    if (this.status === "diverged") return false;
    const { x, g, surface } = this;
    const t = this.stepsDone;
    const at = this.opt.gradientPoint ? this.probe : x;
    if (this.opt.gradientPoint) this.opt.gradientPoint(x, this.probe);
    if (this.sampler) {
      // The mean gradient of the next mini-batch (the recorded |∇f| is then that batch's).
      const start = this.sampler.take();
      surface.batches!.batchGrad(at[0], at[1], this.sampler.order, start, this.sampler.count, g);
    } else surface.grad(at[0], at[1], g);
    if (this.tap) this.tap.gradient(at, g);
    // |∇f| from the square the blow-up check needs anyway (norm2's own rule, without its second product).
    let sq = g[0] * g[0] + g[1] * g[1];
    const gradNorm = sq < Infinity && sq >= MIN_NORMAL ? Math.sqrt(sq) : norm2(g[0], g[1]);
    if (this.noise) {
      this.noise.addTo(g, this.noiseStd);
      sq = g[0] * g[0] + g[1] * g[1];
    }
    const lr = this.schedule.lr(t);
    this.trace.annotate(lr, gradNorm);
    // `sq < Infinity` is false for NaN too; lr - lr is 0 only for a finite lr.
    if (!(sq < Infinity) || lr - lr !== 0) {
      this.refusedBeforeUpdate = true;
      return this.blowUp(t);
    }
    if (this.clip) applyClip(g, this.clip);
    if (this.tap) this.tap.used(g);
    const px = x[0];
    const py = x[1];
    this.opt.step(x, g, lr, this.loss);
    this.schedule.observe?.(this.loss);
    const loss = surface.f(x[0], x[1]);
    // The state is read only when a coordinate did not move: with a finite gradient of finite
    // squared norm, every registry state but a running sum (Adagrad's Σg²) is a bounded
    // combination of finite values, and an overflowed sum divides that coordinate's update to
    // exactly 0 (it freezes); any other overflow reaches x as ±∞ or NaN. Checking every step
    // costs ~6% of Adam's speed. honest.property.test.ts holds every run that did not diverge
    // to a finite state (it found the one-frozen-coordinate case).
    if (x[0] - x[0] !== 0 || x[1] - x[1] !== 0 || loss - loss !== 0 || ((x[0] === px || x[1] === py) && !this.opt.finite())) {
      // Keep only finite points: the run ends at the last finite one.
      x[0] = px;
      x[1] = py;
      return this.blowUp(t);
    }
    this.stepsDone = t + 1;
    this.loss = loss;
    this.pathLength += norm2(x[0] - px, x[1] - py);
    this.trace.push(t + 1, x[0], x[1], loss);
    if (this.stepsToTolerance === null && withinTolerance(this.minima, x[0], x[1], this.tolerance)) this.stepsToTolerance = t + 1;
    if (beyondLimit(x[0], x[1])) {
      this.status = "diverged";
      return false;
    }
    return true;
  }

  /** Step t was attempted and blew up: it counts as taken (its lr and |∇f| are recorded), its point is not kept. */
  private blowUp(t: number): false {
    this.stepsDone = t + 1;
    this.status = "diverged";
    return false;
  }

  /** Status as of now: diverged, or converged/finished/running by the current point. */
  currentStatus(totalSteps: number): RunStatus {
    return statusOf(this.x[0], this.x[1], this.stepsDone, this.status === "diverged", this.metricsContext(totalSteps));
  }

  metrics(totalSteps: number): RunMetrics {
    const { x, stepsDone: steps, loss, stepsToTolerance, pathLength } = this;
    const m = metricsOf({ x: x[0], y: x[1], loss, steps, stepsToTolerance, pathLength, diverged: this.status === "diverged" }, this.metricsContext(totalSteps));
    const evaluations = this.evaluations().grad;
    return this.sampler ? { ...m, epochs: this.sampler.seen / this.sampler.n, evaluations } : { ...m, evaluations };
  }


  private metricsContext(totalSteps: number): MetricsContext {
    return { minima: this.minima, tolerance: this.tolerance, totalSteps };
  }
}
