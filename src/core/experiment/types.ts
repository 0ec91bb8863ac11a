import type { ClipSpec } from "../optim/clip";
import type { FormulaRef, SurfaceRef } from "../surfaces";

export type { ClipSpec, FormulaRef, SurfaceRef };

export interface NoiseSpec {
  std: number;
  seed: number;
}

export interface OptimizerSpec {
  name: string;
  [param: string]: unknown;
}

export interface ScheduleSpec {
  name: string;
  /** Linear warmup from 0 over this many steps, then the schedule shifted by it. */
  warmup?: number;
  [param: string]: unknown;
}

export interface RunSpec {
  id: string;
  /** Display name (defaults to the id). */
  label?: string;
  color?: string;
  hidden?: boolean;
  start?: [number, number];
  optimizer: OptimizerSpec;
  schedule?: ScheduleSpec;
  clip?: ClipSpec;
  noise?: NoiseSpec;
  /**
   * On a data surface: examples per mini-batch (1 to the dataset's size); the run steps on
   * mini-batch gradients instead of the full one. Absent: the full batch.
   */
  batchSize?: number;
  /** Seed of the run's own mini-batch stream (default: derived from the run's id). */
  batchSeed?: number;
}

/** The experiment format this build writes; a link or file from a later format is refused field by field. */
export const EXPERIMENT_VERSION = 1;

/** One race: everything a user can change lives here (and so in a share link). */
export interface Experiment {
  /** Format version (1). Optional on input; links and exported files always carry it. */
  version?: 1;
  /** Short title of the lesson (a preset's or a scene's name); shown above the caption. */
  title?: string;
  /** One paragraph shown beside the plot (presets, lecture scenes, the embed view). Plain text. */
  caption?: string;
  /** A built-in surface's name, or a typed one: {"expression": "x^2 + 10*y^2", "domain": [[-2, 2], [-1, 3]]}. */
  surface: SurfaceRef;
  /** Start of every run that does not set its own (defaults to the surface's start). */
  start?: [number, number];
  steps: number;
  /** Distance to a known minimum that counts as converged (default 0.01). */
  tolerance?: number;
  runs: RunSpec[];
  /** Visible rectangle of the plot (defaults to the surface's domain). */
  view?: { x: [number, number]; y: [number, number] };
  /** Id of the run the controls, readout and inspector show (defaults to the first). */
  selected?: string;
  /** Step the timeline shows (absent: the live head of the race). */
  step?: number;
  /** Stop playing once every run has converged or diverged. */
  stopWhenSettled?: boolean;
}

export const DEFAULT_TOLERANCE = 0.01;
export const MAX_STEPS = 100_000_000;
export const MAX_RUNS = 32;
export const MAX_CAPTION = 2000;
export const MAX_TITLE = 120;
