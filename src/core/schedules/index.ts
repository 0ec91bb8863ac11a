import type { ParamValues } from "../params";
import { constant } from "./constant";
import { cosine } from "./cosine";
import { cosineRestarts } from "./cosineRestarts";
import { cyclic } from "./cyclic";
import { exponential } from "./exponential";
import { inverseTime } from "./inverseTime";
import { multistep } from "./multistep";
import { oneCycle } from "./oneCycle";
import { piecewise } from "./piecewise";
import { polynomial } from "./polynomial";
import { reduceOnPlateau } from "./reduceOnPlateau";
import { step } from "./step";
import type { Schedule, ScheduleDef } from "./types";
import { warmupLatex, withWarmup } from "./warmup";
import { warmupCosine } from "./warmupCosine";

export type { ParamProblem, Schedule, ScheduleContext, ScheduleDef } from "./types";
export { warmupLatex, warmupParam, withWarmup } from "./warmup";
export {
  constant,
  cosine,
  cosineRestarts,
  cyclic,
  exponential,
  inverseTime,
  multistep,
  oneCycle,
  piecewise,
  polynomial,
  reduceOnPlateau,
  step,
  warmupCosine,
};

/** Every schedule by name; open to additions (the key is the def's `name`). */
export const schedules: Readonly<Record<string, ScheduleDef>> = Object.fromEntries(
  [
    constant,
    step,
    multistep,
    exponential,
    inverseTime,
    piecewise,
    polynomial,
    cosine,
    cosineRestarts,
    cyclic,
    oneCycle,
    warmupCosine,
    reduceOnPlateau,
  ].map((def) => [def.name, def]),
);

export const scheduleNames: readonly string[] = Object.keys(schedules);

export function getSchedule(name: string): ScheduleDef | undefined {
  return Object.hasOwn(schedules, name) ? schedules[name] : undefined;
}

/** A schedule as an experiment names it: its name, optional warmup, its parameters. */
export interface ScheduleSpec {
  name: string;
  warmup?: number;
  [param: string]: unknown;
}

function lookup(name: string): ScheduleDef {
  const def = getSchedule(name);
  if (!def) throw new Error(`schedule: unknown name "${name}"; expected one of ${scheduleNames.join(", ")}`);
  return def;
}

/**
 * Instantiates a schedule for one run. Parameters left out take their defaults.
 * Field ranges are the experiment validator's job; this still refuses what would
 * otherwise compute garbage silently: an unknown name or parameter, a bad warmup,
 * or a failed cross-field `check`.
 */
export function createSchedule(spec: ScheduleSpec, baseLr: number): Schedule {
  const { name, warmup = 0, ...rest } = spec;
  const def = lookup(name);
  for (const key of Object.keys(rest))
    if (!Object.hasOwn(def.params, key)) {
      const known = Object.keys(def.params);
      throw new Error(
        `${name}: unknown parameter "${key}"; ${known.length ? `expected ${known.join(", ")} or warmup` : "it takes only warmup"}`,
      );
    }
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new Error(`${name}: warmup must be an integer ≥ 0, got ${JSON.stringify(warmup)}`);
  const params = rest as ParamValues;
  const problem = def.check?.(params, { lr: baseLr });
  if (problem) throw new Error(`${name}: ${problem.field}: ${problem.message}`);
  return withWarmup(def.create(params, baseLr), warmup, baseLr);
}

/** The formula the schedule runs, as an `aligned` body, the warmup piece first when present. */
export function scheduleLatex(spec: ScheduleSpec): string {
  const def = lookup(spec.name);
  return spec.warmup ? warmupLatex(def.latex) : def.latex;
}
