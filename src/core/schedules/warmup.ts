import type { NumberParam } from "../params";
import type { Schedule } from "./types";

/** The `warmup` field any schedule spec may carry (0: no warmup). */
export const warmupParam: NumberParam = {
  kind: "integer",
  label: "Linear warmup steps",
  symbol: "w",
  default: 0,
  min: 0,
  scale: "linear",
  slider: [0, 1000],
  help: "Ramp the lr linearly from 0 over this many steps, then run the schedule from its step 0.",
};

/**
 * Linear warmup in front of any schedule: baseLr·t/w for t < w (from exactly 0, as the
 * seeds write it; PyTorch's LinearLR cannot start at 0), then the inner schedule shifted
 * by w, inner.lr(t − w), so it starts from its own step 0 as it would after
 * SequentialLR([warmup, inner], milestones=[w]).
 * An adaptive inner schedule only observes losses of its own steps (t ≥ w):
 * its patience clock starts when warmup ends, as if the scheduler were created then.
 */
export function withWarmup(inner: Schedule, w: number, baseLr: number): Schedule {
  if (w <= 0) return inner;
  let lastT = 0;
  const warmed: Schedule = {
    adaptive: inner.adaptive,
    lr(t) {
      lastT = t;
      return t < w ? (baseLr * t) / w : inner.lr(t - w);
    },
  };
  if (inner.observe) {
    const observeInner = inner.observe.bind(inner);
    warmed.observe = (loss) => {
      if (lastT >= w) observeInner(loss);
    };
  }
  return warmed;
}

/** Prepends the warmup piece to a schedule's `aligned` LaTeX body. */
export function warmupLatex(inner: string): string {
  return String.raw`\eta_t &= \eta_0\,\frac{t}{w} \quad (t < w), \qquad \text{then the schedule below at step } t - w \\ ` + inner;
}
