import { useEffect } from "react";
import { getEngine } from "../state/engine";
import { stepDeck } from "../state/scenes";
import { useStore } from "../state/store";
import { leaveLecture } from "./lecture/lectureMode";

/** Controls whose own keys are only arrows and the like: Space and R stay global there. */
const isSlider = (el: Element) => el instanceof HTMLInputElement && el.type === "range";

/** Controls a mouse click or drag leaves focused although the user is done with them. */
function pointerControl(el: EventTarget | null): HTMLElement | null {
  if (!(el instanceof Element)) return null;
  const c = el.closest<HTMLElement>('button, input[type="range"], input[type="checkbox"], [role="button"], summary');
  if (c) return c;
  // A click on a checkbox's label focuses the checkbox.
  const target = el.closest("label")?.control;
  return target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "range") ? target : null;
}

/**
 * Space plays or pauses, → steps, R resets, ? shows every shortcut (HelpOverlay.tsx lists
 * them); in lecture mode Escape leaves and, with a deck, ← → go from scene to scene.
 *
 * Why shortcuts die after a click: a clicked button keeps the focus, so Space then presses
 * it again (Reset resets again), and a dragged slider keeps it, so keys go to the slider.
 * The fix chosen here: a control used with the pointer gives the focus back to the page
 * once the click or drag is over (buttons, sliders, checkboxes; a select after its pick).
 * Keyboard users are untouched: a control reached with Tab keeps the focus and its own
 * keys (Space presses a focused button, arrows move a focused slider), and text boxes and
 * selects keep every key. On a keyboard-focused slider Space and R still act globally,
 * since a slider has no use for them.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    let pointerTarget: HTMLElement | null = null;

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const tag = t?.tagName;
      const slider = t !== null && isSlider(t);
      const typing = (tag === "INPUT" && !slider) || tag === "TEXTAREA" || tag === "SELECT" || t?.isContentEditable;
      // A dialog's keys are its own (Escape closes it, Space presses its buttons).
      if (typing || t?.closest("dialog")) return;
      const s = useStore.getState();
      if (e.key === "?") {
        e.preventDefault();
        s.setHelpOpen(true);
        return;
      }
      // Lecture mode: Escape leaves; with a deck, the arrows go from scene to scene.
      if (s.lecture && e.key === "Escape") {
        e.preventDefault();
        leaveLecture();
        return;
      }
      if (s.lecture && s.scenes.length > 0 && (e.key === "ArrowRight" || e.key === "ArrowLeft") && !slider) {
        e.preventDefault();
        stepDeck(e.key === "ArrowRight" ? 1 : -1);
        return;
      }
      const engine = getEngine();
      if (e.key === " " && tag !== "BUTTON" && tag !== "SUMMARY" && t?.getAttribute("role") !== "button") {
        e.preventDefault();
        engine.togglePlay();
      } else if (e.key === "ArrowRight" && !slider) {
        e.preventDefault();
        engine.step(1);
      } else if (e.key === "r" || e.key === "R") {
        e.preventDefault();
        engine.reset();
      }
    };

    // Remember the control a pointer went down on; once the pointer is up (and its click
    // has run), hand the focus back to the page if that control still holds it.
    const onPointerDown = (e: PointerEvent) => {
      pointerTarget = pointerControl(e.target);
    };
    const release = (c: HTMLElement) => {
      if (document.activeElement === c) c.blur();
    };
    // A slider is done at pointerup; a button or checkbox at its click (its action has run by
    // then, so it is released before the next key can reach it). The timeout catches a focus
    // that moves late (a label focusing its checkbox).
    const onPointerUp = () => {
      const c = pointerTarget;
      if (!c) return;
      if (c instanceof HTMLInputElement && c.type === "range") release(c);
      setTimeout(() => {
        release(c);
        if (pointerTarget === c) pointerTarget = null;
      }, 0);
    };
    const onClick = () => {
      if (pointerTarget) release(pointerTarget);
    };
    // A select picked with the mouse: the change is its end (blurring earlier would close it).
    let selectByPointer = false;
    const onSelectDown = (e: PointerEvent) => {
      selectByPointer = e.target instanceof HTMLSelectElement || (e.target instanceof Element && e.target.closest("select") !== null);
    };
    const onChange = (e: Event) => {
      if (e.target instanceof HTMLSelectElement && selectByPointer) {
        selectByPointer = false;
        e.target.blur();
      }
    };
    const onKeyModality = () => {
      selectByPointer = false;
    };

    window.addEventListener("keydown", onKey);
    window.addEventListener("keydown", onKeyModality, true);
    window.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("pointerdown", onSelectDown, true);
    window.addEventListener("pointerup", onPointerUp, true);
    window.addEventListener("change", onChange, true);
    window.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("click", onClick);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keydown", onKeyModality, true);
      window.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("pointerdown", onSelectDown, true);
      window.removeEventListener("pointerup", onPointerUp, true);
      window.removeEventListener("change", onChange, true);
    };
  }, []);
}
