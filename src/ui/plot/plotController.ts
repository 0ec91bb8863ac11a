/**
 * The contour plot's imperative core: owns the canvases and SVGs that React created, and
 * wires them to the store, the trajectory buffers, d3-zoom and the pointer. React renders
 * the plot's markup once; everything that moves (zoom, hover, paths) is drawn from here in
 * one requestAnimationFrame pass.
 *
 * The view is the experiment's (useStore setView): a zoom or pan is drawn at once as a
 * transform of what is on screen, and committed to the experiment when the gesture ends;
 * the committed view then becomes the new base frame and the worker is asked for contours
 * of it.
 */
import { pointer, select } from "d3-selection";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from "d3-zoom";
import type { Experiment } from "../../core/experiment/types";
import { getSurface, type Surface } from "../../core/surfaces";
import { PALETTE } from "../../state/palette";
import { useStore, type AppState } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { clearLegend, drawAxes, drawLegend, MARGINS } from "./axes";
import { ContourLayer, DRAFT_GRID, FULL_GRID } from "./contourLayer";
import { formatCoordinate, formatPoint, formatValue } from "../format";
import { fitView, frameRect, roundToPixel, toDataX, toDataY, transformFrame, type Frame, type Rect } from "./frame";
import { drawCriticalPoints, drawCrosshair, drawStarts, type StartMark } from "./markers";
import { PathLayer, type RunStyle } from "./pathLayer";
import { readTheme, watchTheme } from "./theme";

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
  readout: { x: HTMLElement; y: HTMLElement; f: HTMLElement; grad: HTMLElement };
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

/** Pointer travel (px) below which a press is a click rather than a pan. */
const CLICK_PX = 4;
/** Zoom range relative to the surface's domain. */
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 5000;
/** Quiet time before asking for draft contours in the middle of a gesture. */
const DRAFT_DELAY_MS = 200;

function domainRect(surface: Surface): Rect {
  return { x: [surface.domain.x[0], surface.domain.x[1]], y: [surface.domain.y[0], surface.domain.y[1]] };
}

function viewOf(e: Experiment, surface: Surface): Rect {
  const v = e.view;
  const ok = v && [...v.x, ...v.y].every(Number.isFinite) && v.x[1] > v.x[0] && v.y[1] > v.y[0];
  return ok ? { x: [v.x[0], v.x[1]], y: [v.y[0], v.y[1]] } : domainRect(surface);
}

/** Rounds a view to 5 significant digits of its span, so shared views read cleanly. */
function roundRect(r: Rect): Rect {
  const span = Math.max(r.x[1] - r.x[0], r.y[1] - r.y[0]);
  const unit = span / 10_000;
  const q = (v: number) => roundToPixel(v, unit);
  return { x: [q(r.x[0]), q(r.x[1])], y: [q(r.y[0]), q(r.y[1])] };
}

function runStyles(s: AppState): RunStyle[] {
  return s.experiment.runs.map((r, i) => ({ id: r.id, color: r.color ?? PALETTE[i % PALETTE.length], hidden: !!r.hidden }));
}

function startMarks(s: AppState, surface: Surface): StartMark[] {
  const e = s.experiment;
  const shared: [number, number] = e.start ? [e.start[0], e.start[1]] : [surface.start[0], surface.start[1]];
  const marks: StartMark[] = [];
  const visible = e.runs.filter((r) => !r.hidden);
  if (visible.some((r) => !r.start)) marks.push({ point: shared, color: null, label: `Start ${formatPoint(shared)}` });
  e.runs.forEach((r, i) => {
    if (r.hidden || !r.start) return;
    marks.push({ point: r.start, color: r.color ?? PALETTE[i % PALETTE.length], label: `Start of ${r.label ?? r.id} ${formatPoint(r.start)}` });
  });
  return marks;
}

export function createPlot(el: PlotElements, opts: PlotOptions): PlotController {
  const disposers: (() => void)[] = [];
  const initial = useStore.getState();
  let surface: Surface = getSurface(initial.experiment.surface) ?? getSurface("rosenbrock")!;
  let committed: Rect = viewOf(initial.experiment, surface);
  let box = { width: 0, height: 0 };
  let dpr = window.devicePixelRatio || 1;
  let base: Frame = fitView(committed, 1, 1);
  let transform: ZoomTransform = zoomIdentity;
  let theme = readTheme(el.frame);
  let syncing = false;
  let hover: [number, number] | null = null;
  let frameDirty = true;
  let drawnLegend = "";
  let raf = 0;
  let destroyed = false;
  const grad = new Float64Array(2);

  const current = (): Frame => transformFrame(base, transform);

  const contours = new ContourLayer(el.contours, (image) => {
    el.plot.dataset.contours = String(contours.shown);
    el.plot.dataset.contourGrid = `${image.nx}x${image.ny}`;
    markFrame();
  });
  contours.setTheme(theme);
  const paths = new PathLayer({ others: el.others, selected: el.selected, heads: el.heads }, trajectories);
  paths.setTheme(theme);
  paths.setRuns(runStyles(initial), initial.selectedRunId);
  paths.setScrub(initial.scrub);

  function schedule(): void {
    if (!raf && !destroyed) raf = requestAnimationFrame(render);
  }
  function markFrame(): void {
    frameDirty = true;
    schedule();
  }

  function render(): void {
    raf = 0;
    if (box.width < 2 || box.height < 2) return;
    const f = current();
    if (frameDirty) {
      frameDirty = false;
      contours.draw(f);
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
      updateReadout(f);
      const r = frameRect(f);
      el.plot.dataset.view = [r.x[0], r.x[1], r.y[0], r.y[1]].map((v) => v.toPrecision(6)).join(" ");
    }
    const ms = paths.render();
    el.plot.dataset.pathMs = ms.toFixed(2);
  }

  // ── contours ────────────────────────────────────────────────────────────────
  let draftTimer: ReturnType<typeof setTimeout> | null = null;
  let fullTimer: ReturnType<typeof setTimeout> | null = null;
  const cancelDraft = () => {
    if (draftTimer !== null) clearTimeout(draftTimer);
    draftTimer = null;
  };
  /** Asks for fine contours of what is shown once things have been still for `delay` ms. */
  const requestFull = (delay: number) => {
    cancelDraft();
    if (fullTimer !== null) clearTimeout(fullTimer);
    fullTimer = setTimeout(() => {
      fullTimer = null;
      if (box.width >= 2 && box.height >= 2) contours.request(surface.name, current(), FULL_GRID, true);
    }, delay);
  };
  const requestDraft = () => {
    cancelDraft();
    draftTimer = setTimeout(() => {
      draftTimer = null;
      if (box.width >= 2 && box.height >= 2) contours.request(surface.name, current(), DRAFT_GRID);
    }, DRAFT_DELAY_MS);
  };
  disposers.push(() => {
    cancelDraft();
    if (fullTimer !== null) clearTimeout(fullTimer);
    contours.destroy();
  });

  // ── zoom ────────────────────────────────────────────────────────────────────
  const overlay = select(el.overlay);
  const zoomer = zoom<SVGSVGElement, unknown>()
    .clickDistance(CLICK_PX)
    // Wheel always zooms; a press pans unless it is a right/middle button, Ctrl (context
    // menu on macOS), or a start drag (Alt, or the "Drag start" mode).
    .filter((e: MouseEvent | WheelEvent | TouchEvent) => {
      if (e.type === "wheel") return true;
      const m = e as MouseEvent;
      return !m.ctrlKey && !m.button && !m.altKey && !opts.dragMode();
    })
    .on("zoom", (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = e.transform;
      if (syncing) return;
      markFrame();
      if (e.sourceEvent) requestDraft();
    })
    .on("end", () => {
      if (!syncing) commit();
    });
  overlay.call(zoomer).on("dblclick.zoom", null);
  disposers.push(() => overlay.on(".zoom", null));

  const setTransform = (t: ZoomTransform) => {
    syncing = true;
    zoomer.transform(overlay, t);
    syncing = false;
    transform = t;
  };

  function updateScaleExtent(): void {
    const domainK = fitView(domainRect(surface), box.width, box.height).k;
    const level = base.k / domainK;
    zoomer.scaleExtent([MIN_ZOOM / level, MAX_ZOOM / level]);
  }

  /** The gesture ended: a press that barely moved is a click, anything else becomes the view. */
  function commit(): void {
    const t = transform;
    if (t.k === 1 && Math.hypot(t.x, t.y) <= CLICK_PX) {
      if (t.x !== 0 || t.y !== 0) {
        setTransform(zoomIdentity);
        markFrame();
      }
      cancelDraft();
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
    setTransform(zoomIdentity);
    updateScaleExtent();
    markFrame();
    requestFull(delay);
  }

  // ── size ────────────────────────────────────────────────────────────────────
  function measure(): void {
    const r = el.frame.getBoundingClientRect();
    const width = Math.max(0, Math.floor(r.width) - MARGINS.left - MARGINS.right);
    const height = Math.max(0, Math.floor(r.height) - MARGINS.top - MARGINS.bottom);
    const ratio = window.devicePixelRatio || 1;
    if (width === box.width && height === box.height && ratio === dpr) return;
    box = { width, height };
    dpr = ratio;
    for (const c of [el.contours, el.others, el.selected, el.heads, el.marks, el.overlay]) {
      c.style.left = `${MARGINS.left}px`;
      c.style.top = `${MARGINS.top}px`;
    }
    for (const svg of [el.marks, el.overlay]) {
      svg.setAttribute("width", String(width));
      svg.setAttribute("height", String(height));
    }
    el.axes.setAttribute("width", String(Math.floor(r.width)));
    el.axes.setAttribute("height", String(Math.floor(r.height)));
    contours.resize(width, height, dpr);
    paths.resize(width, height, dpr);
    zoomer.extent([
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ]);
    rebase(committed, measured ? 150 : 0);
    measured = true;
  }
  let measured = false;
  const ro = new ResizeObserver(() => measure());
  ro.observe(el.frame);
  disposers.push(() => ro.disconnect());
  measure();
  // Moving the window to a screen of another pixel density changes no size: watch the ratio too.
  let dprQuery: MediaQueryList | null = null;
  const watchRatio = () => {
    dprQuery?.removeEventListener("change", onRatio);
    dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dprQuery.addEventListener("change", onRatio);
  };
  const onRatio = () => {
    measure();
    watchRatio();
  };
  watchRatio();
  disposers.push(() => dprQuery?.removeEventListener("change", onRatio));

  // ── store and trajectories ─────────────────────────────────────────────────
  disposers.push(
    useStore.subscribe((s, prev) => {
      const e = s.experiment;
      const p = prev.experiment;
      let restyle = false;
      if (e.surface !== p.surface) {
        const next = getSurface(e.surface);
        if (next) {
          surface = next;
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

  // ── hover readout ──────────────────────────────────────────────────────────
  function updateReadout(f: Frame): void {
    const r = el.readout;
    if (!hover) {
      r.x.textContent = r.y.textContent = r.f.textContent = r.grad.textContent = "–";
      drawCrosshair(el.overlay, f, null);
      return;
    }
    const x = toDataX(f, hover[0]);
    const y = toDataY(f, hover[1]);
    surface.grad(x, y, grad);
    r.x.textContent = formatCoordinate(x, 1 / f.k);
    r.y.textContent = formatCoordinate(y, 1 / f.k);
    r.f.textContent = formatValue(surface.f(x, y));
    r.grad.textContent = formatValue(Math.hypot(grad[0], grad[1]));
    drawCrosshair(el.overlay, f, hover);
  }
  const onPointerMove = (e: PointerEvent) => {
    hover = pointer(e, el.overlay) as [number, number];
    updateReadout(current());
  };
  const onPointerLeave = () => {
    hover = null;
    updateReadout(current());
  };

  // ── setting the start ──────────────────────────────────────────────────────
  const dataAt = (e: MouseEvent): [number, number] => {
    const f = current();
    const [px, py] = pointer(e, el.overlay);
    return [roundToPixel(toDataX(f, px), 1 / f.k), roundToPixel(toDataY(f, py), 1 / f.k)];
  };
  const setStart = (point: [number, number], target: "all" | "selected") => useStore.getState().setStart(point, target === "all");

  let drag: { id: number; target: "all" | "selected"; pending: [number, number] | null; raf: number } | null = null;
  let dragEndedAt = -Infinity;
  const flushDrag = () => {
    if (!drag) return;
    drag.raf = 0;
    if (drag.pending) setStart(drag.pending, drag.target);
    drag.pending = null;
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !(e.altKey || opts.dragMode())) return;
    e.preventDefault();
    el.overlay.setPointerCapture(e.pointerId);
    drag = { id: e.pointerId, target: opts.startTarget(e), pending: null, raf: 0 };
    setStart(dataAt(e), drag.target);
  };
  const onDragMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    // One store update (and one re-run in the worker) per frame at most.
    drag.pending = dataAt(e);
    if (!drag.raf) drag.raf = requestAnimationFrame(flushDrag);
  };
  const onDragEnd = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.raf) cancelAnimationFrame(drag.raf);
    flushDrag();
    drag = null;
    dragEndedAt = e.timeStamp;
    if (el.overlay.hasPointerCapture(e.pointerId)) el.overlay.releasePointerCapture(e.pointerId);
  };
  const onClick = (e: MouseEvent) => {
    // d3-zoom swallows the click that ends a pan; this one ends a start drag, already applied.
    if (e.button !== 0 || e.timeStamp - dragEndedAt < 400) return;
    setStart(dataAt(e), opts.startTarget(e));
  };
  const listeners: [string, EventListener][] = [
    ["pointermove", onPointerMove as EventListener],
    ["pointerleave", onPointerLeave],
    ["pointerdown", onPointerDown as EventListener],
    ["pointermove", onDragMove as EventListener],
    ["pointerup", onDragEnd as EventListener],
    ["pointercancel", onDragEnd as EventListener],
    ["click", onClick as EventListener],
  ];
  for (const [type, fn] of listeners) el.overlay.addEventListener(type, fn);
  disposers.push(() => {
    for (const [type, fn] of listeners) el.overlay.removeEventListener(type, fn);
    if (drag?.raf) cancelAnimationFrame(drag.raf);
  });

  return {
    zoomBy(factor) {
      zoomer.scaleBy(overlay, factor);
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
