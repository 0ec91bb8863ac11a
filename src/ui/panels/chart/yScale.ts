import { ticks } from "d3-array";
import { tickFormat } from "d3-scale";

export type YScaleKind = "linear" | "log";

/**
 * The y mapping of a step chart: linear or log10, from a data extent to pixel rows.
 * Log axes draw values ≤ 0 on the bottom edge (a loss exactly at the floor, a warmup's lr 0).
 */
export interface YScale {
  kind: YScaleKind;
  lo: number;
  hi: number;
  /** Pixel row of a value, clamped a little outside the plot so huge values cannot overflow the canvas. */
  y(v: number): number;
  ticks: number[];
  format(v: number): string;
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** 10⁻³ rather than 0.001: log axes read best as powers. */
export function powerOfTen(exp: number): string {
  return exp === 0 ? "1" : exp === 1 ? "10" : `10${String(exp).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch)}`;
}

/** Compact tick labels with the precision the tick step needs: 0.0025, 1e−7, 1.5. */
export function tickLabels(a: number, b: number, count: number): (v: number) => string {
  return tickFormat(a, b, count, "~g");
}

/**
 * A y scale over [lo, hi] for rows [top, bottom]; the extent gets a little headroom so
 * curves do not run along the frame. Degenerate extents (a constant lr) are widened.
 */
export function yScale(kind: YScaleKind, lo: number, hi: number, top: number, bottom: number, tickCount: number): YScale {
  const h = bottom - top;
  const clamp = (py: number) => (py < top - 4 ? top - 4 : py > bottom + 4 ? bottom + 4 : py);
  if (kind === "log") {
    if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) {
      lo = 1e-3;
      hi = 1;
    }
    let a = Math.log10(lo);
    let b = Math.log10(hi);
    if (b - a < 1e-9) {
      a -= 0.5;
      b += 0.5;
    }
    const pad = (b - a) * 0.06;
    a -= pad;
    b += pad;
    const k = h / (b - a);
    const first = Math.ceil(a);
    const last = Math.floor(b);
    const every = Math.max(1, Math.ceil((last - first + 1) / tickCount));
    const exps: number[] = [];
    // Multiples of `every` (10⁻¹², 10⁻⁶, 1), not steps from whatever decade comes first.
    for (let e = first; e <= last; e++) if (e % every === 0) exps.push(e);
    // Less than a decade shown: no power of ten inside, so fall back to a couple of plain values.
    const plain = tickLabels(10 ** a, 10 ** b, tickCount);
    const tickValues = exps.length >= 2 ? exps.map((e) => 10 ** e) : ticks(10 ** a, 10 ** b, Math.max(2, tickCount - 1)).filter((t) => t > 0);
    return {
      kind,
      lo: 10 ** a,
      hi: 10 ** b,
      y: (v) => (v > 0 ? clamp(bottom - (Math.log10(v) - a) * k) : bottom + 4),
      ticks: tickValues,
      format: (v) => {
        const e = Math.round(Math.log10(v));
        return Math.abs(10 ** e - v) <= 1e-9 * v ? powerOfTen(e) : plain(v);
      },
    };
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
    const d = Math.abs(hi) * 0.5 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.06;
  // Keep a zero baseline exact: pad only away from it.
  const a = lo === 0 ? 0 : lo - pad;
  const b = hi + pad;
  const k = h / (b - a);
  const tickValues = ticks(a, b, tickCount);
  return {
    kind,
    lo: a,
    hi: b,
    y: (v) => clamp(bottom - (v - a) * k),
    ticks: tickValues,
    format: tickLabels(a, b, tickCount),
  };
}
