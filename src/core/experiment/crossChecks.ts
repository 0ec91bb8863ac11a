import { resolveOptimizer } from "../engine/resolveRun";
import type { ParamValues } from "../params";
import { createSchedule, getSchedule } from "../schedules";
import { getSurface } from "../surfaces";
import type { Experiment, RunSpec } from "./types";

/** A rule broken, at a path of the input. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

type RunInput = Omit<RunSpec, "id"> & { id?: string };

/** Steps at which a schedule is probed for a non-finite or negative lr: where its formulas peak. */
function probeSteps(steps: number, warmup: number): number[] {
  const ts = [0, 1, warmup - 1, warmup, warmup + 1, steps - 1];
  for (let k = 1; k < 64; k++) ts.push(Math.floor((k * steps) / 64));
  return ts.filter((t) => t >= 0 && t < steps);
}

/**
 * Rules that join fields, run once every field is valid on its own: unique run ids, each
 * schedule against its run's lr and the horizon (its own `check`, then the lr it yields at
 * the steps where its formula peaks), and a start whose loss is not finite.
 */
export function crossChecks(exp: Omit<Experiment, "runs"> & { runs: readonly RunInput[] }): Issue[] {
  const issues: Issue[] = [];
  const firstWithId = new Map<string, number>();
  exp.runs.forEach((run, i) => {
    if (run.id === undefined) return;
    const first = firstWithId.get(run.id);
    if (first === undefined) firstWithId.set(run.id, i);
    else issues.push({ path: ["runs", i, "id"], message: `must be unique; runs[${first}] already has this id` });
  });

  exp.runs.forEach((run, i) => {
    if (!run.schedule) return;
    const { name, warmup = 0, ...params } = run.schedule;
    const def = getSchedule(name)!;
    const lr = resolveOptimizer(run.optimizer).params.lr;
    const problem = def.check?.(params as ParamValues, { lr, steps: exp.steps - warmup });
    if (problem) {
      issues.push({ path: ["runs", i, "schedule", problem.field], message: problem.message });
      return;
    }
    const schedule = createSchedule(run.schedule, lr);
    for (const t of probeSteps(exp.steps, warmup)) {
      const v = schedule.lr(t);
      if (Number.isFinite(v) && v >= 0) continue;
      // The schedule's own rules passed, so the lr itself is what is out of reach (e.g. 1e308·2 overflows).
      const where = run.optimizer.lr === undefined ? ["runs", i, "schedule"] : ["runs", i, "optimizer", "lr"];
      issues.push({ path: where, message: `makes the ${name} schedule's lr ${v} at step ${t}; a smaller lr keeps it finite` });
      break;
    }
  });

  const surface = getSurface(exp.surface)!;
  const lossNotFinite = (p: readonly [number, number]) => !Number.isFinite(surface.f(p[0], p[1]));
  const message = `gives a loss that is not finite on ${exp.surface}`;
  if (exp.start && exp.runs.some((r) => !r.start) && lossNotFinite(exp.start)) issues.push({ path: ["start"], message });
  exp.runs.forEach((run, i) => {
    if (run.start && lossNotFinite(run.start)) issues.push({ path: ["runs", i, "start"], message });
  });
  return issues;
}
