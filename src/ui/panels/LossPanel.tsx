import type { RunTrajectory } from "../../state/trajectories";
import { useStore } from "../../state/store";
import { getSurface } from "../../core/surfaces";
import { StepChart } from "./chart/StepChart";
import type { StepSeries } from "./chart/stepChart";
import "./panels.css";

/** The surface's floor (its global minimum value), so f − floor is ≥ 0 even where f is negative. */
const floor = () => getSurface(useStore.getState().experiment.surface)?.floor ?? 0;

const lossSeries: StepSeries = {
  values: (run) => run.loss,
  newestPending: false,
  offset: floor,
  valueAt: (run: RunTrajectory, s: number) => (s < run.count ? run.loss[s] : NaN),
};

const logScale = () => "log" as const;
const yLabel = () => "f − floor (log)";

export function LossPanel() {
  const surface = useStore((s) => getSurface(s.experiment.surface));
  const floorValue = surface?.floor ?? 0;
  return (
    <section className="panel chart-panel" aria-labelledby="loss-panel-title">
      <div className="panel-head">
        <h2 id="loss-panel-title">Loss</h2>
        <span className="panel-note">floor = {formatFloor(floorValue)}</span>
      </div>
      <StepChart
        label={`Loss by step for each visible run: f minus the surface's floor (${formatFloor(floorValue)}), log scale`}
        quantity="Loss above the floor"
        series={lossSeries}
        yLabel={yLabel}
        scaleKind={logScale}
      />
    </section>
  );
}

function formatFloor(v: number): string {
  return Number(v.toPrecision(6)).toString().replace("-", "−");
}
