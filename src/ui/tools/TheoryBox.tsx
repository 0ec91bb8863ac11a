import { useMemo } from "react";
import type { Surface } from "../../core/surfaces/types";
import { quadraticTheory } from "../../core/tools/theory";
import { useStore } from "../../state/store";
import { formatMetric } from "../format";

/**
 * On a quadratic: κ, and the best settings theory gives for gradient descent and the heavy
 * ball with the rates they contract at; a button applies each to the run (as SGD, which is
 * GD without momentum and the heavy ball with it). The loss panel draws the same rates.
 */
export function TheoryBox({ surface, runId }: { surface: Surface; runId: string }) {
  const theory = useMemo(() => quadraticTheory(surface), [surface]);
  if (!theory) return null;
  const applySgd = (lr: number, momentum: number) => {
    const s = useStore.getState();
    s.setOptimizer(runId, "sgd");
    s.setOptimizerParam(runId, "lr", lr);
    s.setOptimizerParam(runId, "momentum", momentum);
  };
  return (
    <div className="tool-theory">
      <p>
        Quadratic, κ = L/μ = {formatMetric(theory.kappa)}. GD at lr 2/(L+μ) = {formatMetric(theory.gd.lr)} shrinks the distance to the minimum by (κ−1)/(κ+1) = {formatMetric(theory.gd.rate)} per step; the heavy ball at lr{" "}
        {formatMetric(theory.heavyBall.lr)}, momentum {formatMetric(theory.heavyBall.momentum)} by (√κ−1)/(√κ+1) = {formatMetric(theory.heavyBall.rate)}.
      </p>
      <button type="button" onClick={() => applySgd(theory.gd.lr, 0)}>
        Apply optimal GD
      </button>
      <button type="button" onClick={() => applySgd(theory.heavyBall.lr, theory.heavyBall.momentum)}>
        Apply optimal heavy ball
      </button>
    </div>
  );
}
