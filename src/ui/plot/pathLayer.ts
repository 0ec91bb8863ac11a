/**
 * The runs' paths, drawn straight from the trajectory buffers onto canvases (never through
 * React). Three canvases: every unselected run, the selected run above them, and the heads
 * above both, so the selected path stays on top and a head never hides a path that is
 * drawn later.
 *
 * Cost is kept to a few milliseconds for 8 runs × 10,000 points by skipping points closer
 * than half a pixel to the last drawn one, and by drawing only the new points when nothing
 * else changed (a new race generation, a new view, a scrub or a restyle redraws in full).
 */
import type { RunTrajectory, TrajectoryStore } from "../../state/trajectories";
import { MARK_PATHS, markOnce } from "../../state/marks";
import { clearCanvas, sizeCanvas } from "./canvas";
import { clampPx, type Frame } from "./frame";
import type { Theme } from "../theme";

export interface RunStyle {
  id: string;
  color: string;
  hidden: boolean;
  /** Dash pattern in line widths (palette.ts's runDash); absent or empty: solid. */
  dash?: readonly number[];
}

interface Drawn {
  /** Points already on the canvas. */
  count: number;
  /** Pixel position of the last drawn point (point count − 1). */
  px: number;
  py: number;
}

const MIN_STEP_PX2 = 0.5 * 0.5;
const LINE_WIDTH = 1.5;
const SELECTED_LINE_WIDTH = 2.5;
/** Width of the theme-coloured casing on each side of a path (palette.test.ts measures why it is needed). */
const CASING_PX = 1;
/** Opacity of the part of a path beyond the scrubbed step. */
const FUTURE_ALPHA = 0.22;

export class PathLayer {
  private ctxs: { others: CanvasRenderingContext2D; selected: CanvasRenderingContext2D; heads: CanvasRenderingContext2D };
  private frame: Frame | null = null;
  private runs: RunStyle[] = [];
  private selectedId: string | null = null;
  private scrub: number | null = null;
  private theme: Theme | null = null;
  private generation = -1;
  private drawn = new Map<string, Drawn>();
  private needsFull = true;
  private width = 1;
  private height = 1;

  constructor(
    private readonly canvases: { others: HTMLCanvasElement; selected: HTMLCanvasElement; heads: HTMLCanvasElement },
    private readonly store: TrajectoryStore,
  ) {
    this.ctxs = {
      others: canvases.others.getContext("2d")!,
      selected: canvases.selected.getContext("2d")!,
      heads: canvases.heads.getContext("2d")!,
    };
  }

  resize(width: number, height: number, dpr: number): void {
    this.width = width;
    this.height = height;
    this.ctxs = {
      others: sizeCanvas(this.canvases.others, width, height, dpr),
      selected: sizeCanvas(this.canvases.selected, width, height, dpr),
      heads: sizeCanvas(this.canvases.heads, width, height, dpr),
    };
    this.needsFull = true;
  }

  setFrame(frame: Frame): void {
    this.frame = frame;
    this.needsFull = true;
  }

  setRuns(runs: RunStyle[], selectedId: string | null): void {
    this.runs = runs;
    this.selectedId = selectedId;
    this.needsFull = true;
  }

  setScrub(scrub: number | null): void {
    this.scrub = scrub;
    this.needsFull = true;
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.needsFull = true;
  }

  /** Draws what changed since the last call; returns milliseconds spent. */
  render(): number {
    const t0 = performance.now();
    if (!this.frame || !this.theme) return 0;
    const store = this.store;
    const newGeneration = store.generation !== this.generation;
    const full = this.needsFull || newGeneration || this.scrub !== null || this.lostPoints();
    if (full) {
      clearCanvas(this.ctxs.others);
      clearCanvas(this.ctxs.selected);
      this.drawn.clear();
      this.generation = store.generation;
      this.needsFull = false;
    }
    for (const style of this.runs) {
      if (style.hidden) continue;
      const tr = store.runs.get(style.id);
      if (!tr || tr.count === 0) continue;
      const selected = style.id === this.selectedId;
      this.drawRun(selected ? this.ctxs.selected : this.ctxs.others, tr, style, selected);
    }
    this.drawHeads();
    if (newGeneration) markOnce(MARK_PATHS, { generation: store.generation });
    return performance.now() - t0;
  }

  /** True when a run holds fewer points than drawn (a replaced buffer): only a full redraw is right. */
  private lostPoints(): boolean {
    for (const [id, d] of this.drawn) {
      const tr = this.store.runs.get(id);
      if (!tr || tr.count < d.count) return true;
    }
    return false;
  }

  private drawRun(ctx: CanvasRenderingContext2D, tr: RunTrajectory, style: RunStyle, selected: boolean): void {
    const count = tr.count;
    const prev = this.drawn.get(style.id);
    if (prev && prev.count >= count) return;
    const width = selected ? SELECTED_LINE_WIDTH : LINE_WIDTH;
    ctx.strokeStyle = style.color;
    ctx.lineWidth = width;
    ctx.setLineDash(style.dash?.length ? style.dash.map((d) => d * width) : []);
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    if (this.scrub !== null && this.scrub < count - 1) {
      const split = Math.max(0, this.scrub);
      const mid = this.stroke(ctx, tr, 0, split + 1, null);
      ctx.globalAlpha = FUTURE_ALPHA;
      this.stroke(ctx, tr, split, count, mid);
      ctx.globalAlpha = 1;
      this.drawn.set(style.id, { count, px: mid.px, py: mid.py });
      return;
    }
    const end = this.stroke(ctx, tr, prev ? prev.count : 0, count, prev ?? null);
    this.drawn.set(style.id, { count, px: end.px, py: end.py });
  }

  /**
   * Strokes points [from, to) as one polyline, continuing from `after` (the last drawn pixel)
   * when given; the last point is always drawn so the next increment joins up exactly.
   */
  private stroke(ctx: CanvasRenderingContext2D, tr: RunTrajectory, from: number, to: number, after: { px: number; py: number } | null): { px: number; py: number } {
    const f = this.frame!;
    const xy = tr.xy;
    const k = f.k;
    const x0 = f.x0;
    const y1 = f.y1;
    let lx: number;
    let ly: number;
    let i = from;
    ctx.beginPath();
    if (after) {
      lx = after.px;
      ly = after.py;
    } else {
      lx = clampPx((xy[2 * i] - x0) * k);
      ly = clampPx((y1 - xy[2 * i + 1]) * k);
      i++;
    }
    ctx.moveTo(lx, ly);
    // A lone point still shows as a dot (round caps on a zero-length segment).
    if (i >= to) ctx.lineTo(lx, ly);
    const last = to - 1;
    for (; i < to; i++) {
      const px = clampPx((xy[2 * i] - x0) * k);
      const py = clampPx((y1 - xy[2 * i + 1]) * k);
      const dx = px - lx;
      const dy = py - ly;
      if (dx * dx + dy * dy < MIN_STEP_PX2 && i !== last) continue;
      ctx.lineTo(px, py);
      lx = px;
      ly = py;
    }
    this.strokeCased(ctx);
    return { px: lx, py: ly };
  }

  /**
   * Strokes the current path over a casing in the theme's halo colour, so the line keeps
   * 3:1 against what it touches on any band. The casing is painted behind what the canvas
   * already holds ("destination-over"): it never covers an earlier path, nor the earlier
   * part of this one when a path is extended a few points at a time.
   */
  private strokeCased(ctx: CanvasRenderingContext2D): void {
    const color = ctx.strokeStyle;
    const width = ctx.lineWidth;
    const dash = ctx.getLineDash();
    ctx.globalCompositeOperation = "destination-over";
    ctx.setLineDash([]);
    ctx.strokeStyle = this.theme!.halo;
    ctx.lineWidth = width + 2 * CASING_PX;
    ctx.stroke();
    ctx.globalCompositeOperation = "source-over";
    ctx.setLineDash(dash);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  }

  private inside(px: number, py: number): boolean {
    return px >= 0 && py >= 0 && px <= this.width && py <= this.height;
  }

  /**
   * Where the path from its last on-screen point towards point `end` crosses the box edge
   * (inset a little so the mark shows whole), or null when no recent point is on screen.
   */
  private exitPoint(tr: RunTrajectory, end: number): [number, number] | null {
    const f = this.frame!;
    const px = (j: number) => (tr.xy[2 * j] - f.x0) * f.k;
    const py = (j: number) => (f.y1 - tr.xy[2 * j + 1]) * f.k;
    for (let j = end - 1; j >= Math.max(0, end - EXIT_SEARCH); j--) {
      const ax = px(j);
      const ay = py(j);
      if (!this.inside(ax, ay)) continue;
      const bx = px(j + 1);
      const by = py(j + 1);
      // Largest t in [0, 1] keeping a + t (b − a) inside the box.
      let t = 1;
      if (bx > this.width) t = Math.min(t, (this.width - ax) / (bx - ax));
      if (bx < 0) t = Math.min(t, -ax / (bx - ax));
      if (by > this.height) t = Math.min(t, (this.height - ay) / (by - ay));
      if (by < 0) t = Math.min(t, -ay / (by - ay));
      const x = ax + t * (bx - ax);
      const y = ay + t * (by - ay);
      return [Math.min(this.width - EDGE_INSET, Math.max(EDGE_INSET, x)), Math.min(this.height - EDGE_INSET, Math.max(EDGE_INSET, y))];
    }
    return null;
  }

  /** Heads (and the × ending a diverged run) are redrawn every time: there are at most a dozen. */
  private drawHeads(): void {
    const ctx = this.ctxs.heads;
    clearCanvas(ctx);
    const f = this.frame!;
    const theme = this.theme!;
    const order = [...this.runs.filter((r) => r.id !== this.selectedId), ...this.runs.filter((r) => r.id === this.selectedId)];
    for (const style of order) {
      if (style.hidden) continue;
      const tr = this.store.runs.get(style.id);
      if (!tr || tr.count === 0) continue;
      const i = this.scrub === null ? tr.count - 1 : Math.min(this.scrub, tr.count - 1);
      const px = clampPx((tr.xy[2 * i] - f.x0) * f.k);
      const py = clampPx((f.y1 - tr.xy[2 * i + 1]) * f.k);
      const selected = style.id === this.selectedId;
      if (tr.status === "diverged" && i === tr.count - 1) {
        // A diverged run usually ends far off screen: mark where its path leaves the box instead.
        const at = this.inside(px, py) ? [px, py] : this.exitPoint(tr, i);
        if (at) drawCross(ctx, at[0], at[1], selected ? 6 : 5, style.color, theme.halo);
        continue;
      }
      if (px < -20 || py < -20 || px > this.width + 20 || py > this.height + 20) continue;
      drawHead(ctx, px, py, selected ? 4.5 : 3.5, style.color, theme.halo);
    }
  }
}

const EDGE_INSET = 7;
/** Diverged runs leave the box within their last few steps; looking further back is not worth it. */
const EXIT_SEARCH = 2000;

function drawHead(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string, halo: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = halo;
  ctx.stroke();
}

function drawCross(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string, halo: string): void {
  ctx.beginPath();
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
  ctx.lineCap = "round";
  ctx.strokeStyle = halo;
  ctx.lineWidth = 4.5;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}
