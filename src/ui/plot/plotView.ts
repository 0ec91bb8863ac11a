/**
 * Which rectangle of the plane the plot shows, as pure functions of the experiment and
 * the gesture (no DOM): the committed view, how it is rounded when shared, how far a zoom
 * may go and when a press counts as a click.
 */
import type { Experiment } from "../../core/experiment/types";
import type { Surface } from "../../core/surfaces";
import { fitView, roundToPixel, type Frame, type Rect, type ZoomTransformLike } from "./frame";

/** Pointer travel (px) below which a press is a click rather than a pan. */
export const CLICK_PX = 4;
/** Zoom range relative to the surface's domain: a fifth of it out, 5000× in. */
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 5000;

export function domainRect(surface: Surface): Rect {
  return { x: [surface.domain.x[0], surface.domain.x[1]], y: [surface.domain.y[0], surface.domain.y[1]] };
}

/** The experiment's view when it is a proper rectangle, else the surface's domain. */
export function viewOf(e: Experiment, surface: Surface): Rect {
  const v = e.view;
  const ok = v && [...v.x, ...v.y].every(Number.isFinite) && v.x[1] > v.x[0] && v.y[1] > v.y[0];
  return ok ? { x: [v.x[0], v.x[1]], y: [v.y[0], v.y[1]] } : domainRect(surface);
}

/** Rounds a view to 5 significant digits of its span, so shared views read cleanly. */
export function roundRect(r: Rect): Rect {
  const span = Math.max(r.x[1] - r.x[0], r.y[1] - r.y[0]);
  const unit = span / 10_000;
  const q = (v: number) => roundToPixel(v, unit);
  return { x: [q(r.x[0]), q(r.x[1])], y: [q(r.y[0]), q(r.y[1])] };
}

/**
 * The d3-zoom scale extent for a base frame: zoom is relative to the base, but the limits
 * are relative to the whole domain, so the range shifts with how far the base is zoomed.
 */
export function zoomScaleExtent(base: Frame, domain: Rect): [number, number] {
  const domainK = fitView(domain, base.width, base.height).k;
  const level = base.k / domainK;
  return [MIN_ZOOM / level, MAX_ZOOM / level];
}

/** A gesture that neither zoomed nor moved beyond CLICK_PX was a click, not a pan. */
export function isClickGesture(t: ZoomTransformLike): boolean {
  return t.k === 1 && Math.hypot(t.x, t.y) <= CLICK_PX;
}
