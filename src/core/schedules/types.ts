import type { ParamSpecs, ParamValues } from "../params";

/**
 * A learning-rate schedule instance for one run. `lr(t)` is the learning rate used by
 * step t (t counted from 0). Closed-form schedules answer any t in any order;
 * stateful ones (reduceOnPlateau) must be asked in order and fed the loss of each
 * step through `observe`, exactly as `scheduler.step(loss)` after `opt.step()`.
 */
export interface Schedule {
  lr(t: number): number;
  observe?(loss: number): void;
  /** True when lr(t) depends on the losses observed (cannot be planned ahead). */
  readonly adaptive: boolean;
}

export interface ScheduleDef {
  name: string;
  displayName: string;
  cite: string;
  params: ParamSpecs;
  /**
   * Formula as LaTeX, in terms of the base learning rate \eta_0 and step t: the body of
   * a KaTeX `aligned` environment (rows separated by `\\`, aligned on `&`), as for optimizers.
   */
  latex: string;
  /**
   * Optional cross-field validation, for rules a single ParamSpec cannot state
   * (piecewise: values has one more entry than boundaries; cosine: etaMin ≤ the run's lr).
   * Run after every field passed its own spec; parameters left out count as their spec
   * default. Rules that need the run's lr or the horizon apply when `context` gives them.
   * Returns the field at fault and what is allowed, or null when the combination is valid;
   * together with the specs' ranges it guarantees lr(t) finite and ≥ 0 for every t the
   * schedule runs. Schedules without it have no cross-field rules.
   */
  check?(params: ParamValues, context?: ScheduleContext): ParamProblem | null;
  /**
   * `baseLr` is the optimizer's lr (the base or peak of the schedule). Parameters left
   * out take their spec default; values are assumed valid (spec ranges and `check`).
   */
  create(params: ParamValues, baseLr: number): Schedule;
}

/** What a schedule's cross-field check may compare against besides its own parameters. */
export interface ScheduleContext {
  /** The run's base learning rate (the optimizer's lr). */
  lr: number;
  /** Steps the schedule itself runs (the race's steps minus any warmup). */
  steps?: number;
}

/** A cross-field rule broken: the parameter at fault and what is allowed (no value: the caller shows it). */
export interface ParamProblem {
  field: string;
  message: string;
}
