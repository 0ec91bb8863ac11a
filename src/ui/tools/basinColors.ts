import { BASIN_DIVERGED, BASIN_NONE } from "../../core/tools/grids";

/**
 * Colours of a basin map's codes, shared by the overlay on the plot and the legend in the
 * panel: one per known minimum (cycled past ten: Rastrigin has dozens), black for a start
 * that diverged, grey for one that ended near no minimum. Chosen to stand apart from the
 * contour ramp under them.
 */
const MINIMA = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#9a6324", "#469990"];
const DIVERGED = "#000000";
const NONE = "#9e9e9e";

export function basinColor(code: number): string {
  if (code === BASIN_DIVERGED) return DIVERGED;
  if (code === BASIN_NONE || code < 0) return NONE;
  return MINIMA[code % MINIMA.length];
}

/** "#rrggbb" as [r, g, b]. */
export function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many cells hold each code (a legend lists only the codes that occur, with their share). */
export function basinCounts(cells: Int16Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of cells) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}
