import { useEffect } from "react";
import { getEngine } from "../state/engine";

/** Space plays or pauses, → steps, R resets; ignored while typing in a field or using a control that needs the key. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      const tag = t?.tagName;
      const typing = tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t?.isContentEditable;
      if (typing) return;
      const engine = getEngine();
      if (e.key === " " && tag !== "BUTTON") {
        e.preventDefault();
        engine.togglePlay();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        engine.step(1);
      } else if (e.key === "r" || e.key === "R") {
        e.preventDefault();
        engine.reset();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
