/**
 * The plot's size: the inner box left for the contours inside the frame's margins, where
 * each layer goes, and a watcher of what decides the size: the frame box (ResizeObserver)
 * and the device pixel ratio (a window moved to a screen of another density changes no size).
 */
import { MARGINS } from "./axes";

export interface Box {
  width: number;
  height: number;
}

/** The layers stacked over the inner box, and the full-size axes SVG around it. */
export interface PlotLayers {
  contours: HTMLCanvasElement;
  others: HTMLCanvasElement;
  selected: HTMLCanvasElement;
  heads: HTMLCanvasElement;
  marks: SVGSVGElement;
  overlay: SVGSVGElement;
  axes: SVGSVGElement;
}

/** The inner plot box (CSS pixels, whole) for a frame of this size. */
export function innerBox(frameWidth: number, frameHeight: number): Box {
  return {
    width: Math.max(0, Math.floor(frameWidth) - MARGINS.left - MARGINS.right),
    height: Math.max(0, Math.floor(frameHeight) - MARGINS.top - MARGINS.bottom),
  };
}

/** Puts every layer over the inner box and sizes the SVGs (canvases size their own pixels). */
export function placeLayers(el: PlotLayers, frameWidth: number, frameHeight: number, box: Box): void {
  for (const c of [el.contours, el.others, el.selected, el.heads, el.marks, el.overlay]) {
    c.style.left = `${MARGINS.left}px`;
    c.style.top = `${MARGINS.top}px`;
  }
  for (const svg of [el.marks, el.overlay]) {
    svg.setAttribute("width", String(box.width));
    svg.setAttribute("height", String(box.height));
  }
  el.axes.setAttribute("width", String(Math.floor(frameWidth)));
  el.axes.setAttribute("height", String(Math.floor(frameHeight)));
}

export function watchPlotSize(frame: HTMLElement, onChange: () => void): () => void {
  const ro = new ResizeObserver(() => onChange());
  ro.observe(frame);
  let query: MediaQueryList | null = null;
  const watchRatio = () => {
    query?.removeEventListener("change", onRatio);
    query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener("change", onRatio);
  };
  // A resolution query matches one ratio: after a change, watch the new one.
  const onRatio = () => {
    onChange();
    watchRatio();
  };
  watchRatio();
  return () => {
    ro.disconnect();
    query?.removeEventListener("change", onRatio);
  };
}
