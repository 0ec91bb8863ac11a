/**
 * Colours the canvases need, read from the page's CSS variables so the plot follows the
 * light/dark theme the stylesheet chose.
 */
import { interpolateGreys } from "d3-scale-chromatic";

export interface PlotTheme {
  dark: boolean;
  background: string;
  text: string;
  muted: string;
  /** Outline drawn around marks so they stay visible on any band colour. */
  halo: string;
  /** Faint line along each contour level. */
  levelLine: string;
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

export function readTheme(el: Element): PlotTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;
  return {
    dark,
    background: v("--plot-bg", dark ? "#15171b" : "#ffffff"),
    text: v("--text", dark ? "#e8e9ec" : "#1d1f23"),
    muted: v("--muted", dark ? "#a3a9b6" : "#5b6170"),
    halo: dark ? "#111318" : "#ffffff",
    levelLine: dark ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.10)",
  };
}

/** Calls `onChange` when the system theme flips; returns the unsubscribe. */
export function watchTheme(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => {};
  const mq = matchMedia(DARK_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/** Parses "#rrggbb", "#rgb" or "rgb(r, g, b)" (what d3-scale-chromatic interpolators return). */
function parseColor(c: string): [number, number, number] {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const h = c.replace("#", "");
  const full = h.length === 3 ? h.replace(/./g, (d) => d + d) : h;
  const n = parseInt(full.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a: string, b: string, amountOfB: number): string {
  const [r1, g1, b1] = parseColor(a);
  const [r2, g2, b2] = parseColor(b);
  const m = (p: number, q: number) => Math.round(p + (q - p) * amountOfB);
  return `rgb(${m(r1, r2)}, ${m(g1, g2)}, ${m(b1, b2)})`;
}

/**
 * Band colours: height reads as contrast against the page. Valleys (low f), where the
 * paths spend most of their time, sit close to the background and walls rise away from it
 * (lighter in the dark theme, darker in the light one), so every palette colour stays
 * readable where it matters. The ramp is a ColorBrewer sequential scheme (perceptually
 * ordered), restricted to a gentle range.
 */
export function bandColor(t: number, theme: PlotTheme): string {
  const u = Math.min(1, Math.max(0, t));
  return theme.dark ? RAMP_DARK(u) : RAMP_LIGHT(u);
}

const RAMP_LIGHT = (u: number) => interpolateGreys(0.02 + 0.42 * u);
const RAMP_DARK = (u: number) => mix(interpolateGreys(0.98 - 0.55 * u), "#15171b", 0.35);

/** Colours of the areas below the first threshold and above each threshold (length thresholds + 1). */
export function bandColors(thresholdCount: number, theme: PlotTheme): string[] {
  const n = thresholdCount + 1;
  return Array.from({ length: n }, (_, i) => bandColor(n === 1 ? 0 : i / (n - 1), theme));
}
