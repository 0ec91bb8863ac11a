import type { ReactNode } from "react";
import { useEffect, useId, useRef, useState } from "react";
import { getSurface, type Surface } from "../../core/surfaces";
import { useStore } from "../../state/store";
import { Tex } from "../math/Tex";
import { formatPoint, formatRange } from "../format";
import { createPlot, type PlotController } from "./plotController";
import "./plot.css";

type StartTarget = "all" | "selected";

const ZOOM_STEP = 1.6;

/** What a screen reader hears for the plot image: the surface, the view, the marked points. */
function describe(surface: Surface, view: { x: [number, number]; y: [number, number] } | undefined, start: [number, number]): string {
  const v = view ?? surface.domain;
  const kinds = { global: "global minimum", local: "local minimum", saddle: "saddle point" } as const;
  const points = surface.critical.map((c) => `${kinds[c.kind]} at ${formatPoint(c.point)}`).join("; ");
  return (
    `Contour plot of the ${surface.displayName} surface over x from ${formatRange(v.x)} and y from ${formatRange(v.y)}. ` +
    (points ? `Marked: ${points}. ` : "") +
    `Runs start at ${formatPoint(start)}.`
  );
}

function KeyItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li>
      <svg viewBox="-7 -7 14 14" aria-hidden="true" className="plot-key-icon">
        {children}
      </svg>
      {label}
    </li>
  );
}

function MarkerKey({ surface }: { surface: Surface }) {
  const kinds = new Set(surface.critical.map((c) => c.kind));
  return (
    <ul className="plot-key" aria-label="Marker key">
      {kinds.has("global") && (
        <KeyItem label="Global minimum">
          <path className="plot-key-global" d="M0,-6.4L1.5,-2.1L6.1,-2L2.4,0.8L3.8,5.2L0,2.6L-3.8,5.2L-2.4,0.8L-6.1,-2L-1.5,-2.1Z" />
        </KeyItem>
      )}
      {kinds.has("local") && (
        <KeyItem label="Local minimum">
          <circle className="plot-key-local" r="4.5" />
        </KeyItem>
      )}
      {kinds.has("saddle") && (
        <KeyItem label="Saddle">
          <path className="plot-key-saddle" d="M-4.5,-4.5L4.5,4.5M4.5,-4.5L-4.5,4.5" />
        </KeyItem>
      )}
      <KeyItem label="Start">
        <path className="plot-key-start" d="M-4.5,-4.5H4.5V4.5H-4.5Z" />
      </KeyItem>
    </ul>
  );
}

/**
 * The race track: filled contours of the surface, the runs' paths, zoom and pan, a hover
 * readout, and clicking to move the start. The drawing itself is imperative
 * (plotController.ts); this component lays out the layers and the controls around them.
 */
export function ContourPlot() {
  const surfaceName = useStore((s) => s.experiment.surface);
  const view = useStore((s) => s.experiment.view);
  const sharedStart = useStore((s) => s.experiment.start);
  const surface = getSurface(surfaceName) ?? getSurface("rosenbrock")!;
  const start: [number, number] = sharedStart ?? [surface.start[0], surface.start[1]];
  const [target, setTarget] = useState<StartTarget>("all");
  const [dragMode, setDragMode] = useState(false);
  const targetRef = useRef(target);
  const dragRef = useRef(dragMode);
  useEffect(() => {
    targetRef.current = target;
    dragRef.current = dragMode;
  }, [target, dragMode]);
  const controller = useRef<PlotController | null>(null);
  const captionId = useId();
  const targetName = useId();

  const refs = {
    frame: useRef<HTMLDivElement>(null),
    plot: useRef<HTMLDivElement>(null),
    contours: useRef<HTMLCanvasElement>(null),
    others: useRef<HTMLCanvasElement>(null),
    selected: useRef<HTMLCanvasElement>(null),
    heads: useRef<HTMLCanvasElement>(null),
    axes: useRef<SVGSVGElement>(null),
    marks: useRef<SVGSVGElement>(null),
    overlay: useRef<SVGSVGElement>(null),
    rx: useRef<HTMLElement>(null),
    ry: useRef<HTMLElement>(null),
    rf: useRef<HTMLElement>(null),
    rg: useRef<HTMLElement>(null),
  };

  useEffect(() => {
    const c = createPlot(
      {
        frame: refs.frame.current!,
        plot: refs.plot.current!,
        contours: refs.contours.current!,
        others: refs.others.current!,
        selected: refs.selected.current!,
        heads: refs.heads.current!,
        axes: refs.axes.current!,
        marks: refs.marks.current!,
        overlay: refs.overlay.current!,
        readout: { x: refs.rx.current!, y: refs.ry.current!, f: refs.rf.current!, grad: refs.rg.current! },
      },
      {
        startTarget: (e) => (e.shiftKey || targetRef.current === "selected" ? "selected" : "all"),
        dragMode: () => dragRef.current,
      },
    );
    controller.current = c;
    return () => {
      c.destroy();
      controller.current = null;
    };
    // The refs are stable for the component's life: the controller is made once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <figure className="plot panel" aria-labelledby={captionId}>
      <div className="plot-top">
        <figcaption id={captionId} className="plot-caption">
          <span className="plot-surface-name">{surface.displayName}</span>
          <Tex className="plot-formula" tex={`f(x, y) = ${surface.latex}`} />
        </figcaption>
        <div className="plot-controls" role="group" aria-label="Plot controls">
          <fieldset className="plot-segmented">
            <legend>Click sets start of</legend>
            {(["all", "selected"] as const).map((t) => (
              <label key={t}>
                <input type="radio" name={targetName} value={t} checked={target === t} onChange={() => setTarget(t)} />
                <span>{t === "all" ? "All runs" : "Selected run"}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            aria-pressed={dragMode}
            onClick={() => setDragMode((d) => !d)}
            title="Drag on the plot to move the start (or hold Alt while dragging)"
          >
            Drag start
          </button>
          <span className="plot-zoom">
            <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => controller.current?.zoomBy(ZOOM_STEP)}>
              <span aria-hidden="true">+</span>
            </button>
            <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => controller.current?.zoomBy(1 / ZOOM_STEP)}>
              <span aria-hidden="true">−</span>
            </button>
            <button type="button" onClick={() => controller.current?.resetView()}>
              Reset view
            </button>
          </span>
        </div>
      </div>
      <div className="plot-frame" ref={refs.frame}>
        <div
          ref={refs.plot}
          className={`plot-image${dragMode ? " plot-drag-start" : ""}`}
          role="img"
          aria-label={describe(surface, view, start)}
          data-surface={surface.name}
          data-start={`${start[0]},${start[1]}`}
        >
          <canvas ref={refs.contours} className="plot-layer" data-layer="contours" />
          <svg ref={refs.marks} className="plot-layer plot-marks" />
          <canvas ref={refs.others} className="plot-layer" data-layer="paths" />
          <canvas ref={refs.selected} className="plot-layer" data-layer="selected-path" />
          <canvas ref={refs.heads} className="plot-layer" data-layer="heads" />
          <svg ref={refs.axes} className="plot-axes" />
          <svg ref={refs.overlay} className="plot-layer plot-overlay" />
        </div>
      </div>
      <div className="plot-footer">
        <p className="plot-readout">
          <span>
            x <b ref={refs.rx}>–</b>
          </span>
          <span>
            y <b ref={refs.ry}>–</b>
          </span>
          <span>
            f <b ref={refs.rf}>–</b>
          </span>
          <span>
            |∇f| <b ref={refs.rg}>–</b>
          </span>
        </p>
        <MarkerKey surface={surface} />
        <p className="plot-hint">Click: set start · Shift-click: selected run · Alt-drag: drag start</p>
      </div>
    </figure>
  );
}
