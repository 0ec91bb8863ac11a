import { resolveOptimizer } from "../../core/engine/resolveRun";
import type { RunSpec } from "../../core/experiment/types";
import type { NumberParam } from "../../core/params";
import type { OptimizerDef } from "../../core/optim/types";
import { spaced } from "../../core/tools/runScore";
import type { TuneOptions } from "../../core/tools/tune";

/** The optimizer parameters a sweep can vary: its numbers that have a control. */
export function sweepableParams(def: OptimizerDef): [string, NumberParam][] {
  return Object.entries(def.params).filter((e): e is [string, NumberParam] => e[1].kind === "number" && e[1].control !== false);
}

/** `n` values across a parameter's slider range, on its own scale (log for lr, ε, …). */
export function axisValues(spec: NumberParam, n: number): number[] {
  const [lo, hi] = spec.slider;
  if (spec.scale === "log") return spaced(Math.max(lo, 1e-12), hi, n, true);
  // A linear range closed at an excluded bound (β < 1) stops short of it.
  const top = spec.maxExclusive && spec.max !== undefined && hi >= spec.max ? spec.max - (spec.max - lo) / (2 * n) : hi;
  return spaced(lo, top, n, false);
}

/** The second parameter a sweep offers first: momentum for SGD, β₁ for Adam's family, else the first that is not lr. */
export function defaultSecondParam(params: [string, NumberParam][]): string {
  const keys = params.map(([k]) => k);
  return keys.find((k) => k === "momentum") ?? keys.find((k) => k === "beta1") ?? keys.find((k) => k !== "lr") ?? "lr";
}

/** The lr range a run's Tune and range test search: its optimizer's lr slider (null when the optimizer has no numeric lr). */
export function lrSlider(def: OptimizerDef): readonly [number, number] | null {
  const lr = def.params.lr;
  return lr && lr.kind === "number" ? lr.slider : null;
}

/** "Tune all runs": every visible run, each searched over its own optimizer's lr range with the shared settings. */
export function tuneAllJobs(runs: readonly RunSpec[], settings: Omit<TuneOptions, "range">): { spec: RunSpec; options: TuneOptions }[] {
  return runs.flatMap((spec) => {
    const range = spec.hidden ? null : lrSlider(resolveOptimizer(spec.optimizer).def);
    return range ? [{ spec, options: { ...settings, range } }] : [];
  });
}
