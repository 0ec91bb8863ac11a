import { useMemo } from "react";
import { getSurface } from "../../core/surfaces";
import { quadraticTheory } from "../../core/tools/theory";
import { useStore } from "../../state/store";
import { theoryLabels } from "./theoryLines";
import "./tools.css";

/** Under the loss chart on a quadratic: what its two theory lines are (the canvas draws them). */
export function TheoryNote() {
  const surface = useStore((s) => getSurface(s.experiment.surface));
  const theory = useMemo(() => (surface ? quadraticTheory(surface) : null), [surface]);
  if (!theory) return null;
  const labels = theoryLabels(theory);
  return (
    <p className="theory-note" data-testid="theory-note">
      Theory from the selected run's start, at the optimal settings: dotted, {labels.gd}; dash-dot, {labels.heavyBall}.
    </p>
  );
}
