/**
 * The filled-contour layer: asks the worker for bands over the visible rectangle, paints
 * each reply into an off-screen image, and copies the newest image onto the visible canvas
 * under the current frame. Between a pan and the next reply the old image is simply shown
 * moved and scaled, so the main thread never waits on the contours.
 */
import type { SurfaceRef } from "../../core/surfaces";
import { getEngine } from "../../state/engine";
import { MARK_CONTOURS, markOnce } from "../../state/marks";
import { clearCanvas, sizeCanvas } from "./canvas";
import { renderContourImage, type ContourImage, type ContourReply, type RenderJob } from "./contourImage";
import { frameRect, toPxX, toPxY, type Frame } from "./frame";
import type { Theme } from "../theme";

/** Log-spaced levels asked of the workers: 20 read well and keep a 400 × 400 zoom inside its 200 ms budget on 2 cores. */
export const LEVELS = 20;
/** Grid size along the box's longer side: coarse while the view moves, finer at rest. */
export const DRAFT_GRID = 200;
export const FULL_GRID = 400;

export class ContourLayer {
  image: ContourImage | null = null;
  /** Images shown so far (tests wait on this to know new contours arrived). */
  shown = 0;
  private reply: ContourReply | null = null;
  private job: { id: number; job: RenderJob | null } | null = null;
  private shownId = 0;
  private epoch = 0;
  private destroyed = false;
  private ctx: CanvasRenderingContext2D;
  private theme: Theme | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onImage: (image: ContourImage) => void,
  ) {
    this.ctx = canvas.getContext("2d")!;
  }

  resize(width: number, height: number, dpr: number): void {
    this.ctx = sizeCanvas(this.canvas, width, height, dpr);
  }

  setTheme(theme: Theme): void {
    const was = this.theme;
    const changed = was !== null && (was.dark !== theme.dark || was.highContrast !== theme.highContrast || was.plotBackground !== theme.plotBackground);
    this.theme = theme;
    if (changed && this.reply) this.paint(this.reply, true);
  }

  /** Forgets the current image (a new surface): replies to older requests are dropped. */
  clear(): void {
    this.epoch++;
    this.job?.job?.cancel();
    this.job = null;
    this.image = null;
    this.reply = null;
  }

  /**
   * Requests bands for the rectangle `frame` shows: `cells` grid cells along the longer side
   * for a draft, or a square `cells` × `cells` grid at rest (`square`), the budgeted 400 × 400.
   */
  request(surface: SurfaceRef, frame: Frame, cells: number, square = false): void {
    const rect = frameRect(frame);
    const aspect = frame.width / frame.height;
    const nx = square || aspect >= 1 ? cells : Math.max(16, Math.round(cells * aspect));
    const ny = square || aspect < 1 ? cells : Math.max(16, Math.round(cells / aspect));
    const epoch = this.epoch;
    getEngine()
      .requestContours(surface, rect, nx, ny, LEVELS)
      .then((reply) => {
        if (this.destroyed || epoch !== this.epoch) return;
        this.paint(reply, false);
      });
  }

  private paint(reply: ContourReply, force: boolean): void {
    if (!this.theme) return;
    // An older reply must not replace a newer image, nor a newer image still being painted.
    if (!force && (reply.requestId <= this.shownId || (this.job && this.job.id > reply.requestId))) return;
    this.job?.job?.cancel();
    const token: { id: number; job: RenderJob | null } = { id: reply.requestId, job: null };
    this.job = token;
    token.job = renderContourImage(reply, this.canvas.width, this.canvas.height, this.theme, (image) => {
      if (this.job !== token) return;
      this.job = null;
      this.image = image;
      this.reply = reply;
      this.shownId = reply.requestId;
      this.shown++;
      this.onImage(image);
      markOnce(MARK_CONTOURS, { requestId: reply.requestId, nx: reply.nx, ny: reply.ny });
    });
  }

  /** Copies the image onto the visible canvas where its rectangle falls in `frame`. */
  draw(frame: Frame): void {
    const ctx = this.ctx;
    clearCanvas(ctx);
    if (!this.theme) return;
    ctx.fillStyle = this.theme.plotBackground;
    ctx.fillRect(0, 0, frame.width, frame.height);
    const img = this.image;
    if (!img) return;
    const x = toPxX(frame, img.rect.x[0]);
    const y = toPxY(frame, img.rect.y[1]);
    const w = (img.rect.x[1] - img.rect.x[0]) * frame.k;
    const h = (img.rect.y[1] - img.rect.y[0]) * frame.k;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(img.canvas, x, y, w, h);
  }

  destroy(): void {
    this.destroyed = true;
    this.job?.job?.cancel();
  }
}
