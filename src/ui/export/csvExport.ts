/**
 * The race as CSV, straight from the trajectory buffers: every run (hidden ones too: the
 * file is data, not a picture), every computed point, written a chunk at a time into a
 * Blob so 12 runs × 200,001 points never sit in one string.
 */
import { raceCsvChunks, type CsvRun } from "../../core/engine/csv";
import type { AppState } from "../../state/store";
import type { TrajectoryStore } from "../../state/trajectories";

export function csvRuns(s: Pick<AppState, "experiment">, store: TrajectoryStore): CsvRun[] {
  return s.experiment.runs.flatMap((r) => {
    const tr = store.runs.get(r.id);
    return tr ? [{ name: r.label ?? r.id, count: tr.count, xy: tr.xy, loss: tr.loss, lr: tr.lr, gradNorm: tr.gradNorm }] : [];
  });
}

export function raceCsvBlob(runs: readonly CsvRun[]): Blob {
  return new Blob([...raceCsvChunks(runs)], { type: "text/csv;charset=utf-8" });
}
