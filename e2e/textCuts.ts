/// <reference lib="dom" />
/**
 * The layout check that text is shown whole, shared by the layout spec and the specs of
 * panels that only appear in some states (the data surfaces' variance panel).
 */

/** Everything that shows text a reader must see whole. */
export const TEXT = "h1, h2, h3, h4, p, li, button, label, legend, summary, th, td, .katex, [role=tab], output, .run-summary, .panel-note, .plot-surface-name";

export interface Cut {
  what: string;
  text: string;
  why: string;
}

/**
 * Elements whose text is cut: their own content overflows a box that hides it (ellipsis,
 * line clamp), or they reach outside an ancestor that clips or scrolls sideways (a table
 * column one must scroll to, a formula cut at the panel's edge). Reaching below a box that
 * scrolls vertically is not a cut: the panels column and the run list scroll on their own.
 */
export function findCuts(selector: string): Cut[] {
  const cuts: Cut[] = [];
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    const text = (el.textContent ?? "").trim();
    if (!text || el.closest(".visually-hidden, .katex-mathml, [hidden], [aria-hidden=true]")) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === "hidden") continue;
    const push = (why: string) => cuts.push({ what: describe(el), text: text.slice(0, 60), why });
    if (/hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) push(`own content ${el.scrollWidth} px wide in ${el.clientWidth}`);
    if (/hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) push(`own content ${el.scrollHeight} px tall in ${el.clientHeight}`);
    // What must be inside each clipping ancestor: the element, or, once it sits in a box that
    // scrolls vertically, that box's visible part (the element can be scrolled into it).
    let top = r.top;
    let bottom = r.bottom;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const as = getComputedStyle(a);
      const ar = a.getBoundingClientRect();
      const aLeft = ar.left + a.clientLeft;
      const aTop = ar.top + a.clientTop;
      if (as.overflowX !== "visible" && (r.left < aLeft - 1 || r.right > aLeft + a.clientWidth + 1)) {
        push(`reaches ${Math.round(r.left)}–${Math.round(r.right)} outside ${describe(a)} (${Math.round(aLeft)}–${Math.round(aLeft + a.clientWidth)})`);
        break;
      }
      if (/hidden|clip/.test(as.overflowY) && (top < aTop - 1 || bottom > aTop + a.clientHeight + 1)) {
        push(`reaches ${Math.round(top)}–${Math.round(bottom)} outside ${describe(a)} (${Math.round(aTop)}–${Math.round(aTop + a.clientHeight)}) vertically`);
        break;
      }
      if (/auto|scroll/.test(as.overflowY)) {
        top = Math.max(top, aTop);
        bottom = Math.min(bottom, aTop + a.clientHeight);
        if (bottom < top) [top, bottom] = [aTop, aTop + a.clientHeight];
      }
    }
  }
  return cuts;
}
