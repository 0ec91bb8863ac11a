/**
 * The race as a WebM video for slides: the snapshot replayed from step 0 to the head over
 * a chosen duration, each frame painted into an off-screen canvas (contours, paths up to
 * the frame's step, heads, legend, a step counter) that canvas.captureStream feeds to a
 * MediaRecorder.
 *
 * MediaRecorder records in real time, so frames are paced by requestAnimationFrame against
 * the clock (the page stays responsive: each frame adds only the new path segments to
 * the paths' layer and composites three images). Cancel stops everything at once and
 * resolves with null: nothing is saved.
 */
import { contourCanvas, legendMeasure, paintHeads, paintStill, PathPainter } from "./canvasPainter";
import { layoutExport } from "./exportLayout";
import type { PlotSnapshot } from "./plotSnapshot";

export const DURATIONS_S = [5, 8, 10] as const;
export const DEFAULT_DURATION_S = 8;
export const FPS = 30;
/** The last frame is held this long, so a slide does not cut away the moment the race ends. */
const HOLD_MS = 600;
const CANDIDATE_TYPES = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"];

/** The first WebM type this browser's MediaRecorder can write, or null (no MediaRecorder, or no WebM). */
export function webmType(): string | null {
  if (typeof MediaRecorder === "undefined" || typeof HTMLCanvasElement.prototype.captureStream !== "function") return null;
  return CANDIDATE_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export interface Recording {
  /** The video, or null when cancelled. */
  done: Promise<Blob | null>;
  cancel(): void;
}

/** The step shown by frame `k` of `frames`: 0 first, `head` last, evenly in between. */
export function frameStep(k: number, frames: number, head: number): number {
  return frames <= 1 ? head : Math.round((head * Math.min(k, frames - 1)) / (frames - 1));
}

export function recordRace(snap: PlotSnapshot, durationS: number, onProgress: (fraction: number) => void): Recording {
  const mimeType = webmType();
  if (!mimeType) return { done: Promise.reject(new Error("this browser cannot record video (no MediaRecorder with WebM)")), cancel() {} };
  let cancelled = false;
  let raf = 0;
  let recorder: MediaRecorder | null = null;
  let stream: MediaStream | null = null;
  let settle: (b: Blob | null) => void = () => {};
  const stopTracks = () => stream?.getTracks().forEach((t) => t.stop());

  const done = new Promise<Blob | null>((resolve, reject) => {
    settle = resolve;
    const layout = layoutExport(snap.frame, snap.reply.thresholds, snap.colors.length, snap.runs, legendMeasure(snap.theme.font));
    // Codecs want even sizes; the extra pixel row or column is background.
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(layout.width / 2) * 2;
    canvas.height = Math.ceil(layout.height / 2) * 2;
    const ctx = canvas.getContext("2d")!;
    const still = document.createElement("canvas");
    still.width = canvas.width;
    still.height = canvas.height;
    const stillCtx = still.getContext("2d")!;
    stillCtx.fillStyle = snap.theme.surface;
    stillCtx.fillRect(0, 0, still.width, still.height);
    const head = Math.max(0, ...snap.runs.map((r) => r.count - 1));
    const frames = Math.max(2, Math.round(durationS * FPS));
    const total = durationS * 1000 + HOLD_MS;
    const paths = new PathPainter(snap, 1);

    const paint = (step: number) => {
      ctx.drawImage(still, 0, 0);
      paths.drawTo(() => step + 1);
      ctx.drawImage(paths.canvas, layout.box.x, layout.box.y, layout.box.width, layout.box.height);
      paintHeads(ctx, snap, layout, () => step);
      ctx.fillStyle = snap.theme.text;
      ctx.font = `600 14px ${snap.theme.font}`;
      ctx.textAlign = "right";
      ctx.textBaseline = "middle";
      ctx.fillText(`step ${step.toLocaleString("en-US")} / ${head.toLocaleString("en-US")}`, layout.width - 12, 16);
    };

    contourCanvas(snap, layout.box.width, layout.box.height).then((contours) => {
      if (cancelled) return;
      paintStill(stillCtx, snap, layout, contours);
      paint(0);
      stream = canvas.captureStream(FPS);
      const chunks: Blob[] = [];
      recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 5_000_000 });
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data);
      };
      recorder.onstop = () => {
        stopTracks();
        if (!cancelled) resolve(new Blob(chunks, { type: "video/webm" }));
      };
      recorder.onerror = () => {
        stopTracks();
        if (!cancelled) reject(new Error("the recorder failed"));
      };
      recorder.start(500);
      const t0 = performance.now();
      const tick = (now: number) => {
        raf = 0;
        if (cancelled) return;
        const elapsed = now - t0;
        paint(frameStep(Math.floor((elapsed / (durationS * 1000)) * frames), frames, head));
        onProgress(Math.min(1, elapsed / total));
        if (elapsed >= total) recorder?.stop();
        else raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
    }, reject);
  });

  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      if (raf) cancelAnimationFrame(raf);
      if (recorder && recorder.state !== "inactive") recorder.stop();
      stopTracks();
      settle(null);
    },
  };
}
