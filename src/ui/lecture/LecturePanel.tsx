import { useEffect, useRef } from "react";
import { getSurface, surfaceKey } from "../../core/surfaces";
import { loadScenes, stepDeck } from "../../state/scenes";
import { useStore } from "../../state/store";
import { HelpButton } from "../HelpOverlay";
import { fitFormulas } from "./fitFormula";
import { leaveLecture } from "./lectureMode";
import "./lecture.css";

/** "Scene 2 of 5", or what → will do when no scene of the deck is shown. */
export function sceneLabel(index: number | null, count: number): string {
  if (count === 0) return "No scenes saved";
  if (index === null) return `${count} ${count === 1 ? "scene" : "scenes"} in the deck: → shows the first`;
  return `Scene ${index + 1} of ${count}`;
}

/**
 * Lecture mode's side column: the lesson's title and caption large, the scene's narration,
 * where the deck is, and the way out. Always mounted: it also keeps the `lecture` class on
 * <html> (which the layout and the theme read) in step with the store, leaves lecture mode
 * when the browser leaves full screen (its own Escape), and reads the scene library.
 */
export function LecturePanel() {
  const lecture = useStore((s) => s.lecture);
  const title = useStore((s) => s.experiment.title);
  const caption = useStore((s) => s.experiment.caption);
  const surfaceName = useStore((s) => s.experiment.surface);
  const scenes = useStore((s) => s.scenes);
  const sceneIndex = useStore((s) => s.sceneIndex);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadScenes();
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle("lecture", lecture);
    if (!lecture) return;
    // The focus goes to the column (not a button): Space and the arrows then reach the shortcuts.
    headingRef.current?.focus();
    let full = document.fullscreenElement !== null;
    const onFullscreen = () => {
      if (full && document.fullscreenElement === null) leaveLecture();
      full = document.fullscreenElement !== null;
    };
    document.addEventListener("fullscreenchange", onFullscreen);
    const unfit = fitFormulas();
    return () => {
      document.removeEventListener("fullscreenchange", onFullscreen);
      unfit();
    };
  }, [lecture]);

  if (!lecture) return null;
  const scene = sceneIndex === null ? undefined : scenes[sceneIndex];
  const heading = title ?? scene?.name ?? getSurface(surfaceName)?.displayName ?? surfaceKey(surfaceName);
  return (
    <aside className="lecture-panel" aria-label="Lecture">
      {/* The lesson's text scrolls on its own; the deck and the way out stay in view below it. */}
      <div className="lecture-text" tabIndex={0} role="region" aria-label="Lesson text">
        <h2 ref={headingRef} tabIndex={-1} className="lecture-title">
          {heading}
        </h2>
        {caption && <p className="lecture-caption">{caption}</p>}
        {scene?.narration && (
          <p className="lecture-narration" aria-label="Narration">
            {scene.narration}
          </p>
        )}
      </div>
      <div className="lecture-deck" role="group" aria-label="Deck">
        <p className="lecture-scene" aria-live="polite">
          {sceneLabel(sceneIndex, scenes.length)}
        </p>
        <div className="lecture-buttons">
          <button type="button" onClick={() => stepDeck(-1)} disabled={sceneIndex === null || sceneIndex === 0} aria-label="Previous scene" title="Previous scene (←)">
            ← Previous
          </button>
          <button type="button" onClick={() => stepDeck(1)} disabled={scenes.length === 0 || sceneIndex === scenes.length - 1} aria-label="Next scene" title="Next scene (→)">
            Next →
          </button>
        </div>
      </div>
      <div className="lecture-exit">
        <HelpButton />
        <button type="button" onClick={leaveLecture} title="Leave lecture mode (Esc)">
          Leave lecture
        </button>
      </div>
    </aside>
  );
}
