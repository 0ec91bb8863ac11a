/**
 * The one theme reader: the colours and font the canvases need (plot, lr and loss charts),
 * read from the page's CSS variables so every canvas follows the light or dark theme the
 * stylesheet chose, and the one watcher of the system's colour scheme.
 */
import { haloColor } from "./plot/theme";

export interface Theme {
  dark: boolean;
  /** Behind the contours (--plot-bg). */
  plotBackground: string;
  /** Behind the panels' charts (--surface). */
  surface: string;
  text: string;
  muted: string;
  border: string;
  font: string;
  /** Casing drawn under paths and around marks so they stay visible on any band colour. */
  halo: string;
  /** Faint line along each contour level. */
  levelLine: string;
  /** Lecture mode's stronger contour ramp (the stylesheet sets --contrast: high). */
  highContrast: boolean;
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

export function readTheme(el: Element = document.documentElement): Theme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = typeof matchMedia === "function" && matchMedia(DARK_QUERY).matches;
  return {
    dark,
    plotBackground: v("--plot-bg", dark ? "#15171b" : "#ffffff"),
    surface: v("--surface", dark ? "#1b1e24" : "#ffffff"),
    text: v("--text", dark ? "#e8e9ec" : "#1d1f23"),
    muted: v("--muted", dark ? "#a3a9b6" : "#5b6170"),
    border: v("--border", dark ? "#343a45" : "#d6d6d0"),
    font: v("--font", "system-ui, sans-serif"),
    halo: haloColor(dark),
    levelLine: dark ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.10)",
    highContrast: v("--contrast", "normal") === "high",
  };
}

/**
 * Calls `onChange` when the system switches between light and dark, or a class on <html>
 * changes the variables (lecture mode's high contrast); returns the unsubscribe.
 */
export function watchTheme(onChange: () => void): () => void {
  if (typeof matchMedia !== "function") return () => {};
  const mq = matchMedia(DARK_QUERY);
  mq.addEventListener("change", onChange);
  const classes = new MutationObserver(onChange);
  classes.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    mq.removeEventListener("change", onChange);
    classes.disconnect();
  };
}
