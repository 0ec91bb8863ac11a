/**
 * Watches what decides the plot's pixel size: the frame box (ResizeObserver) and the
 * device pixel ratio (a window moved to a screen of another density changes no size).
 */
export function watchPlotSize(frame: HTMLElement, onChange: () => void): () => void {
  const ro = new ResizeObserver(() => onChange());
  ro.observe(frame);
  let query: MediaQueryList | null = null;
  const watchRatio = () => {
    query?.removeEventListener("change", onRatio);
    query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    query.addEventListener("change", onRatio);
  };
  // A resolution query matches one ratio: after a change, watch the new one.
  const onRatio = () => {
    onChange();
    watchRatio();
  };
  watchRatio();
  return () => {
    ro.disconnect();
    query?.removeEventListener("change", onRatio);
  };
}
