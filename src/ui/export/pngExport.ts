/**
 * The plot as a PNG: the snapshot painted at max(2, devicePixelRatio) × its CSS size, sharp
 * enough for a slide even from a 1× screen.
 */
import { contourCanvas, FUTURE_ALPHA, legendMeasure, paintHeads, paintStill, PathPainter } from "./canvasPainter";
import { layoutExport, type ExportLayout } from "./exportLayout";
import type { PlotSnapshot } from "./plotSnapshot";

export function exportScale(): number {
  return Math.max(2, window.devicePixelRatio || 1);
}

/** Paints the whole plot (paths as on screen, faint past a scrubbed step) into a new canvas. */
export async function paintPlotCanvas(snap: PlotSnapshot, scale: number): Promise<{ canvas: HTMLCanvasElement; layout: ExportLayout }> {
  const layout = layoutExport(snap.frame, snap.reply.thresholds, snap.colors.length, snap.runs, legendMeasure(snap.theme.font));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  const contours = await contourCanvas(snap, Math.round(snap.frame.width * scale), Math.round(snap.frame.height * scale));
  paintStill(ctx, snap, layout, contours);
  const paths = new PathPainter(snap, scale);
  const scrub = snap.scrub;
  if (scrub === null) paths.drawTo((r) => r.count);
  else {
    paths.drawTo(() => scrub + 1);
    paths.drawTo((r) => r.count, FUTURE_ALPHA);
  }
  ctx.drawImage(paths.canvas, layout.box.x, layout.box.y, layout.box.width, layout.box.height);
  paintHeads(ctx, snap, layout, (r) => (scrub === null ? r.count - 1 : scrub));
  return { canvas, layout };
}

export async function plotPng(snap: PlotSnapshot): Promise<Blob> {
  const { canvas } = await paintPlotCanvas(snap, exportScale());
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the browser could not encode the PNG"))), "image/png"));
}
