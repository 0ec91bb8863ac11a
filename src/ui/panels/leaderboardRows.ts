/**
 * The leaderboard's rows, from the engine's metrics (the numbers the CLI prints) or,
 * while the timeline is scrubbed, recomputed at that step from the recorded arrays.
 */
import { minimaOf, nearestMinimum, withinTolerance } from "../../core/engine/minima";
import type { RunStatus } from "../../core/engine/run";
import type { CriticalPoint } from "../../core/surfaces/types";
import { getSurface } from "../../core/surfaces";
import { DEFAULT_TOLERANCE, type Experiment } from "../../core/experiment/types";
import { PALETTE } from "../../state/palette";
import type { TrajectoryStore } from "../../state/trajectories";

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
}

/** Rows at the live head of the race (scrub null) or at step `scrub`. */
export function leaderboardRows(experiment: Experiment, store: TrajectoryStore, scrub: number | null): LeaderboardRow[] {
  const surface = getSurface(experiment.surface);
  const minima = surface ? minimaOf(surface) : [];
  const tolerance = experiment.tolerance ?? DEFAULT_TOLERANCE;
  return experiment.runs.map((spec, order) => {
    const row: LeaderboardRow = {
      id: spec.id,
      label: spec.label ?? spec.id,
      color: spec.color ?? PALETTE[order % PALETTE.length],
      hidden: spec.hidden ?? false,
      order,
      status: null,
      step: null,
      loss: null,
      distance: null,
      minimum: null,
      stepsToTolerance: null,
      pathLength: null,
    };
    const run = store.runs.get(spec.id);
    const m = run?.metrics;
    if (!run || !m || run.count === 0) return row;
    // At or past a run's newest point (a diverged run stops early) its metrics are the answer.
    if (scrub === null || scrub >= run.count - 1) {
      Object.assign(row, {
        status: m.status,
        step: m.steps,
        loss: m.finalLoss,
        distance: m.distance,
        minimum: m.nearestMinimum ? { kind: m.nearestMinimum.kind, point: m.nearestMinimum.point } : null,
        stepsToTolerance: m.stepsToTolerance,
        pathLength: m.pathLength,
      });
      return row;
    }
    // Scrubbed back: the point after `scrub` steps, its loss, and the path walked to it.
    const i = Math.max(0, scrub);
    const x = run.xy[2 * i];
    const y = run.xy[2 * i + 1];
    const near = nearestMinimum(minima, x, y);
    let path = 0;
    const xy = run.xy;
    for (let k = 2; k <= 2 * i; k += 2) {
      const dx = xy[k] - xy[k - 2];
      const dy = xy[k + 1] - xy[k - 1];
      path += Math.sqrt(dx * dx + dy * dy);
    }
    Object.assign(row, {
      status: withinTolerance(minima, x, y, tolerance) ? "converged" : i >= store.steps ? "finished" : "running",
      step: i,
      loss: run.loss[i],
      distance: near ? near.distance : null,
      minimum: near ? { kind: near.minimum.kind, point: near.minimum.point } : null,
      stepsToTolerance: m.stepsToTolerance !== null && m.stepsToTolerance <= i ? m.stepsToTolerance : null,
      pathLength: path,
    });
    return row;
  });
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
