/**
 * Maps a parameter onto a native range input. Linear specs use their own values
 * (so aria-valuenow means something); log specs use integer positions, 100 per decade,
 * so each decade's round numbers (1e-3, 1e-2) sit on a position. A log spec that allows
 * exactly 0 (weight decay, epsilon) gets one extra position at the far left meaning 0,
 * "off", which a log axis could not otherwise reach.
 */
import type { NumberParam } from "../../core/params";

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  /** Input position of a value (clamped to the slider's range). */
  toInput(v: number): number;
  /** Value at an input position, rounded to what the slider can resolve. */
  fromInput(x: number): number;
}

const PER_DECADE = 100;

const decimals = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

export function sliderScale(spec: NumberParam): SliderScale {
  const [lo, hi] = spec.slider;
  const integer = spec.kind === "integer";
  if (spec.scale === "log" && lo > 0) {
    const zeroStop = spec.min === 0 && !spec.minExclusive ? 1 : 0;
    const l0 = Math.log10(lo);
    const n = zeroStop + Math.ceil((Math.log10(hi) - l0) * PER_DECADE - 1e-9);
    return {
      min: 0,
      max: n,
      step: 1,
      toInput(v) {
        if (!(v > 0)) return 0;
        const p = zeroStop + Math.round((Math.log10(v) - l0) * PER_DECADE);
        return Math.min(n, Math.max(zeroStop, p));
      },
      fromInput(x) {
        const p = Math.round(x);
        if (zeroStop && p <= 0) return 0;
        const v = p >= n ? hi : 10 ** (l0 + (p - zeroStop) / PER_DECADE);
        return integer ? Math.max(Math.round(v), Math.ceil(lo)) : Number(v.toPrecision(3));
      },
    };
  }
  const step = integer ? 1 : 10 ** Math.floor(Math.log10((hi - lo) / 1000));
  const d = decimals(step);
  return {
    min: lo,
    max: hi,
    step,
    toInput: (v) => Math.min(hi, Math.max(lo, v)),
    fromInput: (x) => (integer ? Math.round(x) : Number(x.toFixed(d))),
  };
}
