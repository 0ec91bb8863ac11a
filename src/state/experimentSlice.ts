import type { StateCreator } from "zustand";
import type { ClipSpec, Experiment, NoiseSpec, RunSpec, ScheduleSpec } from "../core/experiment/types";
import { getSurface } from "../core/surfaces";
import { defaultExperiment } from "./defaults";
import { nextColor } from "./palette";
import type { AppState } from "./store";

export const MAX_UI_RUNS = 12;

export interface ExperimentSlice {
  experiment: Experiment;
  selectedRunId: string | null;
  setExperiment(e: Experiment): void;
  setSurface(name: string): void;
  setSteps(steps: number): void;
  /** Sets the start of the selected run, or of every run when `all` (clearing per-run starts). */
  setStart(point: [number, number], all: boolean): void;
  selectRun(id: string | null): void;
  updateRun(id: string, patch: Partial<RunSpec>): void;
  setOptimizer(id: string, name: string): void;
  setOptimizerParam(id: string, key: string, value: unknown): void;
  setSchedule(id: string, schedule: ScheduleSpec | undefined): void;
  setClip(id: string, clip: ClipSpec | undefined): void;
  setNoise(id: string, noise: NoiseSpec | undefined): void;
  addRun(optimizer?: string): void;
  duplicateRun(id: string): void;
  removeRun(id: string): void;
  setView(view: Experiment["view"]): void;
}

function uniqueId(base: string, runs: readonly RunSpec[]): string {
  const ids = new Set(runs.map((r) => r.id));
  if (!ids.has(base)) return base;
  for (let i = 2; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}

const mapRun = (e: Experiment, id: string, f: (r: RunSpec) => RunSpec): Experiment => ({
  ...e,
  runs: e.runs.map((r) => (r.id === id ? f(r) : r)),
});

export const createExperimentSlice: StateCreator<AppState, [], [], ExperimentSlice> = (set) => ({
  experiment: defaultExperiment(),
  selectedRunId: "adam",
  setExperiment: (experiment) =>
    set((s) => ({
      experiment,
      selectedRunId: experiment.runs.some((r) => r.id === s.selectedRunId) ? s.selectedRunId : (experiment.runs[0]?.id ?? null),
    })),
  setSurface: (name) =>
    set((s) => {
      const surface = getSurface(name);
      if (!surface) return s;
      const { view: _view, ...rest } = s.experiment;
      return {
        experiment: { ...rest, surface: name, start: [surface.start[0], surface.start[1]], runs: s.experiment.runs.map(({ start: _s, ...r }) => r) },
      };
    }),
  setSteps: (steps) => set((s) => ({ experiment: { ...s.experiment, steps } })),
  setStart: (point, all) =>
    set((s) => {
      const e = s.experiment;
      if (all || !s.selectedRunId) return { experiment: { ...e, start: point, runs: e.runs.map(({ start: _s, ...r }) => r) } };
      return { experiment: mapRun(e, s.selectedRunId, (r) => ({ ...r, start: point })) };
    }),
  selectRun: (id) => set({ selectedRunId: id }),
  updateRun: (id, patch) => set((s) => ({ experiment: mapRun(s.experiment, id, (r) => ({ ...r, ...patch })) })),
  setOptimizer: (id, name) =>
    set((s) => ({
      experiment: mapRun(s.experiment, id, (r) => {
        // Keep the lr across optimizers: it is the one knob users compare.
        const lr = r.optimizer.lr;
        return { ...r, optimizer: lr === undefined ? { name } : { name, lr } };
      }),
    })),
  setOptimizerParam: (id, key, value) =>
    set((s) => ({ experiment: mapRun(s.experiment, id, (r) => ({ ...r, optimizer: { ...r.optimizer, [key]: value } })) })),
  setSchedule: (id, schedule) =>
    set((s) => ({ experiment: mapRun(s.experiment, id, ({ schedule: _old, ...r }) => (schedule ? { ...r, schedule } : r)) })),
  setClip: (id, clip) => set((s) => ({ experiment: mapRun(s.experiment, id, ({ clip: _old, ...r }) => (clip ? { ...r, clip } : r)) })),
  setNoise: (id, noise) => set((s) => ({ experiment: mapRun(s.experiment, id, ({ noise: _old, ...r }) => (noise ? { ...r, noise } : r)) })),
  addRun: (optimizer = "adam") =>
    set((s) => {
      const runs = s.experiment.runs;
      if (runs.length >= MAX_UI_RUNS) return s;
      const id = uniqueId(optimizer, runs);
      const run: RunSpec = { id, label: id, color: nextColor(runs.map((r) => r.color)), optimizer: { name: optimizer } };
      return { experiment: { ...s.experiment, runs: [...runs, run] }, selectedRunId: id };
    }),
  duplicateRun: (id) =>
    set((s) => {
      const runs = s.experiment.runs;
      const src = runs.find((r) => r.id === id);
      if (!src || runs.length >= MAX_UI_RUNS) return s;
      const copyId = uniqueId(`${src.id}-copy`, runs);
      const copy: RunSpec = { ...structuredClone(src), id: copyId, label: `${src.label ?? src.id} copy`, color: nextColor(runs.map((r) => r.color)) };
      const i = runs.indexOf(src);
      return { experiment: { ...s.experiment, runs: [...runs.slice(0, i + 1), copy, ...runs.slice(i + 1)] }, selectedRunId: copyId };
    }),
  removeRun: (id) =>
    set((s) => {
      const runs = s.experiment.runs;
      if (runs.length <= 1) return s;
      const rest = runs.filter((r) => r.id !== id);
      return { experiment: { ...s.experiment, runs: rest }, selectedRunId: s.selectedRunId === id ? rest[0].id : s.selectedRunId };
    }),
  setView: (view) =>
    set((s) => {
      const { view: _old, ...rest } = s.experiment;
      return { experiment: view ? { ...rest, view } : rest };
    }),
});
