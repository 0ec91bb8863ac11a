/**
 * The experiment as a whole, the form links, files, presets and scenes carry: the race the
 * store holds plus what the page shows of it (the selected run, the step on the timeline),
 * stamped with the format version. `snapshotExperiment` writes it; `loadExperiment` puts one
 * (already validated) into the store and recomputes the race up to its step.
 */
import { EXPERIMENT_VERSION, type Experiment } from "../core/experiment/types";
import { getEngine } from "./engine";
import { useStore, type AppState } from "./store";

/** The page's whole state as an experiment of the current format. */
export function snapshotExperiment(s: Pick<AppState, "experiment" | "selectedRunId" | "scrub" | "step"> = useStore.getState()): Experiment {
  const { version: _v, selected: _sel, step: _st, ...race } = s.experiment;
  const out: Experiment = { version: EXPERIMENT_VERSION, ...race };
  if (s.selectedRunId !== null && race.runs.some((r) => r.id === s.selectedRunId)) out.selected = s.selectedRunId;
  const shown = s.scrub === null ? s.step : Math.min(s.scrub, s.step);
  if (shown > 0) out.step = Math.min(shown, race.steps);
  return out;
}

/** Puts a validated experiment into the store: its race, its selected run, and the race recomputed to its step. */
export function loadExperiment(e: Experiment): void {
  const { version: _v, selected, step, ...race } = e;
  const s = useStore.getState();
  s.setExperiment(race);
  if (selected !== undefined && race.runs.some((r) => r.id === selected)) s.selectRun(selected);
  else s.selectRun(race.runs[0]?.id ?? null);
  getEngine().restartAt(step ?? 0);
}
