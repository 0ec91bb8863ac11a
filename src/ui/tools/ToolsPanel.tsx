import { useId, useMemo, useState } from "react";
import type { NumberParam } from "../../core/params";
import { resolveOptimizer } from "../../core/engine/resolveRun";
import { getSurface } from "../../core/surfaces";
import { quadraticTheory } from "../../core/tools/theory";
import type { Criterion } from "../../core/tools/runScore";
import { useStore } from "../../state/store";
import { runBasin, runRangeTest, runSweep, runTune, useTools } from "../../state/toolsStore";
import { formatMetric, formatParam } from "../format";
import { RangeTestChart } from "./RangeTestChart";
import { SweepHeatmap } from "./SweepHeatmap";
import { ToolProgress } from "./ToolProgress";
import { axisValues, defaultSecondParam, sweepableParams } from "./toolSettings";
import "./tools.css";

const LR_FORMAT = { kind: "number", scale: "log" } as const;

function Select<T extends string | number>({ label, value, options, onChange }: { label: string; value: T; options: readonly (readonly [NoInfer<T>, string])[]; onChange(v: NoInfer<T>): void }) {
  const id = useId();
  return (
    <span className="tool-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(e) => onChange(options.find(([v]) => String(v) === e.currentTarget.value)![0])}>
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * Fair comparisons for the selected run: the lr range test, tuning its lr, a sweep heatmap
 * over two of its hyperparameters and a basin map of its starts, each computed in the tool
 * workers with progress and Cancel; and, on a quadratic, what theory says the best GD and
 * heavy-ball settings are.
 */
export function ToolsPanel() {
  const experiment = useStore((s) => s.experiment);
  const selectedId = useStore((s) => s.selectedRunId);
  const run = experiment.runs.find((r) => r.id === selectedId) ?? experiment.runs[0];
  const def = resolveOptimizer(run.optimizer).def;
  const params = useMemo(() => sweepableParams(def), [def]);
  const [steps, setSteps] = useState(500);
  const [criterion, setCriterion] = useState<Criterion>("finalLoss");
  const [method, setMethod] = useState<"grid" | "halving">("halving");
  const [size, setSize] = useState(32);
  const [xKey, setXKey] = useState("lr");
  const [yKey, setYKey] = useState(() => defaultSecondParam(params));
  const running = useTools((s) => s.running);
  const message = useTools((s) => s.message);
  const range = useTools((s) => s.range);
  const sweep = useTools((s) => s.sweep);
  const basin = useTools((s) => s.basin);
  const tuned = useTools((s) => s.tuned[run.id]);
  const ctx = { surface: experiment.surface, start: experiment.start, tolerance: experiment.tolerance };
  const surface = getSurface(experiment.surface);
  const theory = surface ? quadraticTheory(surface) : null;
  const spec = (key: string) => params.find(([k]) => k === key)?.[1];
  const xSpec = spec(xKey) ?? params[0][1];
  const ySpec = spec(yKey) ?? params[0][1];
  const lrSpec = spec("lr") as NumberParam;
  const store = useStore.getState;

  const apply = (patch: Record<string, number>) => {
    for (const [k, v] of Object.entries(patch)) store().setOptimizerParam(run.id, k, v);
  };

  return (
    <section className="panel tools-panel" aria-labelledby="tools-title">
      <div className="panel-head">
        <h2 id="tools-title">Fair comparison</h2>
        <span className="panel-note">for {run.label ?? run.id}</span>
      </div>
      <div className="tool-settings">
        <Select label="Steps" value={steps} options={[200, 500, 1000, 2000].map((n) => [n, n.toLocaleString("en")] as const)} onChange={setSteps} />
        <Select label="Criterion" value={criterion} options={[["finalLoss", "final loss"], ["stepsToTolerance", "steps to tolerance"]] as const} onChange={setCriterion} />
        <Select label="Tune by" value={method} options={[["halving", "successive halving"], ["grid", "log grid"]] as const} onChange={setMethod} />
        <Select label="Sweep x" value={xKey} options={params.map(([k, p]) => [k, p.label] as const)} onChange={setXKey} />
        <Select label="Sweep y" value={yKey} options={params.map(([k, p]) => [k, p.label] as const)} onChange={setYKey} />
        <Select label="Grid" value={size} options={[16, 32, 48].map((n) => [n, `${n} × ${n}`] as const)} onChange={setSize} />
      </div>
      <div className="tool-buttons">
        <button type="button" disabled={running !== null} onClick={() => runRangeTest(run, ctx, steps, lrSpec.slider[0], lrSpec.slider[1])}>
          Range test
        </button>
        <button
          type="button"
          disabled={running !== null}
          onClick={async () => {
            const r = await runTune(run, ctx, { range: lrSpec.slider, points: 16, steps, criterion, method });
            if (r && Number.isFinite(r.score)) apply({ lr: r.lr });
          }}
        >
          Tune
        </button>
        <button type="button" disabled={running !== null} onClick={() => runSweep(run, ctx, { key: xKey, values: axisValues(xSpec, size) }, { key: yKey, values: axisValues(ySpec, size) }, steps, criterion)}>
          Sweep
        </button>
        <button
          type="button"
          disabled={running !== null}
          onClick={() => {
            const v = experiment.view ?? (surface ? { x: surface.domain.x, y: surface.domain.y } : { x: [-1, 1], y: [-1, 1] });
            const diag = Math.hypot(v.x[1] - v.x[0], v.y[1] - v.y[0]);
            runBasin(run, ctx, { nx: 128, ny: 128, x: [v.x[0], v.x[1]], y: [v.y[0], v.y[1]] }, steps, 0.02 * diag);
          }}
        >
          Basin map
        </button>
      </div>
      <ToolProgress />
      {message && (
        <p className="tool-message" role="status">
          {message}
        </p>
      )}
      {tuned && (
        <p className="tool-result" data-testid="tuned">
          <strong>Tuned</strong>: lr = {formatParam(LR_FORMAT, tuned.result.lr)} ({tuned.options.method === "grid" ? "log grid" : "successive halving"} over {tuned.options.points} lrs in [{formatParam(LR_FORMAT, tuned.options.range[0])}, {formatParam(LR_FORMAT, tuned.options.range[1])}], {tuned.options.criterion === "finalLoss" ? "final loss" : "steps to tolerance"} after {tuned.options.steps} steps: {Number.isFinite(tuned.result.score) ? formatMetric(tuned.result.score) : "none converged"}; {tuned.result.tried.length} runs)
        </p>
      )}
      {range && range.runId === run.id && (
        <div className="tool-result">
          <RangeTestChart result={range} />
          {range.suggested !== null && (
            <button type="button" onClick={() => apply({ lr: range.suggested! })}>
              Apply lr {formatParam(LR_FORMAT, range.suggested)}
            </button>
          )}
        </div>
      )}
      {sweep && sweep.runId === run.id && spec(sweep.x.key) && spec(sweep.y.key) && (
        <SweepHeatmap result={sweep} xSpec={spec(sweep.x.key)!} ySpec={spec(sweep.y.key)!} onPick={(i, j) => apply({ [sweep.x.key]: sweep.x.values[i], [sweep.y.key]: sweep.y.values[j] })} />
      )}
      {basin && basin.runId === run.id && (
        <p className="tool-result">
          Basin map: {basin.grid.nx} × {basin.grid.ny} starts, {basin.steps} steps each ({(basin.grid.nx * basin.grid.ny * basin.steps).toLocaleString("en")} steps in {(basin.ms / 1000).toFixed(1)} s)
        </p>
      )}
      {theory && (
        <div className="tool-theory">
          <p>
            Quadratic: κ = {formatMetric(theory.kappa)}. GD at lr {formatMetric(theory.gd.lr)} shrinks the distance by {formatMetric(theory.gd.rate)} per step; heavy ball at lr {formatMetric(theory.heavyBall.lr)}, momentum {formatMetric(theory.heavyBall.momentum)} by {formatMetric(theory.heavyBall.rate)}.
          </p>
          <button type="button" onClick={() => { store().setOptimizer(run.id, "sgd"); apply({ lr: theory.gd.lr, momentum: 0 }); }}>
            Apply optimal GD
          </button>
          <button type="button" onClick={() => { store().setOptimizer(run.id, "sgd"); apply({ lr: theory.heavyBall.lr, momentum: theory.heavyBall.momentum }); }}>
            Apply optimal heavy ball
          </button>
        </div>
      )}
    </section>
  );
}
