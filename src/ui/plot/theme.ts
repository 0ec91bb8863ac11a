/**
 * The plot's own colours: the contour bands' ramp and the casing under paths and marks.
 * (The page's colours and font are read by ../theme.ts.)
 */
import type { Theme } from "../theme";
import { interpolateRgb, piecewise } from "d3-interpolate";

/** Colour stops, evenly spaced over [0, 1], mixed channel by channel in sRGB. */
const RAMP_LIGHT = piecewise(interpolateRgb, ["#fdfefe", "#f0f7f7", "#e4f0f2"]);
const RAMP_DARK = piecewise(interpolateRgb, ["#15171b", "#182129", "#2a3f4d", "#3b5566"]);

/** The casing drawn under every path and around every mark, so each reads on any band colour. */
export function haloColor(dark: boolean): string {
  return dark ? "#111318" : "#ffffff";
}

/**
 * Band colours: height reads as distance from the page. Valleys (low f), where paths
 * spend most of their time, sit next to the background; walls rise away from it, tinted
 * (a pale blue-green in the light theme, a slate blue in the dark one) rather than grey
 * on grey. The light ramp stays pale enough that every run colour keeps ≥ 3:1 against
 * every band directly; in the dark theme the walls grow lighter than the darkest run
 * colours allow, and the paths' dark casing keeps them readable there (palette.test.ts
 * measures both).
 */
export function bandColor(t: number, theme: Pick<Theme, "dark">): string {
  const u = Math.min(1, Math.max(0, t));
  return (theme.dark ? RAMP_DARK : RAMP_LIGHT)(u);
}

/** Colours of the areas below the first threshold and above each threshold (length thresholds + 1). */
export function bandColors(thresholdCount: number, theme: Pick<Theme, "dark">): string[] {
  const n = thresholdCount + 1;
  return Array.from({ length: n }, (_, i) => bandColor(n === 1 ? 0 : i / (n - 1), theme));
}
