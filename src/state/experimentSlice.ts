import type { StateCreator } from "zustand";
import type { ClipSpec, Experiment, NoiseSpec, RunSpec, ScheduleSpec } from "../core/experiment/types";
import { uniqueRunId } from "../core/experiment/runIds";
import { getOptimizer } from "../core/optim";
import { compileSurface, getSurface, isFormula, type FormulaRef, type SurfaceRef } from "../core/surfaces";
import { formulaErrorText } from "../core/surfaces/formulaSupport";
import { defaultExperiment } from "./defaults";
import { engineKey } from "./engineKey";
import { followHorizon, horizonLength } from "./horizon";
import { dropUnusableBatches } from "./batches";
import { nextColor } from "./palette";
import { moveToSurface } from "./surfaceChange";
import type { AppState } from "./store";

export const MAX_UI_RUNS = 12;

export interface ExperimentSlice {
  experiment: Experiment;
  selectedRunId: string | null;
  /**
   * Schedule lengths the user typed ("runId/key"): these stay put when Steps or the warmup
   * change, while the ones filled in from the horizon follow it (horizon.ts). Not part of
   * the experiment: it records how a value came about, not what runs.
   */
  typedLengths: ReadonlySet<string>;
  /**
   * The race a lesson's caption was written for (engineKey of the experiment loaded with
   * it), so the caption can say when the race on screen is no longer the one it describes.
   */
  lessonKey: string | null;
  /** Marks a horizon length of a run's schedule as typed by the user (or not). */
  setLengthTyped(id: string, key: string, typed: boolean): void;
  setExperiment(e: Experiment): void;
  /**
   * Moves the race onto a built-in surface or a typed formula; returns null when done, or
   * why not (a formula that does not compile, or one undefined at the start), the page
   * keeping its surface meanwhile.
   */
  setSurface(ref: SurfaceRef): string | null;
  /** The last typed surface the page raced on (what "Your own f(x, y)…" brings back); not part of the experiment. */
  lastFormula: FormulaRef | null;
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
  /** "Stop when settled": playing pauses once every visible run has converged or diverged (false leaves the field out). */
  setStopWhenSettled(on: boolean): void;
}

/**
 * The first free name of the form `name`, `name 2`, `name 3`, … (an added run: "Adam 2"),
 * or, with `copy`, `name (copy)`, `name (copy 2)`, … where `name` is the original's name
 * without its own "(copy n)", so copies of copies do not pile up ("Adam copy copy copy").
 */
export function uniqueLabel(name: string, runs: readonly RunSpec[], copy = false): string {
  const labels = new Set(runs.map((r) => r.label ?? r.id));
  const base = copy ? name.replace(/ \(copy(?: \d+)?\)$/, "") : name;
  const nth = (i: number) => (copy ? `${base} (copy${i > 1 ? ` ${i}` : ""})` : i > 1 ? `${base} ${i}` : base);
  for (let i = 1; ; i++) if (!labels.has(nth(i))) return nth(i);
}

const lengthKey = (runId: string, key: string) => `${runId}/${key}`;

/** The typed-lengths set without the entries of run `id`. */
function forgetRun(typed: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const prefix = lengthKey(id, "");
  return [...typed].some((k) => k.startsWith(prefix)) ? new Set([...typed].filter((k) => !k.startsWith(prefix))) : typed;
}

const mapRun = (e: Experiment, id: string, f: (r: RunSpec) => RunSpec): Experiment => ({
  ...e,
  runs: e.runs.map((r) => (r.id === id ? f(r) : r)),
});

export const createExperimentSlice: StateCreator<AppState, [], [], ExperimentSlice> = (set, get) => ({
  experiment: defaultExperiment(),
  selectedRunId: "adam",
  typedLengths: new Set(),
  lessonKey: null,
  setLengthTyped: (id, key, typed) =>
    set((s) => {
      const k = lengthKey(id, key);
      if (s.typedLengths.has(k) === typed) return s;
      const next = new Set(s.typedLengths);
      if (typed) next.add(k);
      else next.delete(k);
      return { typedLengths: next };
    }),
  setExperiment: (experiment) =>
    set((s) => ({
      experiment,
      typedLengths: new Set(),
      lessonKey: experiment.title || experiment.caption ? engineKey(experiment) : null,
      selectedRunId: experiment.runs.some((r) => r.id === s.selectedRunId) ? s.selectedRunId : (experiment.runs[0]?.id ?? null),
    })),
  lastFormula: null,
  setSurface: (ref) => {
    const compiled = isFormula(ref) ? compileSurface(ref) : null;
    if (compiled && !compiled.ok) return formulaErrorText(compiled.error);
    const surface = compiled ? compiled.surface : getSurface(ref);
    if (!surface) return `unknown surface "${ref}"`;
    const s = get();
    const moved = moveToSurface(s.experiment, ref, surface);
    if ("refused" in moved) return moved.refused;
    set({ lessonKey: null, experiment: moved, ...(typeof ref === "string" ? {} : { lastFormula: ref }) });
    return null;
  },
  setSteps: (steps) =>
    set((s) => {
      const old = s.experiment.steps;
      // Lengths filled in from the horizon follow it (steps − warmup), typed ones stay.
      const runs = s.experiment.runs.map((r) => {
        if (!r.schedule) return r;
        const w = r.schedule.warmup;
        const schedule = followHorizon(r.schedule, horizonLength(old, w), horizonLength(steps, w), (key) => s.typedLengths.has(lengthKey(r.id, key)));
        return schedule === r.schedule ? r : { ...r, schedule };
      });
      return { experiment: { ...s.experiment, steps, runs } };
    }),
  setStart: (point, all) =>
    set((s) => {
      const e = s.experiment;
      if (all || !s.selectedRunId) return { experiment: { ...e, start: point, runs: e.runs.map(({ start: _s, ...r }) => r) } };
      return { experiment: mapRun(e, s.selectedRunId, (r) => ({ ...r, start: point })) };
    }),
  selectRun: (id) => set({ selectedRunId: id }),
  updateRun: (id, patch) =>
    set((s) => ({
      experiment: mapRun(s.experiment, id, (r) => {
        // A field patched to undefined is left out, not kept as an undefined key.
        const next: RunSpec = { ...r, ...patch };
        for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
        return next;
      }),
    })),
  setOptimizer: (id, name) =>
    set((s) => ({
      experiment: mapRun(s.experiment, id, (r) => {
        // Keep the lr across optimizers: it is the one knob users compare.
        const lr = r.optimizer.lr;
        const next = { ...r, optimizer: lr === undefined ? { name } : { name, lr } };
        const surface = getSurface(s.experiment.surface);
        return surface ? dropUnusableBatches(next, surface) : next;
      }),
    })),
  setOptimizerParam: (id, key, value) =>
    set((s) => ({ experiment: mapRun(s.experiment, id, (r) => ({ ...r, optimizer: { ...r.optimizer, [key]: value } })) })),
  setSchedule: (id, schedule) =>
    set((s) => {
      const old = s.experiment.runs.find((r) => r.id === id)?.schedule;
      // Another schedule starts with every length following the horizon again.
      const typedLengths = old?.name === schedule?.name ? s.typedLengths : forgetRun(s.typedLengths, id);
      let next = schedule;
      if (next && old?.name === next.name && (old.warmup ?? 0) !== (next.warmup ?? 0)) {
        const steps = s.experiment.steps;
        next = followHorizon(next, horizonLength(steps, old.warmup), horizonLength(steps, next.warmup), (key) => typedLengths.has(lengthKey(id, key)));
      }
      return { typedLengths, experiment: mapRun(s.experiment, id, ({ schedule: _old, ...r }) => (next ? { ...r, schedule: next } : r)) };
    }),
  setClip: (id, clip) => set((s) => ({ experiment: mapRun(s.experiment, id, ({ clip: _old, ...r }) => (clip ? { ...r, clip } : r)) })),
  setNoise: (id, noise) => set((s) => ({ experiment: mapRun(s.experiment, id, ({ noise: _old, ...r }) => (noise ? { ...r, noise } : r)) })),
  addRun: (optimizer = "adam") =>
    set((s) => {
      const runs = s.experiment.runs;
      if (runs.length >= MAX_UI_RUNS) return s;
      const id = uniqueRunId(optimizer, new Set(runs.map((r) => r.id)));
      const label = uniqueLabel(getOptimizer(optimizer)?.displayName ?? optimizer, runs);
      const run: RunSpec = { id, label, color: nextColor(runs.map((r) => r.color)), optimizer: { name: optimizer } };
      return { experiment: { ...s.experiment, runs: [...runs, run] }, selectedRunId: id };
    }),
  duplicateRun: (id) =>
    set((s) => {
      const runs = s.experiment.runs;
      const src = runs.find((r) => r.id === id);
      if (!src || runs.length >= MAX_UI_RUNS) return s;
      const copyId = uniqueRunId(`${src.id.replace(/-copy(-\d+)?$/, "")}-copy`, new Set(runs.map((r) => r.id)));
      const label = uniqueLabel(src.label ?? src.id, runs, true);
      const copy: RunSpec = { ...structuredClone(src), id: copyId, label, color: nextColor(runs.map((r) => r.color)) };
      const i = runs.indexOf(src);
      return { experiment: { ...s.experiment, runs: [...runs.slice(0, i + 1), copy, ...runs.slice(i + 1)] }, selectedRunId: copyId };
    }),
  removeRun: (id) =>
    set((s) => {
      const runs = s.experiment.runs;
      if (runs.length <= 1) return s;
      const rest = runs.filter((r) => r.id !== id);
      return {
        experiment: { ...s.experiment, runs: rest },
        selectedRunId: s.selectedRunId === id ? rest[0].id : s.selectedRunId,
        typedLengths: forgetRun(s.typedLengths, id),
      };
    }),
  setView: (view) =>
    set((s) => {
      const { view: _old, ...rest } = s.experiment;
      return { experiment: view ? { ...rest, view } : rest };
    }),
  setStopWhenSettled: (on) =>
    set((s) => {
      const { stopWhenSettled: _old, ...rest } = s.experiment;
      return { experiment: on ? { ...rest, stopWhenSettled: true } : rest };
    }),
});
