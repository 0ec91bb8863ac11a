import { requireSurface } from "../surfaces";
import type { Surface } from "../surfaces/types";
import type { Experiment } from "../experiment/types";
import { minimaOf } from "./minima";
import { resolveRun } from "./resolveRun";
import { Run } from "./run";

export interface RaceOptions {
  /** Records kept per run before thinning (even, ≥ 2). */
  traceCap?: number;
  /** False: keep no per-step records, only each run's latest point (`race --summary`). Default true. */
  trace?: boolean;
}

/**
 * Several runs on one surface, advanced in lockstep: after `advance(n)` every run that
 * has not diverged has taken the same number of steps. The experiment must already be
 * valid (see validateExperiment).
 */
export class Race {
  readonly surface: Surface;
  readonly runs: Run[];
  readonly totalSteps: number;
  step = 0;

  constructor(readonly experiment: Experiment, options: RaceOptions = {}) {
    const surface = requireSurface(experiment.surface);
    this.surface = surface;
    this.totalSteps = experiment.steps;
    const minima = minimaOf(surface);
    this.runs = experiment.runs.map((spec) => new Run(resolveRun(spec, experiment), minima, { cap: options.traceCap, expectedSteps: experiment.steps, records: options.trace ?? true }));
  }

  get done(): boolean {
    return this.step >= this.totalSteps || this.runs.every((r) => r.status === "diverged");
  }

  /** Advances every live run by up to `n` steps (never past the horizon); returns steps taken. */
  advance(n: number): number {
    const end = Math.min(this.totalSteps, this.step + n);
    const taken = end - this.step;
    const runs = this.runs;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      for (let t = this.step; t < end; t++) if (!run.step()) break;
    }
    this.step = end;
    return taken;
  }

  /** Runs to the end. */
  finish(): this {
    this.advance(this.totalSteps - this.step);
    return this;
  }
}
