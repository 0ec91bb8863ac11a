import type { NumberParam } from "../params";
import type { ParamProblem, ScheduleContext } from "./types";

/** Parameter specs several schedules share. */

/** The floor an annealing schedule decays to (PyTorch's eta_min / min_lr). */
export const minLrParam: NumberParam = {
  kind: "number",
  label: "Minimum learning rate",
  symbol: String.raw`\eta_{\min}`,
  default: 0,
  min: 0,
  scale: "linear",
  slider: [0, 0.1],
};

/** A multiplicative decay factor in (0, 1] (StepLR, MultiStepLR). */
export const decayFactorParam = (help: string): NumberParam => ({
  kind: "number",
  label: "Decay factor",
  symbol: String.raw`\gamma`,
  default: 0.1,
  min: 0,
  minExclusive: true,
  max: 1,
  scale: "linear",
  slider: [0.01, 1],
  help,
});

/**
 * The rule every annealing floor shares: it must not exceed the run's lr (the schedule
 * anneals from the lr down to it). Also keeps (lr − floor)·2 from overflowing.
 */
export function floorAtMostLr(field: string, floor: number, context: ScheduleContext | undefined): ParamProblem | null {
  if (!context || floor <= context.lr) return null;
  return { field, message: `must be ≤ the run's lr (${context.lr})` };
}
