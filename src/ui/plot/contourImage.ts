/**
 * Paints the worker's contour bands into an off-screen canvas covering the view they were
 * computed for. The visible canvas then only copies this image under the current zoom
 * transform, which is what keeps panning cheap while new contours are on their way.
 *
 * Painting tens of thousands of vertices can take longer than a frame, so it is done a
 * few bands at a time, yielding between slices; a newer reply cancels an older job.
 */
import type { FromWorker } from "../../worker/protocol";
import type { Rect } from "./frame";
import type { Theme } from "../theme";
import { bandColors } from "./theme";

export type ContourReply = Extract<FromWorker, { type: "contours" }>;

export interface ContourImage {
  canvas: HTMLCanvasElement;
  /** The rectangle of the plane the image covers, edge to edge. */
  rect: Rect;
  thresholds: number[];
  colors: string[];
  requestId: number;
  /** Grid size the worker sampled. */
  nx: number;
  ny: number;
}

export interface RenderJob {
  cancel(): void;
}

/** Milliseconds of painting per slice before yielding back to the page. */
const SLICE_MS = 6;

export function renderContourImage(
  reply: ContourReply,
  widthPx: number,
  heightPx: number,
  theme: Theme,
  onDone: (image: ContourImage) => void,
): RenderJob {
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(widthPx));
  canvas.height = Math.max(1, Math.round(heightPx));
  const ctx = canvas.getContext("2d")!;
  const { view, thresholds, bands } = reply;
  const sx = canvas.width / (view.x[1] - view.x[0]);
  const sy = canvas.height / (view.y[1] - view.y[0]);
  const colors = bandColors(thresholds.length, theme);
  ctx.fillStyle = colors[0];
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.levelLine;
  ctx.lineJoin = "round";

  let next = 0;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const paintBand = (b: number) => {
    const band = bands[b];
    const path = new Path2D();
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        if (ring.length < 3) continue;
        path.moveTo((ring[0][0] - view.x[0]) * sx, (view.y[1] - ring[0][1]) * sy);
        for (let i = 1; i < ring.length; i++) path.lineTo((ring[i][0] - view.x[0]) * sx, (view.y[1] - ring[i][1]) * sy);
        path.closePath();
      }
    }
    // Bands are nested (f ≥ t_k inside f ≥ t_{k-1}), so painting them in order layers correctly;
    // even-odd keeps the holes of each band open whatever the ring orientation.
    ctx.fillStyle = colors[Math.min(b + 1, colors.length - 1)];
    ctx.fill(path, "evenodd");
    ctx.stroke(path);
  };

  const slice = () => {
    timer = null;
    if (cancelled) return;
    const t0 = performance.now();
    while (next < bands.length && performance.now() - t0 < SLICE_MS) paintBand(next++);
    if (next < bands.length) timer = setTimeout(slice, 0);
    else onDone({ canvas, rect: { x: [view.x[0], view.x[1]], y: [view.y[0], view.y[1]] }, thresholds, colors, requestId: reply.requestId, nx: reply.nx, ny: reply.ny });
  };
  slice();

  return {
    cancel() {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
