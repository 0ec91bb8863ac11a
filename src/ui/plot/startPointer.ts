/**
 * Setting the start with the pointer: a click sets it, and an Alt-drag (or any drag in
 * "Drag start" mode) moves it continuously, one store update per frame at most so the
 * worker re-runs the race once per frame.
 */
export interface StartPointerOptions {
  /** The data point under the pointer, rounded to what a pixel resolves. */
  dataAt(e: MouseEvent): [number, number];
  /** Whether this press moves every run's start or the selected run's. */
  startTarget(e: MouseEvent): "all" | "selected";
  /** True when plain drags move the start instead of panning. */
  dragMode(): boolean;
  setStart(point: [number, number], target: "all" | "selected"): void;
}

/** A click arriving this soon after a start drag ended is the drag's own (already applied). */
const CLICK_AFTER_DRAG_MS = 400;

/** Listens on `overlay`; returns the disposer. */
export function attachStartPointer(overlay: SVGSVGElement, o: StartPointerOptions): () => void {
  let drag: { id: number; target: "all" | "selected"; pending: [number, number] | null; raf: number } | null = null;
  let dragEndedAt = -Infinity;

  const flushDrag = () => {
    if (!drag) return;
    drag.raf = 0;
    if (drag.pending) o.setStart(drag.pending, drag.target);
    drag.pending = null;
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !(e.altKey || o.dragMode())) return;
    e.preventDefault();
    overlay.setPointerCapture(e.pointerId);
    drag = { id: e.pointerId, target: o.startTarget(e), pending: null, raf: 0 };
    o.setStart(o.dataAt(e), drag.target);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    drag.pending = o.dataAt(e);
    if (!drag.raf) drag.raf = requestAnimationFrame(flushDrag);
  };
  const onDragEnd = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.raf) cancelAnimationFrame(drag.raf);
    flushDrag();
    drag = null;
    dragEndedAt = e.timeStamp;
    if (overlay.hasPointerCapture(e.pointerId)) overlay.releasePointerCapture(e.pointerId);
  };
  const onClick = (e: MouseEvent) => {
    // d3-zoom swallows the click that ends a pan; this one ends a start drag, already applied.
    if (e.button !== 0 || e.timeStamp - dragEndedAt < CLICK_AFTER_DRAG_MS) return;
    o.setStart(o.dataAt(e), o.startTarget(e));
  };

  const listeners: [string, EventListener][] = [
    ["pointerdown", onPointerDown as EventListener],
    ["pointermove", onPointerMove as EventListener],
    ["pointerup", onDragEnd as EventListener],
    ["pointercancel", onDragEnd as EventListener],
    ["click", onClick as EventListener],
  ];
  for (const [type, fn] of listeners) overlay.addEventListener(type, fn);
  return () => {
    for (const [type, fn] of listeners) overlay.removeEventListener(type, fn);
    if (drag?.raf) cancelAnimationFrame(drag.raf);
  };
}
