/**
 * The contour plot's imperative core: owns the canvases and SVGs that React created and
 * composes the pieces that draw into them: the zoom (plotZoom), the contour requests
 * (contourScheduler), the start pointer (startPointer), the size watcher (plotSize) and
 * the hover readout. Everything that moves is drawn here in one requestAnimationFrame pass.
 *
 * The view is the experiment's (useStore setView): a zoom or pan is drawn at once as a
 * transform of what is on screen, and committed to the experiment when the gesture ends;
 * the committed view then becomes the new base frame and the worker is asked for contours
 * of it.
 */
import { pointer } from "d3-selection";
import { getSurface, type Surface, type SurfaceRef } from "../../core/surfaces";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { clearLegend, drawAxes, drawLegend } from "./axes";
import { BasinLayer } from "./basinLayer";
import { ContourLayer, DRAFT_GRID, FULL_GRID } from "./contourLayer";
import { ContourScheduler } from "./contourScheduler";
import { fitView, frameRect, roundToPixel, toDataX, toDataY, transformFrame, type Frame, type Rect } from "./frame";
import { HoverReadout, type ReadoutElements } from "./hoverReadout";
import { InspectorLayer } from "./inspectorLayer";
import { drawCriticalPoints, drawStarts } from "./markers";
import { PathLayer } from "./pathLayer";
import { innerBox, placeLayers, watchPlotSize } from "./plotSize";
import { domainRect, isClickGesture, roundRect, viewOf, zoomScaleExtent } from "./plotView";
import { PlotZoom } from "./plotZoom";
import { runStyles, startMarks } from "./runMarks";
import { attachStartPointer } from "./startPointer";
import { readTheme, watchTheme } from "../theme";

export interface PlotElements {
  /** The box the plot fills (observed for resizes). */
  frame: HTMLElement;
  /** Carries data-* attributes describing what is drawn (for tests and tools). */
  plot: HTMLElement;
  contours: HTMLCanvasElement;
  others: HTMLCanvasElement;
  selected: HTMLCanvasElement;
  heads: HTMLCanvasElement;
  /** Full-size SVG: axes and legend. */
  axes: SVGSVGElement;
  /** Inner-box SVG under the paths: critical points and start markers (a path is never hidden by them). */
  marks: SVGSVGElement;
  /** Inner-box SVG on top of everything: the crosshair; takes the pointer and the zoom. */
  overlay: SVGSVGElement;
  readout: ReadoutElements;
}

export interface PlotOptions {
  /** Whether a click (or start drag) with these modifiers moves every run's start or the selected run's. */
  startTarget(e: MouseEvent): "all" | "selected";
  /** True when plain drags move the start instead of panning. */
  dragMode(): boolean;
}

export interface PlotController {
  zoomBy(factor: number): void;
  resetView(): void;
  destroy(): void;
}

export function createPlot(el: PlotElements, opts: PlotOptions): PlotController {
  const disposers: (() => void)[] = [];
  const initial = useStore.getState();
  let surface: Surface = getSurface(initial.experiment.surface) ?? getSurface("rosenbrock")!;
  // What the contour workers are asked for: the experiment's own reference (a typed formula is not a name).
  let surfaceRef: SurfaceRef = getSurface(initial.experiment.surface) ? initial.experiment.surface : "rosenbrock";
  let committed: Rect = viewOf(initial.experiment, surface);
  let box = { width: 0, height: 0 };
  let dpr = window.devicePixelRatio || 1;
  let measured = false;
  let base: Frame = fitView(committed, 1, 1);
  let theme = readTheme(el.frame);
  let frameDirty = true;
  let drawnLegend = "";
  let raf = 0;
  let destroyed = false;

  const current = (): Frame => transformFrame(base, zoomer.transform);
  const hasArea = () => box.width >= 2 && box.height >= 2;

  const contours = new ContourLayer(el.contours, (image) => {
    el.plot.dataset.contours = String(contours.shown);
    el.plot.dataset.contourGrid = `${image.nx}x${image.ny}`;
    markFrame();
  });
  contours.setTheme(theme);
  const scheduler = new ContourScheduler((fine) => {
    if (hasArea()) contours.request(surfaceRef, current(), fine ? FULL_GRID : DRAFT_GRID, fine);
  });
  disposers.push(() => {
    scheduler.destroy();
    contours.destroy();
  });
  const basins = new BasinLayer(el.contours, markFrame);
  disposers.push(() => basins.destroy());
  const paths = new PathLayer({ others: el.others, selected: el.selected, heads: el.heads }, trajectories);
  paths.setTheme(theme);
  paths.setRuns(runStyles(initial), initial.selectedRunId);
  paths.setScrub(initial.scrub);
  const readout = new HoverReadout(el.overlay, el.readout, () => surface, current);
  disposers.push(() => readout.destroy());
  const arrows = new InspectorLayer(el.overlay, () => schedule());
  disposers.push(() => arrows.destroy());

  function schedule(): void {
    if (!raf && !destroyed) raf = requestAnimationFrame(render);
  }
  function markFrame(): void {
    frameDirty = true;
    schedule();
  }

  function render(): void {
    raf = 0;
    if (!hasArea()) return;
    const f = current();
    if (frameDirty) {
      frameDirty = false;
      drawFrame(f);
    }
    el.plot.dataset.pathMs = paths.render().toFixed(2);
    arrows.draw(f, theme.dark);
  }

  /** Everything that depends on the frame, not on the race: contours, axes, legend, marks. */
  function drawFrame(f: Frame): void {
    contours.draw(f);
    basins.draw(f);
    drawAxes(el.axes, f);
    // The legend moves only with a new image or a new size, not with every zoom frame.
    const legendKey = `${contours.image ? contours.shown : 0} ${f.width} ${f.height}`;
    if (legendKey !== drawnLegend) {
      drawnLegend = legendKey;
      if (contours.image) drawLegend(el.axes, f, contours.image.thresholds, contours.image.colors);
      else clearLegend(el.axes);
    }
    drawCriticalPoints(el.marks, f, surface.critical);
    drawStarts(el.marks, f, startMarks(useStore.getState(), surface));
    paths.setFrame(f);
    readout.update(f);
    const r = frameRect(f);
    el.plot.dataset.view = [r.x[0], r.x[1], r.y[0], r.y[1]].map((v) => v.toPrecision(6)).join(" ");
  }

  // ── zoom ────────────────────────────────────────────────────────────────────
  const zoomer = new PlotZoom(el.overlay, {
    pressPans: (e) => !e.altKey && !opts.dragMode(),
    onZoom: (_, byUser) => {
      markFrame();
      if (byUser) scheduler.draft();
    },
    onEnd: commit,
  });
  disposers.push(() => zoomer.destroy());

  /** The gesture ended: a press that barely moved is a click, anything else becomes the view. */
  function commit(): void {
    const t = zoomer.transform;
    if (isClickGesture(t)) {
      if (t.x !== 0 || t.y !== 0) {
        zoomer.reset();
        markFrame();
      }
      scheduler.cancelDraft();
      return;
    }
    useStore.getState().setView(roundRect(frameRect(current())));
  }

  /**
   * Makes `view` the base frame, with no transient transform, and asks for its contours
   * (after `delay` ms of quiet: a window being resized sends a size every frame).
   */
  function rebase(view: Rect, delay = 20): void {
    committed = view;
    base = fitView(view, box.width, box.height);
    zoomer.reset();
    zoomer.setScaleExtent(zoomScaleExtent(base, domainRect(surface)));
    markFrame();
    scheduler.full(delay);
  }

  // ── size ────────────────────────────────────────────────────────────────────
  function measure(): void {
    const r = el.frame.getBoundingClientRect();
    const inner = innerBox(r.width, r.height);
    const ratio = window.devicePixelRatio || 1;
    if (inner.width === box.width && inner.height === box.height && ratio === dpr) return;
    box = inner;
    dpr = ratio;
    placeLayers(el, r.width, r.height, box);
    contours.resize(box.width, box.height, dpr);
    paths.resize(box.width, box.height, dpr);
    zoomer.setExtent(box.width, box.height);
    rebase(committed, measured ? 150 : 0);
    measured = true;
  }
  disposers.push(watchPlotSize(el.frame, measure));
  measure();

  // ── store, trajectories, theme ─────────────────────────────────────────────
  disposers.push(
    useStore.subscribe((s, prev) => {
      const e = s.experiment;
      const p = prev.experiment;
      let restyle = false;
      if (e.surface !== p.surface) {
        const next = getSurface(e.surface);
        if (next) {
          surface = next;
          surfaceRef = e.surface;
          contours.clear();
          rebase(viewOf(e, surface));
        }
      } else if (e.view !== p.view) {
        rebase(viewOf(e, surface), 0);
      }
      if (e.runs !== p.runs || s.selectedRunId !== prev.selectedRunId) {
        paths.setRuns(runStyles(s), s.selectedRunId);
        restyle = true;
      }
      if (e.start !== p.start || e.runs !== p.runs) markFrame();
      if (s.scrub !== prev.scrub) {
        paths.setScrub(s.scrub);
        restyle = true;
      }
      if (restyle) schedule();
    }),
  );
  disposers.push(trajectories.subscribe(schedule));
  disposers.push(
    watchTheme(() => {
      theme = readTheme(el.frame);
      contours.setTheme(theme);
      paths.setTheme(theme);
      markFrame();
    }),
  );

  // ── setting the start ──────────────────────────────────────────────────────
  disposers.push(
    attachStartPointer(el.overlay, {
      dataAt: (e) => {
        const f = current();
        const [px, py] = pointer(e, el.overlay);
        return [roundToPixel(toDataX(f, px), 1 / f.k), roundToPixel(toDataY(f, py), 1 / f.k)];
      },
      startTarget: opts.startTarget,
      dragMode: opts.dragMode,
      setStart: (point, target) => useStore.getState().setStart(point, target === "all"),
    }),
  );

  return {
    zoomBy(factor) {
      zoomer.scaleBy(factor);
    },
    resetView() {
      const s = useStore.getState();
      if (s.experiment.view) s.setView(undefined);
      else rebase(domainRect(surface));
    },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      disposers.forEach((d) => d());
    },
  };
}
