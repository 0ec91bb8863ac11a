import { useEffect, useRef } from "react";

/**
 * A ref for a tool's result that scrolls it into view when a new result arrives: the panel
 * sits at the foot of a scrolling sidebar, and a heatmap drawn out of sight looks like
 * nothing happened. Not on mount (a result already there when the panel appears stays put).
 */
export function useReveal<E extends HTMLElement>(result: unknown) {
  const ref = useRef<E>(null);
  const seen = useRef(result);
  useEffect(() => {
    if (result === seen.current) return;
    seen.current = result;
    if (result) ref.current?.scrollIntoView({ block: "nearest" });
  }, [result]);
  return ref;
}
