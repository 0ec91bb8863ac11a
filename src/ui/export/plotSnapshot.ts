/**
 * What an export draws, gathered once from the page: the plot's current frame, fresh
 * contour bands for exactly that rectangle (the vector polygons the SVG needs; the PNG
 * paints the same ones), the visible runs with their colours, dashes, names and a copy
 * of their points, the marks and the theme. The PNG, the SVG and the animation all draw
 * from one snapshot, so they show the same thing.
 */
import type { CriticalPoint } from "../../core/surfaces";
import { requireSurface } from "../../core/surfaces";
import { getEngine } from "../../state/engine";
import { runColor, runDash } from "../../state/palette";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { FULL_GRID, LEVELS } from "../plot/contourLayer";
import type { ContourReply } from "../plot/contourImage";
import { fitView, frameRect, type Frame } from "../plot/frame";
import type { StartMark } from "../plot/markers";
import { innerBox } from "../plot/plotSize";
import { viewOf } from "../plot/plotView";
import { startMarks } from "../plot/runMarks";
import { bandColors } from "../plot/theme";
import { readTheme, type Theme } from "../theme";

export interface ExportRun {
  id: string;
  name: string;
  color: string;
  /** Dash pattern in line widths (empty: solid). */
  dash: readonly number[];
  selected: boolean;
  /** Points computed so far; `xy` is a copy of their interleaved x, y. */
  count: number;
  xy: Float64Array;
  diverged: boolean;
}

export interface PlotSnapshot {
  surface: string;
  surfaceTitle: string;
  frame: Frame;
  reply: ContourReply;
  /** Band colours: below the first threshold, then above each. */
  colors: string[];
  theme: Theme;
  /** Visible runs, unselected first and the selected run last (drawn on top, as on screen). */
  runs: ExportRun[];
  /** Steps of the race so far and its horizon. */
  step: number;
  steps: number;
  /** The step the timeline shows when scrubbed back (the rest of each path is drawn faint), else null. */
  scrub: number | null;
  critical: readonly CriticalPoint[];
  starts: StartMark[];
}

/** Box used when the plot has no layout (hidden, or not mounted): a 4:3 slide-sized frame. */
const FALLBACK_FRAME = { width: 840, height: 630 };
/** Contours not back after this long (a burst of zooming can supersede the request) fail with a message. */
export const CONTOUR_TIMEOUT_MS = 15_000;

function plotBox(): { width: number; height: number } {
  const el = document.querySelector<HTMLElement>(".plot-frame");
  const r = el?.getBoundingClientRect();
  const box = r ? innerBox(r.width, r.height) : { width: 0, height: 0 };
  return box.width >= 40 && box.height >= 40 ? box : FALLBACK_FRAME;
}

export async function takePlotSnapshot(): Promise<PlotSnapshot> {
  const s = useStore.getState();
  const e = s.experiment;
  const surface = requireSurface(e.surface);
  const box = plotBox();
  const frame = fitView(viewOf(e, surface), box.width, box.height);
  const reply = await withTimeout(getEngine().requestContours(e.surface, frameRect(frame), FULL_GRID, FULL_GRID, LEVELS), CONTOUR_TIMEOUT_MS);
  const plot = document.querySelector(".plot-frame") ?? document.documentElement;
  const theme = readTheme(plot);
  const runs: ExportRun[] = [];
  e.runs.forEach((r, i) => {
    if (r.hidden) return;
    const tr = trajectories.runs.get(r.id);
    const count = tr?.count ?? 0;
    runs.push({
      id: r.id,
      name: r.label ?? r.id,
      color: runColor(r, i),
      dash: runDash(r, i),
      selected: r.id === s.selectedRunId,
      count,
      xy: tr ? tr.xy.slice(0, 2 * count) : new Float64Array(0),
      diverged: tr?.status === "diverged",
    });
  });
  runs.sort((a, b) => Number(a.selected) - Number(b.selected));
  return {
    surface: surface.name,
    surfaceTitle: surface.displayName,
    frame,
    reply,
    colors: bandColors(reply.thresholds.length, theme),
    theme,
    runs,
    step: trajectories.step,
    steps: trajectories.steps || e.steps,
    scrub: s.scrub,
    critical: surface.critical,
    starts: startMarks(s, surface),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("the contours did not arrive in time; try again")), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (err) => {
        clearTimeout(t);
        reject(err);
      },
    );
  });
}

/** The file name stem every export shares: downhill-<surface>-… (surface names are identifiers). */
export function exportName(surface: string, what: "plot" | "race", ext: string): string {
  const safe = surface.replace(/[^A-Za-z0-9_-]/g, "_");
  return `downhill-${safe}-${what}.${ext}`;
}
