/**
 * The leaderboard's rows: the engine's metrics (the numbers the CLI prints) at the live
 * head of the race, or, while the timeline is scrubbed, core's metricsAt for that step.
 */
import { metricsAt } from "../../core/engine/metricsAt";
import { minimaOf } from "../../core/engine/minima";
import type { RunMetrics, RunStatus } from "../../core/engine/run";
import type { CriticalPoint } from "../../core/surfaces/types";
import { getSurface } from "../../core/surfaces";
import type { Experiment } from "../../core/experiment/types";
import { resolveTolerance } from "../../core/engine/resolveRun";
import { runColor } from "../../state/palette";
import type { TrajectoryStore } from "../../state/trajectories";
import { epochsAfter } from "../../core/data/epochs";
import { runBatch } from "./runBatch";

export interface LeaderboardRow {
  id: string;
  label: string;
  color: string;
  hidden: boolean;
  /** Position in the experiment (the unsorted order). */
  order: number;
  status: RunStatus | null;
  step: number | null;
  loss: number | null;
  distance: number | null;
  minimum: { kind: CriticalPoint["kind"]; point: readonly [number, number] } | null;
  stepsToTolerance: number | null;
  pathLength: number | null;
  /** Passes over the dataset (a run on mini-batches only; null otherwise). */
  epochs: number | null;
}

/** Rows at the live head of the race (scrub null) or at step `scrub`. */
export function leaderboardRows(experiment: Experiment, store: TrajectoryStore, scrub: number | null): LeaderboardRow[] {
  const surface = getSurface(experiment.surface);
  const ctx = { minima: surface ? minimaOf(surface) : [], tolerance: resolveTolerance(experiment), totalSteps: store.steps };
  return experiment.runs.map((spec, order) => {
    const row: LeaderboardRow = {
      id: spec.id,
      label: spec.label ?? spec.id,
      color: runColor(spec, order),
      hidden: spec.hidden ?? false,
      order,
      status: null,
      step: null,
      loss: null,
      distance: null,
      minimum: null,
      stepsToTolerance: null,
      pathLength: null,
      epochs: null,
    };
    const run = store.runs.get(spec.id);
    const live = run?.metrics;
    if (!run || !live || run.count === 0) return row;
    const m: RunMetrics =
      scrub === null ? live : metricsAt({ xy: run.xy, loss: run.loss, count: run.count, stepsDone: live.steps, diverged: run.status === "diverged" }, scrub, ctx);
    return {
      ...row,
      status: m.status,
      step: m.steps,
      loss: m.finalLoss,
      distance: m.distance,
      minimum: m.nearestMinimum ? { kind: m.nearestMinimum.kind, point: m.nearestMinimum.point } : null,
      stepsToTolerance: m.stepsToTolerance,
      pathLength: m.pathLength,
      // The engine's count at the head; looking back, the same count in closed form at that step.
      epochs: scrub === null ? (live.epochs ?? null) : scrubbedEpochs(spec, experiment, m.steps),
    };
  });
}

function scrubbedEpochs(spec: Experiment["runs"][number], experiment: Experiment, steps: number): number | null {
  const batch = runBatch(spec, experiment);
  return batch?.size ? epochsAfter(steps, batch.size, batch.source.n) : null;
}

export type SortKey = "label" | "status" | "step" | "loss" | "distance" | "stepsToTolerance" | "pathLength";
export interface Sort {
  key: SortKey;
  dir: "ascending" | "descending";
}

/** Best first when ascending: converged, then running, finished, diverged. */
const STATUS_RANK: Record<RunStatus, number> = { converged: 0, running: 1, finished: 2, diverged: 3 };

function sortValue(row: LeaderboardRow, key: SortKey): number | string | null {
  if (key === "label") return row.label.toLowerCase();
  if (key === "status") return row.status === null ? null : STATUS_RANK[row.status];
  const v = row[key];
  return v === null || Number.isNaN(v) ? null : v;
}

/** Sorted copy; missing values (not reached, no minimum) always go last; ties keep the experiment's order. */
export function sortRows(rows: readonly LeaderboardRow[], sort: Sort | null): LeaderboardRow[] {
  if (!sort) return [...rows];
  const sign = sort.dir === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? a.order - b.order : va === null ? 1 : -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c !== 0 ? sign * c : a.order - b.order;
  });
}
