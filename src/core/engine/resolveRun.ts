/**
 * The one place a run's defaults are filled in. The engine (Run), the worker's lr plan and
 * the KaTeX panel all read a run through here, so what is drawn, planned and shown is what
 * runs: optimizer parameters from the registry's defaults overridden by the spec, the
 * schedule (`constant` when none is given) with its defaults, the start (run → experiment →
 * surface) and the convergence tolerance.
 */
import { getOptimizer, optimizers } from "../optim";
import type { OptimizerDef } from "../optim/types";
import { defaultValues, type ParamValues } from "../params";
import { createSchedule, getSchedule, scheduleNames } from "../schedules";
import type { Schedule, ScheduleDef } from "../schedules/types";
import { requireSurface } from "../surfaces";
import type { Surface } from "../surfaces/types";
import { DEFAULT_TOLERANCE, type ClipSpec, type Experiment, type NoiseSpec, type RunSpec } from "../experiment/types";

export interface ResolvedOptimizer {
  def: OptimizerDef;
  /** Every parameter: the registry's defaults, then the spec's values (`name` excluded). */
  params: Readonly<ParamValues> & { readonly lr: number };
}

export interface ResolvedSchedule {
  def: ScheduleDef;
  /** Linear warmup steps (0: none). */
  warmup: number;
  /** The schedule's parameters, defaults filled (optional numbers stay absent when not given). */
  params: Readonly<ParamValues>;
  /** A fresh schedule instance (schedules such as reduceOnPlateau carry state: one per use). */
  create(): Schedule;
}

export interface ResolvedRun {
  id: string;
  /** Display name: the spec's label, else its id. */
  label: string;
  spec: RunSpec;
  surface: Surface;
  optimizer: ResolvedOptimizer;
  /** The base learning rate η₀ (the optimizer's lr, what the schedule scales). */
  lr: number;
  schedule: ResolvedSchedule;
  start: readonly [number, number];
  tolerance: number;
  clip: ClipSpec | null;
  /** Gradient noise, or null when absent or of std 0 (no noise is drawn then). */
  noise: NoiseSpec | null;
  /** Mini-batches on a data surface, or null: the full gradient. */
  batch: { size: number; seed: number } | null;
}

/**
 * A run's own mini-batch stream when it names no seed: FNV-1a of its id, so two runs of one
 * race draw different batches and a run draws the same ones in every race, link and CLI call.
 */
export function seedFromId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The experiment fields a run's resolution reads. */
export type RunContext = Pick<Experiment, "surface" | "start" | "tolerance">;

export function resolveOptimizer(spec: RunSpec["optimizer"]): ResolvedOptimizer {
  const def = getOptimizer(spec.name);
  if (!def) throw new Error(`unknown optimizer "${spec.name}"; expected one of ${Object.keys(optimizers).join(", ")}`);
  const { name: _name, ...given } = spec;
  const params = { ...defaultValues(def.params), ...(given as ParamValues) } as ParamValues & { lr: number };
  return { def, params };
}

export function resolveSchedule(spec: RunSpec["schedule"], lr: number): ResolvedSchedule {
  const { name, warmup = 0, ...given } = spec ?? { name: "constant" };
  const def = getSchedule(name);
  if (!def) throw new Error(`unknown schedule "${name}"; expected one of ${scheduleNames.join(", ")}`);
  const params = { ...defaultValues(def.params), ...(given as ParamValues) };
  // createSchedule keeps the checks that refuse garbage (unknown parameter, bad warmup, cross-field rules).
  return { def, warmup: warmup as number, params, create: () => createSchedule({ name, warmup, ...given }, lr) };
}

/** The distance to a known minimum that counts as converged: the experiment's, else the default. */
export function resolveTolerance(experiment: Pick<Experiment, "tolerance">): number {
  return experiment.tolerance ?? DEFAULT_TOLERANCE;
}

/** Resolves one run of `experiment` (assumed valid: see validateExperiment); throws on unknown names. */
export function resolveRun(spec: RunSpec, experiment: RunContext): ResolvedRun {
  const surface = requireSurface(experiment.surface);
  const optimizer = resolveOptimizer(spec.optimizer);
  const lr = optimizer.params.lr;
  return {
    id: spec.id,
    label: spec.label ?? spec.id,
    spec,
    surface,
    optimizer,
    lr,
    schedule: resolveSchedule(spec.schedule, lr),
    start: spec.start ?? experiment.start ?? surface.start,
    tolerance: resolveTolerance(experiment),
    clip: spec.clip ?? null,
    noise: spec.noise && spec.noise.std > 0 ? spec.noise : null,
    // A batch as large as the dataset is its full gradient: no sampler, the exact full-batch run.
    batch: spec.batchSize !== undefined && surface.batches && spec.batchSize < surface.batches.n ? { size: spec.batchSize, seed: spec.batchSeed ?? seedFromId(spec.id) } : null,
  };
}
