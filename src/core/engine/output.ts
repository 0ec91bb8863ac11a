import type { SurfaceRef } from "../surfaces";
import type { Experiment } from "../experiment/types";
import { Race, type RaceOptions } from "./race";
import type { RunMetrics, RunStatus } from "./run";

export interface RunOutput {
  id: string;
  status: RunStatus;
  /** Recorded points, start first (steps + 1 of them unless the run diverged or was thinned). */
  points?: [number, number][];
  /** f at each point. */
  loss?: number[];
  /** lr[i]: the lr used by the step leaving points[i]. */
  lr?: number[];
  gradNorm?: number[];
  /** Step index of each point; present only when the trace was thinned. */
  step?: number[];
  metrics: RunMetrics;
}

export interface RaceOutput {
  surface: SurfaceRef;
  steps: number;
  runs: RunOutput[];
}

/** Runs an experiment to the end and reports it in the headless runner's JSON shape. */
export function runExperiment(experiment: Experiment, opts: RaceOptions & { summary?: boolean } = {}): RaceOutput {
  const race = new Race(experiment, { ...opts, trace: opts.trace ?? !opts.summary }).finish();
  return {
    surface: experiment.surface,
    steps: experiment.steps,
    runs: race.runs.map((run) => {
      const metrics = run.metrics(race.totalSteps);
      const out: RunOutput = { id: run.id, status: metrics.status, metrics };
      if (!opts.summary) {
        const a = run.trace.toArrays();
        out.points = a.points;
        out.loss = a.loss;
        const attempted = run.stepRecords();
        out.lr = a.lr.slice(0, attempted);
        out.gradNorm = a.gradNorm.slice(0, attempted);
        if (run.trace.stride > 1) out.step = a.step;
      }
      return out;
    }),
  };
}
