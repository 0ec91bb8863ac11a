/**
 * The step inspector's numbers: a run replayed through the engine's own Run (the code
 * path the race takes, so every number is the race's, bit for bit), with a tap reading
 * the gradient before and after noise and clipping, the optimizer's state, and the
 * pieces its final step used. Pure: no DOM; the engine worker answers the page with it.
 *
 * Time index: the shown point x_k (the timeline at step k ≥ 1) was produced by step
 * t = k − 1, which read x_t, took g_t and wrote x_{t+1} = x_k; that is the step inspected.
 * At k = 0 no step has produced the point (the start): inspectRun says so.
 */
import type { Experiment } from "../experiment/types";
import type { ClipSpec } from "../optim/clip";
import { minimaOf } from "./minima";
import { resolveRun } from "./resolveRun";
import { Run, type StepTap } from "./run";

export type Vec = [number, number];

/** A state vector of the optimizer after the step, by the name its transform gave it. */
export interface StateEntry {
  name: string;
  values: number[];
}

export interface StepRecord {
  /** The step inspected (0-based, the optimizer's t; PyTorch's counter is t + 1). */
  t: number;
  /** x_t and x_{t+1}. */
  from: Vec;
  to: Vec;
  /** Where ∇f was evaluated (x_t, or a look-ahead point). */
  gradientAt: Vec;
  /** ∇f as evaluated. */
  gradient: Vec;
  /** The gradient the optimizer got: after the engine's noise and clipping. */
  used: Vec;
  /** η_t, the schedule's learning rate for this step. */
  lr: number;
  /** The optimizer's state after the step. */
  state: StateEntry[];
  /** The pieces the final step read: x_{t+1} = x_t − scale · num / den (see OptimizerDef.symbols). */
  num: Vec;
  den: Vec | null;
  scale: number;
  /**
   * The effective per-coordinate step and the direction it multiplies: the update is
   * −effective · direction (up to rounding). Adam-like chains (bias-corrected): η_t / (√v̂ + ε)
   * times m̂; every other chain ending in the plain step: scale / den (scale where there is
   * no denominator) times num. Null when the final step is not of that form (NAdam, RAdam).
   */
  effective: Vec | null;
  direction: Vec | null;
  /** Adam-like chains: the bias-corrected moments m̂ and v̂ (derived, shown with the state). */
  derived: StateEntry[];
  /** x_{t+1} − x_t, exactly the difference of the engine's consecutive points. */
  update: Vec;
  /** The step blew up: the run ended diverged and kept x_t (update 0). */
  refused: boolean;
}

/** `optimizer`: the registry name the run used (the symbols to show its numbers with). */
export type Inspection =
  | { kind: "start"; runId: string; optimizer: string; point: Vec; clip: ClipSpec | null }
  | { kind: "step"; runId: string; optimizer: string; shownStep: number; record: StepRecord; clip: ClipSpec | null }
  /** The run stopped (diverged) before the asked step: `record` is its last step, `shownStep` its last point. */
  | { kind: "stopped"; runId: string; optimizer: string; shownStep: number; record: StepRecord; clip: ClipSpec | null };

/** One coordinate series of the time-series panel. */
export interface Series {
  /** A state vector's name, "effective" (scale/den), or "update". */
  name: string;
  /** 0 for x, 1 for y. */
  coord: 0 | 1;
  values: Float64Array;
}

export interface SeriesResult {
  runId: string;
  /** The shown step k of each sample (the point step k − 1 produced). */
  steps: Float64Array;
  series: Series[];
}

/** The time-series panel keeps at most this many samples per series (long races are thinned evenly). */
export const MAX_SERIES_POINTS = 2000;

function replay(experiment: Experiment, runId: string): Run {
  const spec = experiment.runs.find((r) => r.id === runId);
  if (!spec) throw new Error(`run "${runId}" is not in the experiment; expected one of ${experiment.runs.map((r) => r.id).join(", ")}`);
  const resolved = resolveRun(spec, experiment);
  // Only the latest point is needed: no per-step records.
  return new Run(resolved, minimaOf(resolved.surface), { records: false });
}

const copy2 = (a: ArrayLike<number>): Vec => [a[0], a[1]];

/** Takes one step from `run` with the tap on, and reads everything the step used. */
function inspectStep(run: Run): StepRecord {
  const t = run.stepsDone;
  const from = run.point;
  let gradientAt: Vec = from;
  let gradient: Vec = [NaN, NaN];
  let used: Vec = [NaN, NaN];
  const tap: StepTap = {
    gradient(point, g) {
      gradientAt = copy2(point);
      gradient = copy2(g);
      used = copy2(g);
    },
    used(g) {
      used = copy2(g);
    },
  };
  run.tap = tap;
  try {
    run.step();
  } finally {
    run.tap = null;
  }
  const to = run.point;
  const refused = to[0] === from[0] && to[1] === from[1] && run.status === "diverged";
  const terms = run.terms();
  const state: StateEntry[] = [];
  for (const [name, v] of Object.entries(run.optimizerState())) if (typeof v !== "number") state.push({ name, values: Array.from(v) });
  const den = terms.den ? copy2(terms.den) : null;
  const num = copy2(terms.num);
  const { def, params } = run.resolved.optimizer;
  let effective: Vec | null = null;
  let direction: Vec | null = null;
  const derived: StateEntry[] = [];
  if (def.terminal === "descend" && !refused) {
    if (def.transforms.includes("biasCorrection") && den) {
      // scale = η_t / (1 − β₁ᵏ) and den = √v / √(1 − β₂ᵏ) + ε = √v̂ + ε (k = t + 1): written as the textbook does.
      const k = t + 1;
      const m = num;
      const v = state.find((e) => e.name === "v")!.values;
      const mHat: Vec = [m[0] / (1 - Math.pow(params.beta1 as number, k)), m[1] / (1 - Math.pow(params.beta1 as number, k))];
      const vHat: Vec = [v[0] / (1 - Math.pow(params.beta2 as number, k)), v[1] / (1 - Math.pow(params.beta2 as number, k))];
      derived.push({ name: "mHat", values: mHat }, { name: "vHat", values: vHat });
      effective = [terms.eta / den[0], terms.eta / den[1]];
      direction = mHat;
    } else {
      effective = den ? [terms.scale / den[0], terms.scale / den[1]] : [terms.scale, terms.scale];
      direction = num;
    }
  }
  return {
    t,
    from,
    to,
    gradientAt,
    gradient,
    used,
    // η_t as the optimizer got it (a step refused before the update never reached it).
    lr: refused ? NaN : terms.eta,
    state,
    num,
    den,
    scale: terms.scale,
    effective,
    direction,
    derived,
    update: [to[0] - from[0], to[1] - from[1]],
    refused,
  };
}

/**
 * The step that produced the point the timeline shows at `step` (k), for run `runId` of a
 * valid experiment. Throws on an unknown run or a step outside [0, experiment.steps].
 */
export function inspectRun(experiment: Experiment, runId: string, step: number): Inspection {
  if (!(Number.isInteger(step) && step >= 0 && step <= experiment.steps)) throw new Error(`step: ${step} must be an integer from 0 to ${experiment.steps}`);
  const run = replay(experiment, runId);
  const clip = run.resolved.clip;
  const optimizer = run.resolved.optimizer.def.name;
  if (step === 0) return { kind: "start", runId, optimizer, point: run.point, clip };
  while (run.stepsDone < step - 1 && run.status !== "diverged") run.step();
  if (run.status === "diverged") {
    // Diverged before the asked step: show its last step (replayed once more to read it).
    const last = Math.max(0, run.stepsDone - 1);
    const again = replay(experiment, runId);
    while (again.stepsDone < last) again.step();
    const record = inspectStep(again);
    return { kind: "stopped", runId, optimizer, shownStep: record.refused ? record.t : record.t + 1, record, clip };
  }
  const record = inspectStep(run);
  if (record.refused) return { kind: "stopped", runId, optimizer, shownStep: record.t, record, clip };
  return { kind: "step", runId, optimizer, shownStep: step, record, clip };
}

/**
 * The state vectors, effective step and update per coordinate for shown steps 1…upTo,
 * thinned evenly to at most MAX_SERIES_POINTS samples (the last step always kept).
 */
export function inspectSeries(experiment: Experiment, runId: string, upTo: number): SeriesResult {
  if (!(Number.isInteger(upTo) && upTo >= 0 && upTo <= experiment.steps)) throw new Error(`upTo: ${upTo} must be an integer from 0 to ${experiment.steps}`);
  const run = replay(experiment, runId);
  const stride = Math.max(1, Math.ceil(upTo / MAX_SERIES_POINTS));
  const steps: number[] = [];
  const columns = new Map<string, number[]>();
  const push = (name: string, coord: 0 | 1, v: number, at: number) => {
    const key = `${name}\u0000${coord}`;
    let col = columns.get(key);
    if (!col) columns.set(key, (col = new Array<number>(at).fill(NaN)));
    col.push(v);
  };
  for (let k = 1; k <= upTo && run.status !== "diverged"; k++) {
    const keep = k % stride === 0 || k === upTo;
    if (!keep) {
      run.step();
      continue;
    }
    const r = inspectStep(run);
    if (r.refused) break;
    const at = steps.length;
    steps.push(k);
    for (const s of [...r.state, ...r.derived]) if (s.values.length === 2) for (const c of [0, 1] as const) push(s.name, c, s.values[c], at);
    for (const c of [0, 1] as const) {
      if (r.effective) push("effective", c, r.effective[c], at);
      push("update", c, r.update[c], at);
    }
  }
  const series: Series[] = [];
  for (const [key, values] of columns) {
    const [name, coord] = key.split("\u0000");
    while (values.length < steps.length) values.push(NaN);
    series.push({ name, coord: Number(coord) as 0 | 1, values: Float64Array.from(values) });
  }
  return { runId, steps: Float64Array.from(steps), series };
}
