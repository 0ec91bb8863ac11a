/**
 * Lecture mode's text is 1.5× larger, and a long formula (Goldstein–Price) would then be cut
 * by the plot panel: while lecture mode is on, the formula's font is scaled down just enough
 * to fit its box (never below 60%, the box scrolls beyond that), and put back after.
 */
const MIN_SCALE = 0.6;

function fit(el: HTMLElement): void {
  el.style.fontSize = "";
  const over = el.scrollWidth / Math.max(1, el.clientWidth);
  if (over > 1.001) el.style.fontSize = `${Math.max(MIN_SCALE, 1 / over).toFixed(3)}em`;
}

/** Keeps every `.plot-formula` fitted while it runs; the returned function undoes it. */
export function fitFormulas(root: ParentNode = document): () => void {
  const els = [...root.querySelectorAll<HTMLElement>(".plot-formula")];
  const ro = new ResizeObserver(() => els.forEach(fit));
  // KaTeX renders late (it is loaded on demand) and the surface can change: watch the content too.
  const mo = new MutationObserver(() => els.forEach(fit));
  for (const el of els) {
    ro.observe(el.parentElement ?? el);
    mo.observe(el, { childList: true, subtree: true });
    fit(el);
  }
  return () => {
    ro.disconnect();
    mo.disconnect();
    for (const el of els) el.style.fontSize = "";
  };
}
