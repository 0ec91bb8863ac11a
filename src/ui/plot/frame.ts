/**
 * The plot's frame: which rectangle of the (x, y) plane the inner plot box shows, at
 * equal scales. Equal scales keep shapes honest (a round bowl looks round, an
 * elongated one like the ellipse it is), so a requested view is fitted into the box and
 * the view is widened along the box's longer side rather than stretched to fill it.
 *
 * A d3-zoom transform is only the transient change since the last committed view:
 * screen = t.k · base + t, where base is the fitted frame.
 */

export interface Rect {
  x: [number, number];
  y: [number, number];
}

export interface Frame {
  /** Inner plot box in CSS pixels. */
  width: number;
  height: number;
  /** Data coordinates of the left and top edges. */
  x0: number;
  y1: number;
  /** CSS pixels per data unit, the same on both axes. */
  k: number;
}

export interface ZoomTransformLike {
  k: number;
  x: number;
  y: number;
}

/** Fits `view` centred into a width × height box at equal scales. */
export function fitView(view: Rect, width: number, height: number): Frame {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const spanX = Math.max(1e-12, view.x[1] - view.x[0]);
  const spanY = Math.max(1e-12, view.y[1] - view.y[0]);
  const k = Math.min(w / spanX, h / spanY);
  const cx = (view.x[0] + view.x[1]) / 2;
  const cy = (view.y[0] + view.y[1]) / 2;
  return { width: w, height: h, x0: cx - w / (2 * k), y1: cy + h / (2 * k), k };
}

/** The frame a d3-zoom transform makes of `base`. */
export function transformFrame(base: Frame, t: ZoomTransformLike): Frame {
  const k = base.k * t.k;
  return { width: base.width, height: base.height, x0: base.x0 - t.x / k, y1: base.y1 + t.y / k, k };
}

/** The rectangle of the plane a frame shows. */
export function frameRect(f: Frame): Rect {
  return { x: [f.x0, f.x0 + f.width / f.k], y: [f.y1 - f.height / f.k, f.y1] };
}

export const toPxX = (f: Frame, x: number): number => (x - f.x0) * f.k;
export const toPxY = (f: Frame, y: number): number => (f.y1 - y) * f.k;
export const toDataX = (f: Frame, px: number): number => f.x0 + px / f.k;
export const toDataY = (f: Frame, py: number): number => f.y1 - py / f.k;

/**
 * Rounds a clicked coordinate to the precision one pixel resolves, so a start set by
 * clicking reads (and shares) as −1.25 rather than −1.2498731.
 */
export function roundToPixel(value: number, unitsPerPixel: number): number {
  if (!(unitsPerPixel > 0) || !Number.isFinite(value)) return value;
  const step = 10 ** Math.floor(Math.log10(unitsPerPixel));
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(value / step) * step).toFixed(Math.min(digits, 15)));
}

/**
 * Drawn pixel coordinates are clamped to ±FAR_PX: far beyond any box, yet safe for the
 * canvas rasteriser and for SVG attributes (a start typed at 1e300 would otherwise put
 * "translate(1e302, …)" in the DOM, which the browser rejects). Only what is drawn is
 * clamped, never what is computed.
 */
export const FAR_PX = 1e5;
export const clampPx = (v: number): number => (v > FAR_PX ? FAR_PX : v < -FAR_PX ? -FAR_PX : v !== v ? 0 : v);

/** An SVG translate to the (clamped) pixel position of a data point. */
export function translateTo(f: Frame, p: readonly [number, number]): string {
  return `translate(${clampPx(toPxX(f, p[0]))},${clampPx(toPxY(f, p[1]))})`;
}
