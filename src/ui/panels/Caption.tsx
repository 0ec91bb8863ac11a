import { useId } from "react";
import type { Experiment } from "../../core/experiment/types";
import { engineKey, useStore } from "../../state/store";
import "./caption.css";

/** The experiment without its lesson text (the race itself, and so the engine, untouched). */
function withoutCaption(e: Experiment): Experiment {
  const { title: _t, caption: _c, ...rest } = e;
  return rest;
}

/**
 * The lesson beside the plot: the experiment's title and caption (a preset's, a scene's or a
 * link's), as plain React text, never parsed as HTML. Hidden when there is none; × drops
 * both from the experiment, so a link made afterwards carries no stale lesson.
 */
export function Caption() {
  const id = useId();
  const title = useStore((s) => s.experiment.title);
  const caption = useStore((s) => s.experiment.caption);
  // Edited since it was loaded: the caption's numbers describe the race as it was.
  const changed = useStore((s) => s.lessonKey !== null && engineKey(s.experiment) !== s.lessonKey);
  if (!title && !caption) return null;
  return (
    <section className="caption" aria-labelledby={title ? id : undefined} aria-label={title ? undefined : "Lesson"}>
      {title && (
        <h2 className="caption-title" id={id}>
          {title}
        </h2>
      )}
      {caption && <p className="caption-text">{caption}</p>}
      {changed && (
        <p className="caption-changed" role="note">
          Changed since this lesson was loaded: its numbers describe the race as it was.
        </p>
      )}
      <button
        type="button"
        className="caption-dismiss"
        aria-label="Dismiss caption"
        title="Dismiss caption"
        onClick={() => useStore.setState((s) => ({ experiment: withoutCaption(s.experiment) }))}
      >
        ×
      </button>
    </section>
  );
}
