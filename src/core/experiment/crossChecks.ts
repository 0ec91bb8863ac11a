import { resolveOptimizer } from "../engine/resolveRun";
import type { ParamValues } from "../params";
import { getSchedule } from "../schedules";
import { getSurface, surfaceKey, surfaces } from "../surfaces";
import type { Experiment, RunSpec } from "./types";

/** A rule broken, at a path of the input. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** The surfaces with a dataset to draw mini-batches from. */
const DATA_SURFACES = Object.values(surfaces)
  .filter((s) => s.batches)
  .map((s) => s.name);

type RunInput = Omit<RunSpec, "id"> & { id?: string };

/**
 * The lr range a schedule may scale. Every schedule formula multiplies the lr by at most
 * the step count (a warmup's lr·t, t < MAX_STEPS = 1e8) or by 2 (a cosine's (lr − floor)·2),
 * so below the top nothing overflows; above the bottom every intermediate stays a normal
 * float, where halving is exact and a cosine cannot round below 0 (subnormals can). The
 * schedules' own `check`s cover their other parameters.
 */
export const SCHEDULED_LR = [1e-300, 1e300] as const;

/**
 * Rules that join fields, run once every field is valid on its own: unique run ids, an
 * optimizer parameter bounded by another (its spec's `atMost`), each schedule against its
 * run's lr and the horizon (its own `check`), and a start whose loss is not finite.
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

  if (exp.selected !== undefined && exp.runs.every((r) => r.id !== undefined)) {
    // Runs without an id get one from their optimizer later (runIds.ts); the engine ignores `selected`,
    // so only a list of explicit ids can be checked here and the app falls back to the first run.
    const ids = exp.runs.map((r) => r.id);
    if (!ids.includes(exp.selected)) issues.push({ path: ["selected"], message: `must be the id of one of the runs (${ids.join(", ")})` });
  }
  if (exp.step !== undefined && exp.step > exp.steps) issues.push({ path: ["step"], message: `must be ≤ steps (${exp.steps})` });

  // L-BFGS's curvature pairs and line search assume the exact gradient of the function it
  // evaluates: with a noisy or clipped one its pairs mix two functions. Refused, not guessed.
  exp.runs.forEach((run, i) => {
    if (run.optimizer.name !== "lbfgs") return;
    const inexact: [field: string, what: string, present: boolean][] = [
      ["noise", "the noise", run.noise !== undefined && run.noise.std > 0],
      ["clip", "the clipping", run.clip !== undefined],
      ["batchSize", "the batch size", run.batchSize !== undefined],
    ];
    for (const [field, what, present] of inexact)
      if (present) issues.push({ path: ["runs", i, field], message: `is not defined for lbfgs: its curvature pairs and line search need the exact gradient; remove ${what} or pick another optimizer` });
  });

  exp.runs.forEach((run, i) => {
    const { def, params } = resolveOptimizer(run.optimizer);
    for (const [key, spec] of Object.entries(def.params)) {
      if (spec.kind !== "number" || !spec.atMost) continue;
      const value = params[key] as number;
      const bound = params[spec.atMost] as number;
      if (value <= bound) continue;
      // Report at whichever of the two the run wrote (the one it left out is its default).
      const field = key in run.optimizer || !(spec.atMost in run.optimizer) ? key : spec.atMost;
      const message = field === key ? `must be ≤ ${spec.atMost} (${bound})` : `must be ≥ ${key} (${value})`;
      issues.push({ path: ["runs", i, "optimizer", field], message });
    }
  });

  exp.runs.forEach((run, i) => {
    if (!run.schedule) return;
    const { name, warmup = 0, ...params } = run.schedule;
    const def = getSchedule(name)!;
    const lr = resolveOptimizer(run.optimizer).params.lr;
    if (lr < SCHEDULED_LR[0] || lr > SCHEDULED_LR[1]) {
      const why = lr > SCHEDULED_LR[1] ? "its formula multiplies the lr by up to the step count" : "below, its formula rounds in the subnormal range";
      issues.push({ path: ["runs", i, "optimizer", "lr"], message: `must be ≥ ${SCHEDULED_LR[0]} and ≤ ${SCHEDULED_LR[1]} with a schedule (${why})` });
      return;
    }
    const problem = def.check?.(params as ParamValues, { lr, steps: exp.steps - warmup });
    if (problem) issues.push({ path: ["runs", i, "schedule", problem.field], message: problem.message });
  });

  const surface = getSurface(exp.surface)!;
  // Mini-batches are drawn from a dataset: only a data surface has one.
  exp.runs.forEach((run, i) => {
    if (run.batchSize === undefined) return;
    if (!surface.batches) issues.push({ path: ["runs", i, "batchSize"], message: `is only defined on a data surface (${DATA_SURFACES.join(", ")}); ${surfaceKey(exp.surface)} has no dataset` });
    else if (run.batchSize > surface.batches.n) issues.push({ path: ["runs", i, "batchSize"], message: `must be ≤ ${surface.batches.n} (the dataset's size)` });
  });

  const lossNotFinite = (p: readonly [number, number]) => !Number.isFinite(surface.f(p[0], p[1]));
  const message = `gives a loss that is not finite on ${surfaceKey(exp.surface)}`;
  if (exp.start && exp.runs.some((r) => !r.start) && lossNotFinite(exp.start)) issues.push({ path: ["start"], message });
  // A typed surface's own start (a fifth of the way into its domain) may be where its formula is undefined.
  if (!exp.start && exp.runs.some((r) => !r.start) && lossNotFinite(surface.start))
    issues.push({ path: ["surface"], message: `gives a loss that is not finite at its default start (${surface.start.map((v) => +v.toPrecision(6)).join(", ")}); set a start` });
  exp.runs.forEach((run, i) => {
    if (run.start && lossNotFinite(run.start)) issues.push({ path: ["runs", i, "start"], message });
  });
  return issues;
}
