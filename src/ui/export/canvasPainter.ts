/**
 * Paints a snapshot into a 2D canvas at any scale: the still parts (title, contours, marks,
 * axes, colour bar, legend) once, the paths incrementally onto their own layer (the
 * animation adds a few points per frame, the PNG all of them at once), and the heads on
 * top. Styles follow the page's: plot.css for marks and axes, pathLayer.ts for paths (a
 * halo casing painted behind, so it never covers an earlier path).
 */
import { axisNamePositions } from "../plot/axes";
import { renderContourImage } from "../plot/contourImage";
import { clampPx, type Frame } from "../plot/frame";
import { criticalShape, SQUARE } from "../plot/markers";
import { NAME_OFFSET, SAMPLE, type ExportLayout } from "./exportLayout";
import type { ExportRun, PlotSnapshot } from "./plotSnapshot";

export const LINE_WIDTH = 1.5;
export const SELECTED_LINE_WIDTH = 2.5;
/** Opacity of the part of a path beyond the scrubbed step (as on screen). */
export const FUTURE_ALPHA = 0.22;
const MIN_STEP_PX2 = 0.25;

/** The contour bands painted into a canvas of `w` × `h` device pixels (sliced, off the main thread's critical path). */
export function contourCanvas(snap: PlotSnapshot, w: number, h: number): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => renderContourImage(snap.reply, w, h, snap.theme, (img) => resolve(img.canvas)));
}

/** Everything that does not move: background, title, contours, critical points and starts, axes, colour bar, legend. */
export function paintStill(ctx: CanvasRenderingContext2D, snap: PlotSnapshot, layout: ExportLayout, contours: HTMLCanvasElement): void {
  const { theme, frame } = snap;
  const { box } = layout;
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = theme.text;
  ctx.font = `600 15px ${theme.font}`;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.fillText(snap.surfaceTitle, 12, 16);

  ctx.drawImage(contours, box.x, box.y, box.width, box.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.translate(box.x, box.y);
  for (const c of snap.critical) paintMark(ctx, frame, c.point, criticalShape(c.kind), theme.text, theme.plotBackground, c.kind === "global" ? theme.text : null, c.kind === "global" ? 1 : 1.8);
  for (const s of snap.starts) paintMark(ctx, frame, s.point, SQUARE, s.color ?? theme.text, theme.plotBackground, null, 2);
  ctx.restore();

  // Box and axes (d3-axis's look: 6 px ticks, labels 9 px away, 11 px text in the muted colour).
  ctx.strokeStyle = theme.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.muted;
  ctx.font = `11px ${theme.font}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of layout.xTicks) {
    line(ctx, box.x + t.at, box.y + box.height, box.x + t.at, box.y + box.height + 6);
    ctx.fillText(t.label, box.x + t.at, box.y + box.height + 9);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of layout.yTicks) {
    line(ctx, box.x - 6, box.y + t.at, box.x, box.y + t.at);
    ctx.fillText(t.label, box.x - 9, box.y + t.at);
  }
  ctx.font = `italic 12px ${theme.font}`;
  const names = axisNamePositions(box);
  ctx.textAlign = "start";
  ctx.textBaseline = "middle";
  ctx.fillText("x", names.x.x, names.x.y);
  ctx.textBaseline = "alphabetic";
  ctx.fillText("y", names.y.x, names.y.y);

  const bar = layout.bar;
  snap.colors.forEach((c, i) => {
    ctx.fillStyle = c;
    ctx.fillRect(bar.x, bar.y + bar.height - (i + 1) * bar.block, bar.width, bar.block + 0.5);
  });
  ctx.strokeStyle = theme.border;
  ctx.strokeRect(bar.x + 0.5, bar.y + 0.5, bar.width - 1, bar.height - 1);
  ctx.strokeStyle = theme.muted;
  ctx.fillStyle = theme.muted;
  ctx.font = `11px ${theme.font}`;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (const t of bar.ticks) {
    line(ctx, bar.x + bar.width, bar.y + t.at, bar.x + bar.width + 4, bar.y + t.at);
    ctx.fillText(t.label, bar.x + bar.width + 7, bar.y + t.at);
  }
  ctx.font = `italic 11px ${theme.font}`;
  ctx.textBaseline = "alphabetic";
  ctx.fillText("f(x, y)", bar.x, bar.y - 6);

  ctx.font = `13px ${theme.font}`;
  ctx.textBaseline = "middle";
  for (const entry of layout.legend) {
    ctx.beginPath();
    ctx.moveTo(entry.x, entry.y);
    ctx.lineTo(entry.x + SAMPLE, entry.y);
    ctx.lineCap = "butt";
    ctx.setLineDash([]);
    ctx.strokeStyle = theme.halo;
    ctx.lineWidth = SELECTED_LINE_WIDTH + 2;
    ctx.stroke();
    ctx.setLineDash(entry.dash.map((d) => d * SELECTED_LINE_WIDTH));
    ctx.strokeStyle = entry.color;
    ctx.lineWidth = SELECTED_LINE_WIDTH;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.text;
    ctx.fillText(entry.name, entry.x + NAME_OFFSET, entry.y);
  }
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function paintMark(ctx: CanvasRenderingContext2D, f: Frame, p: readonly [number, number], d: string, stroke: string, halo: string, fill: string | null, width: number): void {
  const px = clampPx((p[0] - f.x0) * f.k);
  const py = clampPx((f.y1 - p[1]) * f.k);
  const shape = new Path2D(d);
  ctx.save();
  ctx.translate(px, py);
  ctx.lineJoin = "round";
  ctx.lineCap = "round";
  ctx.strokeStyle = halo;
  ctx.lineWidth = 4;
  ctx.stroke(shape);
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill(shape);
  }
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width;
  ctx.stroke(shape);
  ctx.restore();
}

/**
 * The paths' layer: an inner-box-sized canvas the paths are drawn onto a range of points at
 * a time (`drawTo`), each run continuing from where it stopped.
 */
export class PathPainter {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly drawn = new Map<string, number>();

  constructor(
    private readonly snap: PlotSnapshot,
    scale: number,
  ) {
    const f = snap.frame;
    this.canvas = document.createElement("canvas");
    this.canvas.width = Math.max(1, Math.round(f.width * scale));
    this.canvas.height = Math.max(1, Math.round(f.height * scale));
    this.ctx = this.canvas.getContext("2d")!;
    this.ctx.setTransform(scale, 0, 0, scale, 0, 0);
  }

  /** Draws each run's points up to point `end` (exclusive: `end` = count draws it all), `alpha` for the faint future. */
  drawTo(end: (run: ExportRun) => number, alpha = 1): void {
    for (const run of this.snap.runs) {
      const to = Math.min(run.count, end(run));
      const from = this.drawn.get(run.id) ?? 0;
      if (to <= from) continue;
      // Continue from the last drawn point so consecutive pieces join up.
      this.stroke(run, Math.max(0, from - 1), to, alpha);
      this.drawn.set(run.id, to);
    }
  }

  private stroke(run: ExportRun, from: number, to: number, alpha: number): void {
    const ctx = this.ctx;
    const f = this.snap.frame;
    const width = run.selected ? SELECTED_LINE_WIDTH : LINE_WIDTH;
    const xy = run.xy;
    ctx.beginPath();
    let lx = clampPx((xy[2 * from] - f.x0) * f.k);
    let ly = clampPx((f.y1 - xy[2 * from + 1]) * f.k);
    ctx.moveTo(lx, ly);
    if (to - from === 1) ctx.lineTo(lx, ly);
    for (let i = from + 1; i < to; i++) {
      const px = clampPx((xy[2 * i] - f.x0) * f.k);
      const py = clampPx((f.y1 - xy[2 * i + 1]) * f.k);
      const dx = px - lx;
      const dy = py - ly;
      if (dx * dx + dy * dy < MIN_STEP_PX2 && i !== to - 1) continue;
      ctx.lineTo(px, py);
      lx = px;
      ly = py;
    }
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.globalAlpha = alpha;
    ctx.globalCompositeOperation = "destination-over";
    ctx.setLineDash([]);
    ctx.strokeStyle = this.snap.theme.halo;
    ctx.lineWidth = width + 2;
    ctx.stroke();
    ctx.globalCompositeOperation = "source-over";
    ctx.setLineDash(run.dash.map((d) => d * width));
    ctx.strokeStyle = run.color;
    ctx.lineWidth = width;
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }

  /** Forgets what was drawn (a replay from step 0). */
  clear(): void {
    this.ctx.save();
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.ctx.restore();
    this.drawn.clear();
  }
}

/** Each visible run's head at point `at(run)` (a × where a diverged run ended), clipped to the box. */
export function paintHeads(ctx: CanvasRenderingContext2D, snap: PlotSnapshot, layout: ExportLayout, at: (run: ExportRun) => number): void {
  const f = snap.frame;
  const { box } = layout;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.translate(box.x, box.y);
  for (const run of snap.runs) {
    if (run.count === 0) continue;
    const i = Math.min(run.count - 1, Math.max(0, at(run)));
    const px = clampPx((run.xy[2 * i] - f.x0) * f.k);
    const py = clampPx((f.y1 - run.xy[2 * i + 1]) * f.k);
    const r = run.selected ? 4.5 : 3.5;
    ctx.beginPath();
    if (run.diverged && i === run.count - 1) {
      ctx.moveTo(px - r, py - r);
      ctx.lineTo(px + r, py + r);
      ctx.moveTo(px + r, py - r);
      ctx.lineTo(px - r, py + r);
      ctx.lineCap = "round";
      ctx.strokeStyle = snap.theme.halo;
      ctx.lineWidth = 4.5;
      ctx.stroke();
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
      continue;
    }
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    ctx.fillStyle = run.color;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = snap.theme.halo;
    ctx.stroke();
  }
  ctx.restore();
}

/** A 2D context measuring text in the legend's font (for layoutExport). */
export function legendMeasure(font: string): (text: string) => number {
  const ctx = document.createElement("canvas").getContext("2d")!;
  ctx.font = `13px ${font}`;
  return (text) => ctx.measureText(text).width;
}
