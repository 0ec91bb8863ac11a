import type { RunTrajectory } from "../../state/trajectories";
import { useStore } from "../../state/store";
import { getSurface } from "../../core/surfaces";
import { StepChart } from "./chart/StepChart";
import type { StepSeries } from "./chart/stepChart";
import { paintTheoryLines } from "../tools/theoryLines";
import { TheoryNote } from "../tools/TheoryNote";
import "./panels.css";

/**
 * A surface bounded below (it lists a global minimum) is drawn as f − floor on a log axis, so
 * f − floor is ≥ 0 even where f is negative. One unbounded below (the saddle) has no floor a
 * path cannot pass: it is drawn as f on a linear axis.
 */
const bounded = () => getSurface(useStore.getState().experiment.surface)?.critical.some((c) => c.kind === "global") ?? true;
const floor = () => (bounded() ? (getSurface(useStore.getState().experiment.surface)?.floor ?? 0) : 0);

const lossSeries: StepSeries = {
  values: (run) => run.loss,
  newestPending: false,
  offset: floor,
  valueAt: (run: RunTrajectory, s: number) => (s < run.count ? run.loss[s] : NaN),
};

const scaleKind = () => (bounded() ? ("log" as const) : ("linear" as const));
const yLabel = () => (bounded() ? "f − floor (log)" : "f (linear: unbounded below)");

export function LossPanel() {
  const surface = useStore((s) => getSurface(s.experiment.surface));
  const floorValue = surface?.floor ?? 0;
  const isBounded = surface?.critical.some((c) => c.kind === "global") ?? true;
  return (
    <section className="panel chart-panel" aria-labelledby="loss-panel-title">
      <div className="panel-head">
        <h2 id="loss-panel-title">Loss</h2>
        <span className="panel-note">{isBounded ? `floor = ${formatFloor(floorValue)}` : "no floor"}</span>
      </div>
      <StepChart
        label={
          isBounded
            ? `Loss by step for each visible run: f minus the surface's floor (${formatFloor(floorValue)}), log scale`
            : "Loss by step for each visible run: f, linear scale (the surface is unbounded below)"
        }
        quantity="Loss above the floor"
        series={lossSeries}
        yLabel={yLabel}
        scaleKind={scaleKind}
        paintExtra={paintTheoryLines}
      />
      <TheoryNote />
    </section>
  );
}

function formatFloor(v: number): string {
  return Number(v.toPrecision(6)).toString().replace("-", "−");
}
