/**
 * The one message protocol between the page and the engine worker.
 *
 *   page (bridge.ts)                          worker (engine.worker.ts → EngineSession)
 *   ───────────────                           ─────────────────────────────────────────
 *   load {experiment, keepStep} ───────────▶  build a Race; replay up to the step reached
 *                                             (kept across horizon changes, cut to the horizon)
 *                                ◀─────────── reset {generation, plan, ...}  (then batches)
 *   play {stepsPerSecond} / pause ─────────▶  a timer loop advances all runs in lockstep
 *   step {count} / runToEnd / reset ───────▶
 *                                ◀─────────── batch {generation, step, runs[new points]}  at display rate
 *   inspect {requestId, runId, step, ──────▶  replay that run of the current race to `step`
 *            seriesUpTo}                      (core/engine/inspect.ts)
 *                                ◀─────────── inspect {requestId, generation, inspection, series}
 *
 *   page (engine.ts)                          contour workers × 2 (contour.worker.ts)
 *   contours {requestId, view, nx, ny,  ────▶  grid + d3-contour polygons for the view,
 *             part, parts}                     each worker tracing every other threshold
 *                                ◀─────────── contours {requestId, part, thresholds, bands}
 *                                ◀─────────── error {message}
 *
 * Typed arrays in batches are transferred, not copied; contour replies are structured
 * clones (nested polygon arrays, a few hundred kB). Every
 * reply about a race carries the generation of the `load` it belongs to, so the page
 * drops batches of a race it has already replaced.
 */
import type { SurfaceRef } from "../core/surfaces";
import type { Experiment } from "../core/experiment/types";
import type { RunMetrics, RunStatus } from "../core/engine/run";
import type { Inspection, SeriesResult } from "../core/engine/inspect";

/**
 * The browser keeps every point of every run (no thinning), in the worker and on the page:
 * 12 runs × 200,000 steps is about 250 MB. Longer races belong to the CLI.
 */
export const MAX_BROWSER_STEPS = 200_000;

export interface View {
  x: [number, number];
  y: [number, number];
}

/** Steps per second; Infinity = as fast as the machine goes. */
export type Speed = number;

export type ToWorker =
  | { type: "load"; generation: number; experiment: Experiment; keepStep: boolean }
  | { type: "play"; speed: Speed }
  /** `atStep`: the step the page shows; a race that ran past it is taken back to it, so Pause stops where the user saw it. */
  | { type: "pause"; atStep?: number }
  | { type: "speed"; speed: Speed }
  | { type: "step"; count: number }
  | { type: "runToEnd" }
  | { type: "reset" }
  /** The step inspector: the step that produced point `step` of run `runId`, and the time series up to `seriesUpTo` (null: none). */
  | { type: "inspect"; requestId: number; runId: string; step: number; seriesUpTo: number | null };

/** To a contour worker: trace the `part`-th of `parts` shares of the thresholds for a view. */
export type ToContourWorker = { type: "contours"; requestId: number; surface: SurfaceRef; view: View; nx: number; ny: number; levels: number; part: number; parts: number };

export interface RunBatch {
  id: string;
  /** Index (point number) of the first point in this batch. */
  from: number;
  /** Interleaved x, y of the new points. */
  xy: Float64Array;
  loss: Float64Array;
  /** lr and |∇f| of the step leaving each new point (NaN where no step has left yet). */
  lr: Float64Array;
  gradNorm: Float64Array;
  status: RunStatus;
  metrics: RunMetrics;
}

export interface RunPlan {
  id: string;
  /** lr(t) for t in [0, steps): the whole planned schedule; null when it depends on the losses. */
  lr: Float64Array | null;
}

export interface ContourBand {
  /** Lower threshold of the band (in f units). */
  value: number;
  /** Polygons as rings of [x, y] in data coordinates: MultiPolygon coordinates from d3-contour. */
  coordinates: number[][][][];
}

export type FromWorker =
  | { type: "reset"; generation: number; steps: number; runIds: string[]; plan: RunPlan[] }
  | { type: "batch"; generation: number; step: number; playing: boolean; done: boolean; runs: RunBatch[] }
  | { type: "contours"; requestId: number; view: View; nx: number; ny: number; thresholds: number[]; bands: ContourBand[]; min: number; max: number; millis: number; part?: number }
  | { type: "error"; generation?: number; message: string }
  /** `problem`: why there is no inspection (then inspection and series are null). */
  | { type: "inspect"; requestId: number; generation: number; inspection: Inspection | null; series: SeriesResult | null; problem?: string };
