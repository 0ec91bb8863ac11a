import type { RunStatus } from "../core/engine/run";
import type { Experiment } from "../core/experiment/types";

/**
 * Quantities a claim can read from a finished run. The first six are the engine's metrics
 * (the leaderboard's and the CLI's numbers); the last three are read off the recorded path.
 */
export type ClaimMetric =
  | "x"
  | "y"
  | "finalLoss"
  | "distance"
  | "stepsToTolerance"
  | "pathLength"
  /** Steps taken (for a diverged run: the step that blew up). */
  | "steps"
  /** How often the path's y coordinate changes sign: the zig-zag across a ravine. */
  | "ySignChanges"
  /** First step whose point lies outside the plotted view (null: never). */
  | "leavesView"
  /** How far the run moved over the last tenth of its steps: near 0 once it has settled. */
  | "drift";

/**
 * A machine-checkable statement a preset's caption makes. `shown` is a number exactly as the
 * caption writes it (U+2212 for a minus): every number in a caption is the `shown` of some
 * claim, and the claim checks it against the experiment, the surface or the race.
 */
export type Claim =
  /** A setting of the experiment, by path ("runs.<run id>.optimizer.lr", "start.0", "steps"). */
  | { kind: "setting"; path: string; shown: string }
  /** A coordinate of one of the surface's minima (or saddles, with `of: "saddle"`). */
  | { kind: "minimum"; coord: 0 | 1; of?: "global" | "local" | "saddle"; shown: string }
  /** A coordinate no minimum of the surface has: what a seed's prose wrongly claims. */
  | { kind: "notMinimum"; coord: 0 | 1; shown: string }
  /** A quantity of a run: written in the caption (`shown`) and/or bounded. */
  | { kind: "metric"; run: string; metric: ClaimMetric; shown?: string; below?: number; above?: number }
  | { kind: "status"; run: string; is: RunStatus }
  /** Which kind of minimum the run ends nearest to. */
  | { kind: "nearest"; run: string; is: "global" | "local" }
  /** The run never comes within the tolerance of a minimum. */
  | { kind: "never"; run: string }
  /** `run` comes within the tolerance of a minimum at an earlier step than `than` (or `than` never does). */
  | { kind: "sooner"; run: string; than: string }
  /** A coordinate of the run's point after `step` steps. */
  | { kind: "pointAt"; run: string; step: number; coord: 0 | 1; shown: string }
  /** The learning rate a run uses at a step (its schedule's value). */
  | { kind: "lr"; run: string; step: number; shown: string };

/** One lesson from the seeds, one click away. */
export interface Preset {
  id: string;
  title: string;
  /** One paragraph, plain text; the same text as `experiment.caption`. */
  caption: string;
  /** A complete experiment of format 1 carrying the title and caption. */
  experiment: Experiment;
  claims: readonly Claim[];
}
