/**
 * Schedule lengths that span the race (params with `horizon: true`: cosine's tMax,
 * oneCycle's totalSteps, …) are filled in from the horizon when a schedule is picked:
 * steps − warmup, so the schedule ends with the race. They keep following it when Steps or
 * the warmup change, unless the user typed them.
 *
 * A length counts as following when nobody typed it and it still equals the length it
 * was filled in with; the second test keeps a loaded experiment's deliberate tMax (one
 * that does not span its race) where it is.
 */
import type { ScheduleSpec } from "../core/experiment/types";
import { getSchedule } from "../core/schedules";

/** The length a horizon param spans: the steps left after the warmup (at least 1). */
export function horizonLength(steps: number, warmup: number | undefined): number {
  return Math.max(1, steps - (warmup ?? 0));
}

/** Keys of the schedule's params that are lengths spanning the race. */
export function horizonKeys(name: string): string[] {
  const params = getSchedule(name)?.params ?? {};
  return Object.entries(params)
    .filter(([, spec]) => (spec.kind === "integer" || spec.kind === "number") && spec.horizon)
    .map(([key]) => key);
}

/** A freshly picked schedule's horizon lengths, written out so the experiment says what runs. */
export function fillHorizon(schedule: ScheduleSpec, steps: number): ScheduleSpec {
  const next = { ...schedule };
  for (const key of horizonKeys(schedule.name)) next[key] = horizonLength(steps, schedule.warmup);
  return next;
}

/**
 * The schedule with every following length moved from `oldLength` to `newLength`;
 * `typed(key)` says the user typed that one. Returns the same object when nothing moves.
 */
export function followHorizon(schedule: ScheduleSpec, oldLength: number, newLength: number, typed: (key: string) => boolean): ScheduleSpec {
  if (oldLength === newLength) return schedule;
  let next: ScheduleSpec | null = null;
  for (const key of horizonKeys(schedule.name)) {
    if (typed(key) || schedule[key] !== oldLength) continue;
    next ??= { ...schedule };
    next[key] = newLength;
  }
  return next ?? schedule;
}
