import { ticks } from "d3-array";
import { tickFormat } from "d3-scale";
import { formatMetric } from "../../format";
import type { ColumnSummary } from "./columnSummary";

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
  const f = tickFormat(a, b, count, "~g");
  return (v) => f(v).replace("e+", "e");
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
    // A few decades more than ticks: every one of them (at most twice the ticks asked for; a
    // race reaching 1e-300 on a 70 px chart would otherwise label all 300 decades).
    const all = every > 1 && last - first < 2 * every && last - first + 1 <= 2 * tickCount;
    for (let e = first; e <= last; e++) if (e % every === 0 || all) exps.push(e);
    let tickValues = exps.map((e) => 10 ** e);
    let format = (v: number) => powerOfTen(Math.round(Math.log10(v)));
    if (exps.length < 2) {
      // Less than two powers of ten inside: 1-2-5 steps (or every digit in a narrow range), written plainly.
      for (const mults of [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
        tickValues = [];
        for (let e = Math.floor(a); e <= Math.ceil(b); e++)
          for (const m of mults) {
            const v = m * 10 ** e;
            const l = Math.log10(v);
            if (l >= a && l <= b) tickValues.push(v);
          }
        if (tickValues.length >= 2) break;
      }
      format = formatMetric;
    }
    return {
      kind,
      lo: 10 ** a,
      hi: 10 ** b,
      y: (v) => (v > 0 ? clamp(bottom - (Math.log10(v) - a) * k) : bottom + 4),
      ticks: tickValues,
      format,
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

export interface Extent {
  lo: number;
  hi: number;
}

/**
 * The y extent of the visible series: `positive` over values > 0 (for a log axis), `all`
 * over every value. A diverged run's values (a loss of 1e61) would flatten every other
 * curve, so while any run is still on the surface the axis follows those runs and the
 * diverged one leaves through the top; plans always count.
 */
export function seriesExtent(series: readonly { actual: ColumnSummary; plan: ColumnSummary | null; diverged: boolean }[]): { positive: Extent; all: Extent } {
  const someAlive = series.some((v) => !v.diverged && v.actual.next > 0);
  const positive = { lo: Infinity, hi: -Infinity };
  const all = { lo: Infinity, hi: -Infinity };
  for (const v of series) {
    const summaries = someAlive && v.diverged ? [] : [v.actual];
    if (v.plan) summaries.push(v.plan);
    for (const s of summaries) {
      s.extent(positive, true);
      s.extent(all, false);
    }
  }
  return { positive, all };
}
