/**
 * Entering and leaving lecture mode: the store's flag (the layout follows it through the
 * `lecture` class on <html>, see LecturePanel) and full screen where the browser allows it.
 */
import { useStore } from "../../state/store";

export function enterLecture(): void {
  useStore.getState().setLecture(true);
  // Full screen needs a user gesture and may be refused (an iframe, a kiosk): lecture mode works without it.
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === "function") root.requestFullscreen().catch(() => {});
}

export function leaveLecture(): void {
  useStore.getState().setLecture(false);
  if (document.fullscreenElement && typeof document.exitFullscreen === "function") document.exitFullscreen().catch(() => {});
  // The focus was in the lecture column, gone now: give it back to the button that came in.
  requestAnimationFrame(() => {
    if (document.activeElement === document.body || document.activeElement === null) document.querySelector<HTMLElement>("[data-lecture-entry]")?.focus();
  });
}
