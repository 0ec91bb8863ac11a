import { useCallback, useState } from "react";
import type { RunTrajectory } from "../../state/trajectories";
import { StepChart } from "./chart/StepChart";
import type { StepSeries } from "./chart/stepChart";
import type { YScaleKind } from "./chart/yScale";
import "./panels.css";

/**
 * The lr each run used (solid, recorded by the engine) over its planned schedule for the
 * whole horizon (dashed; absent for adaptive schedules such as reduce-on-plateau).
 */
const lrSeries: StepSeries = {
  values: (run) => run.lr,
  newestPending: true,
  plan: (run) => run.plan,
  offset: () => 0,
  valueAt(run: RunTrajectory, s: number) {
    const recorded = s < run.count ? run.lr[s] : NaN;
    if (recorded === recorded) return recorded;
    // The newest point has no step leaving it yet: show what the schedule plans for it.
    if (run.plan) return run.plan[Math.min(s, run.plan.length - 1)] ?? NaN;
    return run.count > 1 && s >= run.count - 1 ? run.lr[run.count - 2] : NaN;
  },
};

/** More than two decades between the smallest and largest lr reads better on a log axis. */
const autoKind = (lo: number, hi: number): YScaleKind => (lo > 0 && hi / lo > 100 ? "log" : "linear");

type Mode = "auto" | YScaleKind;

export function LrPanel() {
  const [mode, setMode] = useState<Mode>("auto");
  const [shown, setShown] = useState<YScaleKind>("linear");
  const scaleKind = useCallback((lo: number, hi: number): YScaleKind => (mode === "auto" ? autoKind(lo, hi) : mode), [mode]);
  const yLabel = useCallback((kind: YScaleKind) => (kind === "log" ? "lr (log)" : "lr"), []);
  const log = shown === "log";
  return (
    <section className="panel chart-panel" aria-labelledby="lr-panel-title">
      <div className="panel-head">
        <h2 id="lr-panel-title">Learning rate</h2>
        <button
          type="button"
          className="toggle"
          aria-pressed={log}
          aria-label="Log scale"
          title="Log scale for the learning rate (on by default when it spans more than two decades)"
          onClick={() => setMode(log ? "linear" : "log")}
        >
          Log
        </button>
      </div>
      <StepChart
        label="Learning rate by step for each visible run"
        quantity="Learning rate"
        series={lrSeries}
        yLabel={yLabel}
        scaleKind={scaleKind}
        onScaleKind={setShown}
        lineKey
      />
    </section>
  );
}
