/** Colours of the page theme, read from the CSS variables so canvases follow light and dark. */
export interface ChartTheme {
  text: string;
  muted: string;
  border: string;
  background: string;
  font: string;
}

export function readTheme(el: Element = document.documentElement): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v("--text", "#1d1f23"),
    muted: v("--muted", "#5b6170"),
    border: v("--border", "#d6d6d0"),
    background: v("--surface", "#ffffff"),
    font: v("--font", "system-ui, sans-serif"),
  };
}

/** Calls `onChange` when the system switches between light and dark; returns the unsubscribe. */
export function watchColorScheme(onChange: () => void): () => void {
  const mq = window.matchMedia("(prefers-color-scheme: dark)");
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}
