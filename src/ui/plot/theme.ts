/**
 * The plot's own colours: the contour bands' ramp and the casing under paths and marks.
 * (The page's colours and font are read by ../theme.ts.)
 */
import type { Theme } from "../theme";
import { interpolateRgb, piecewise } from "d3-interpolate";

/** Colour stops, evenly spaced over [0, 1], mixed channel by channel in sRGB. */
const RAMP_LIGHT = piecewise(interpolateRgb, ["#fdfefe", "#f0f7f7", "#e4f0f2"]);
const RAMP_DARK = piecewise(interpolateRgb, ["#15171b", "#182129", "#2a3f4d", "#3b5566"]);
/** Lecture mode: a projector washes pale bands out, so the walls rise twice as far from the page. */
const RAMP_LIGHT_HIGH = piecewise(interpolateRgb, ["#ffffff", "#e2eef3", "#c3dae6", "#a5c6d8"]);
const RAMP_DARK_HIGH = piecewise(interpolateRgb, ["#000000", "#0f2230", "#29506a", "#4a7a98"]);

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
export function bandColor(t: number, theme: Pick<Theme, "dark"> & Partial<Pick<Theme, "highContrast">>): string {
  const u = Math.min(1, Math.max(0, t));
  const ramp = theme.highContrast ? (theme.dark ? RAMP_DARK_HIGH : RAMP_LIGHT_HIGH) : theme.dark ? RAMP_DARK : RAMP_LIGHT;
  return ramp(u);
}

/** Colours of the areas below the first threshold and above each threshold (length thresholds + 1). */
export function bandColors(thresholdCount: number, theme: Pick<Theme, "dark"> & Partial<Pick<Theme, "highContrast">>): string[] {
  const n = thresholdCount + 1;
  return Array.from({ length: n }, (_, i) => bandColor(n === 1 ? 0 : i / (n - 1), theme));
}
