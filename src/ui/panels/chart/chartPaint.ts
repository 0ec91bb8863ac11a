/**
 * The step chart's drawing pieces, each a plain function of a 2D context and what it
 * draws: the y grid, the x axis, the series, the cursor and its dots, the line key.
 * stepChart.ts decides what to draw and calls them in order.
 */
import { ticks } from "d3-array";
import { format } from "d3-format";
import type { Theme } from "../../theme";
import type { ColumnSummary } from "./columnSummary";
import type { YScale } from "./yScale";

/** The plot area inside the canvas, in CSS pixels. */
export interface ChartBox {
  left: number;
  top: number;
  /** Width of the plot area (the x range of the series). */
  width: number;
  bottom: number;
}

export interface SeriesStyle {
  color: string;
  selected: boolean;
  actual: ColumnSummary;
  plan: ColumnSummary | null;
}

const formatStep = format("~s");

/** x of step `s` on a horizon of `steps`. */
export const stepX = (box: ChartBox, s: number, steps: number): number => box.left + (steps > 0 ? (s / steps) * box.width : 0);

/** Horizontal grid lines at the y ticks, with their labels left of the plot. */
export function paintYGrid(ctx: CanvasRenderingContext2D, y: YScale, box: ChartBox, theme: Theme): void {
  ctx.strokeStyle = theme.border;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  ctx.beginPath();
  for (const t of y.ticks) {
    const py = Math.round(y.y(t)) + 0.5;
    if (py < box.top - 1 || py > box.bottom + 1) continue;
    ctx.moveTo(box.left, py);
    ctx.lineTo(box.left + box.width, py);
    ctx.fillText(y.format(t), box.left - 5, py);
  }
  ctx.stroke();
}

/** Both axis lines, the step ticks and their labels, the y label top left and "step" bottom left. */
export function paintAxes(ctx: CanvasRenderingContext2D, steps: number, box: ChartBox, yLabel: string, theme: Theme): void {
  const { left, top, bottom, width } = box;
  ctx.strokeStyle = theme.muted;
  ctx.fillStyle = theme.muted;
  ctx.beginPath();
  ctx.moveTo(left, bottom + 0.5);
  ctx.lineTo(left + width, bottom + 0.5);
  ctx.moveTo(left - 0.5, top);
  ctx.lineTo(left - 0.5, bottom);
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const xt = steps > 0 ? ticks(0, steps, Math.max(2, Math.floor(width / 60))) : [0];
  for (const t of xt) {
    const px = Math.round(stepX(box, t, steps)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 4);
    ctx.fillText(formatStep(t), Math.min(px, left + width - 8), bottom + 5);
  }
  ctx.stroke();
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  ctx.fillText(yLabel, 4, 11);
  ctx.textBaseline = "top";
  ctx.fillText("step", 4, bottom + 5);
}

/** Adds one summarised series to the current path: per pixel column first → min → max → last. */
function traceSummary(ctx: CanvasRenderingContext2D, s: ColumnSummary, y: YScale, left: number): void {
  const x0 = left + 0.5;
  let started = false;
  for (let c = 0; c < s.width; c++) {
    const f = s.first[c];
    if (f !== f) continue;
    const x = x0 + c;
    if (started) ctx.lineTo(x, y.y(f));
    else {
      ctx.moveTo(x, y.y(f));
      started = true;
    }
    ctx.lineTo(x, y.y(s.min[c]));
    ctx.lineTo(x, y.y(s.max[c]));
    ctx.lineTo(x, y.y(s.last[c]));
  }
}

/** Planned schedules dashed underneath, then what was run, solid (the selected run thicker), clipped to the plot. */
export function paintSeries(ctx: CanvasRenderingContext2D, series: readonly SeriesStyle[], y: YScale, box: ChartBox): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top - 3, box.width + 1, box.bottom - box.top + 6);
  ctx.clip();
  ctx.lineJoin = "round";
  ctx.setLineDash([4, 3]);
  ctx.globalAlpha = 0.7;
  for (const v of series) {
    if (!v.plan) continue;
    ctx.strokeStyle = v.color;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    traceSummary(ctx, v.plan, y, box.left);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  for (const v of series) {
    ctx.strokeStyle = v.color;
    ctx.lineWidth = v.selected ? 2.25 : 1.5;
    ctx.beginPath();
    traceSummary(ctx, v.actual, y, box.left);
    ctx.stroke();
  }
  ctx.restore();
}

/** The vertical cursor at x `cx` (darker while the timeline is scrubbed). */
export function paintCursor(ctx: CanvasRenderingContext2D, cx: number, box: ChartBox, scrubbed: boolean, theme: Theme): void {
  ctx.strokeStyle = scrubbed ? theme.text : theme.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(cx, box.top - 2);
  ctx.lineTo(cx, box.bottom);
  ctx.stroke();
}

/** A run's value on the cursor: a dot in its colour, ringed in the panel's background. */
export function paintDot(ctx: CanvasRenderingContext2D, x: number, y: number, color: string, theme: Theme): void {
  ctx.fillStyle = color;
  ctx.strokeStyle = theme.surface;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

/** "── run  ╌╌ plan", right-aligned at (right, baseline). */
export function paintLineKey(ctx: CanvasRenderingContext2D, right: number, baseline: number, theme: Theme): void {
  const planW = ctx.measureText("plan").width;
  const runW = ctx.measureText("run").width;
  const sample = 14;
  const planX = right - planW - 4 - sample;
  const runX = planX - 10 - runW - 4 - sample;
  ctx.strokeStyle = theme.muted;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(runX, baseline - 4);
  ctx.lineTo(runX + sample, baseline - 4);
  ctx.stroke();
  ctx.setLineDash([3, 2]);
  ctx.beginPath();
  ctx.moveTo(planX, baseline - 4);
  ctx.lineTo(planX + sample, baseline - 4);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.textAlign = "left";
  ctx.fillText("run", runX + sample + 4, baseline);
  ctx.fillText("plan", planX + sample + 4, baseline);
}
