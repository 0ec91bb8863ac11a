import { useMemo } from "react";
import { getSurface } from "../../core/surfaces";
import { quadraticTheory } from "../../core/tools/theory";
import { useStore } from "../../state/store";
import { theoryLabels } from "./theoryLines";

/**
 * Under the loss chart on a quadratic: what its two theory lines are, for screen readers (the
 * canvas draws and labels them; visible text here would take the chart's height).
 */
export function TheoryNote() {
  const surface = useStore((s) => getSurface(s.experiment.surface));
  const theory = useMemo(() => (surface ? quadraticTheory(surface) : null), [surface]);
  if (!theory) return null;
  const labels = theoryLabels(theory);
  return (
    <p className="visually-hidden" data-testid="theory-note">
      Theory from the selected run's start, at the optimal settings: dotted, {labels.gd}; dash-dot, {labels.heavyBall}.
    </p>
  );
}
