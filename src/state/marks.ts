/** Performance marks the browser benchmark reads: when paths of a new race generation and new contours hit the screen. */
export const MARK_PATHS = "downhill:paths-drawn";
export const MARK_CONTOURS = "downhill:contours-drawn";
/** The gradient-variance panel measured a point (detail.ms: how long it took on the main thread). */
export const MARK_VARIANCE = "downhill:variance-measured";

/** Sets a mark; old ones are dropped so they never pile up in a long session. */
export function markOnce(name: string, detail: Record<string, number>): void {
  if (performance.getEntriesByName(name).length > 500) performance.clearMarks(name);
  performance.mark(name, { detail });
}
