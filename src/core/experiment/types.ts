import type { ClipSpec } from "../optim/clip";

export type { ClipSpec };

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
}

/** One race: everything a user can change lives here (and so in a share link). */
export interface Experiment {
  surface: string;
  /** Start of every run that does not set its own (defaults to the surface's start). */
  start?: [number, number];
  steps: number;
  /** Distance to a known minimum that counts as converged (default 0.01). */
  tolerance?: number;
  runs: RunSpec[];
  /** Visible rectangle of the plot (defaults to the surface's domain). */
  view?: { x: [number, number]; y: [number, number] };
}

export const DEFAULT_TOLERANCE = 0.01;
export const MAX_STEPS = 100_000_000;
export const MAX_RUNS = 32;
