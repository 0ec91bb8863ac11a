/**
 * d3-zoom on the plot's overlay: wheel zooms, a press pans (unless it is a start drag),
 * and the transform is reported as the transient change since the committed view. A
 * transform set by the plot itself (`set`) is not reported back as a gesture.
 */
import { select, type Selection } from "d3-selection";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import { CLICK_PX } from "./plotView";

export interface PlotZoomHandlers {
  /** The transform changed; `byUser` when a wheel or pointer gesture did it (not a button). */
  onZoom(t: ZoomTransform, byUser: boolean): void;
  /** A gesture (or a programmatic zoom by a button) ended. */
  onEnd(): void;
  /** Whether a press may pan (false: the press belongs to a start drag). */
  pressPans(e: MouseEvent): boolean;
}

export class PlotZoom {
  transform: ZoomTransform = zoomIdentity;
  private syncing = false;
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly overlay: Selection<SVGSVGElement, unknown, null, undefined>;

  constructor(overlay: SVGSVGElement, handlers: PlotZoomHandlers) {
    this.overlay = select(overlay);
    this.behavior = zoom<SVGSVGElement, unknown>()
      .clickDistance(CLICK_PX)
      // Wheel always zooms; a press pans unless it is a right/middle button, Ctrl (context
      // menu on macOS), or a start drag (Alt, or the "Drag start" mode).
      .filter((e: MouseEvent | WheelEvent | TouchEvent) => {
        if (e.type === "wheel") return true;
        const m = e as MouseEvent;
        return !m.ctrlKey && !m.button && handlers.pressPans(m);
      })
      .on("zoom", (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = e.transform;
        if (!this.syncing) handlers.onZoom(e.transform, !!e.sourceEvent);
      })
      .on("end", () => {
        if (!this.syncing) handlers.onEnd();
      });
    this.overlay.call(this.behavior).on("dblclick.zoom", null);
  }

  /** Sets the transform without reporting it as a gesture. */
  set(t: ZoomTransform): void {
    this.syncing = true;
    this.behavior.transform(this.overlay, t);
    this.syncing = false;
    this.transform = t;
  }

  reset(): void {
    this.set(zoomIdentity);
  }

  setExtent(width: number, height: number): void {
    this.behavior.extent([
      [0, 0],
      [Math.max(1, width), Math.max(1, height)],
    ]);
  }

  setScaleExtent(extent: [number, number]): void {
    this.behavior.scaleExtent(extent);
  }

  scaleBy(factor: number): void {
    this.behavior.scaleBy(this.overlay, factor);
  }

  destroy(): void {
    this.overlay.on(".zoom", null);
  }
}
