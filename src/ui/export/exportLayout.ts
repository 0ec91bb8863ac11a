/**
 * Where everything goes in an exported picture (CSS pixels; the PNG scales them): the
 * surface's name on top, the plot with its axes and colour bar exactly as the page lays
 * them out (axes.ts's MARGINS, scales and colour-bar ticks), and a legend of the visible
 * runs below, flowing into as many rows as the names need. The PNG painter and the SVG
 * writer both draw from this one layout.
 */
import { axisScales, colourBar, LEGEND_BAR, LEGEND_GAP, MARGINS } from "../plot/axes";
import type { Frame } from "../plot/frame";

export const TITLE_HEIGHT = 30;
export const LEGEND_ROW = 22;
/** Length of the line sample before each name, and the gaps around it. */
export const SAMPLE = 28;
const SAMPLE_GAP = 6;
const ENTRY_GAP = 20;
const PAD = 12;

export interface Tick {
  at: number;
  label: string;
}

export interface LegendEntry {
  x: number;
  /** Baseline-centre of the row. */
  y: number;
  name: string;
  color: string;
  dash: readonly number[];
}

export interface ExportLayout {
  width: number;
  height: number;
  /** Top-left corner of the inner plot box. */
  box: { x: number; y: number; width: number; height: number };
  xTicks: Tick[];
  yTicks: Tick[];
  bar: { x: number; y: number; width: number; height: number; block: number; ticks: Tick[] };
  legend: LegendEntry[];
}

export function layoutExport(
  frame: Frame,
  thresholds: readonly number[],
  bands: number,
  runs: readonly { name: string; color: string; dash: readonly number[] }[],
  measure: (text: string) => number,
): ExportLayout {
  const width = MARGINS.left + frame.width + MARGINS.right;
  const box = { x: MARGINS.left, y: TITLE_HEIGHT + MARGINS.top, width: frame.width, height: frame.height };
  const { x, y, xTicks, yTicks } = axisScales(frame);
  const fx = x.tickFormat(xTicks);
  const fy = y.tickFormat(yTicks);
  const cb = colourBar(frame, thresholds, bands);
  const barTicks = cb.ticks.map((i) => ({ at: cb.height - ((i + 1) / bands) * cb.height, label: cb.labels.get(i + 1) ?? "" }));

  // Legend entries flow left to right, wrapping at the image's width.
  const legend: LegendEntry[] = [];
  const top = box.y + box.height + MARGINS.bottom + 6;
  let cx = PAD;
  let row = 0;
  for (const r of runs) {
    const w = SAMPLE + SAMPLE_GAP + measure(r.name);
    if (cx > PAD && cx + w > width - PAD) {
      row++;
      cx = PAD;
    }
    legend.push({ x: cx, y: top + row * LEGEND_ROW + LEGEND_ROW / 2, name: r.name, color: r.color, dash: r.dash });
    cx += w + ENTRY_GAP;
  }
  const rows = runs.length ? row + 1 : 0;
  return {
    width,
    height: top + rows * LEGEND_ROW + 6,
    box,
    xTicks: x.ticks(xTicks).map((v) => ({ at: x(v), label: fx(v) })),
    yTicks: y.ticks(yTicks).map((v) => ({ at: y(v), label: fy(v) })),
    bar: { x: box.x + frame.width + LEGEND_GAP, y: box.y, width: LEGEND_BAR, height: cb.height, block: cb.block, ticks: barTicks },
    legend,
  };
}

/** Gap between a legend entry's line sample and its name. */
export const NAME_OFFSET = SAMPLE + SAMPLE_GAP;
