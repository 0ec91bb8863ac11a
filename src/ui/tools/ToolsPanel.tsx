import { useId, useMemo, useState } from "react";
import type { NumberParam } from "../../core/params";
import { resolveOptimizer } from "../../core/engine/resolveRun";
import { minimaOf } from "../../core/engine/minima";
import { getSurface } from "../../core/surfaces";
import type { Criterion } from "../../core/tools/runScore";
import { useStore } from "../../state/store";
import { runBasin, runRangeTest, runSweep, runTune, runTuneAll, surfaceKeyOf, useTools } from "../../state/toolsStore";
import { formatParam } from "../format";
import { visibleRect } from "../plot/basinLayer";
import { BasinLegend } from "./BasinLegend";
import { RangeTestChart } from "./RangeTestChart";
import { SweepHeatmap } from "./SweepHeatmap";
import { TheoryBox } from "./TheoryBox";
import { ToolProgress } from "./ToolProgress";
import { TunedMark } from "./TunedMark";
import { axisValues, defaultSecondParam, sweepableParams, tuneAllJobs } from "./toolSettings";
import { useReveal } from "./useReveal";
import "./tools.css";

const LR_FORMAT = { kind: "number", scale: "log" } as const;
/** The range test's steps (fastai's lr_find takes 100): short, so it runs here at once. */
const RANGE_STEPS = 300;
/** Starts per side of a basin map. */
const BASIN_GRID = 128;

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

const counts = (ns: readonly number[]) => ns.map((n) => [n, n.toLocaleString("en")] as const);

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
  const [points, setPoints] = useState(16);
  const [size, setSize] = useState(32);
  const [xKey, setXKey] = useState("lr");
  const [yKey, setYKey] = useState(() => defaultSecondParam(params));
  const running = useTools((s) => s.running);
  const message = useTools((s) => s.message);
  const range = useTools((s) => s.range);
  const sweep = useTools((s) => s.sweep);
  const basin = useTools((s) => s.basin);
  const tuned = useTools((s) => s.tuned[run.id]);
  const rangeRef = useReveal<HTMLDivElement>(range);
  const sweepRef = useReveal<HTMLDivElement>(sweep);
  const basinRef = useReveal<HTMLDivElement>(basin);
  const ctx = { surface: experiment.surface, start: experiment.start, tolerance: experiment.tolerance };
  const surface = getSurface(experiment.surface);
  const spec = (key: string) => params.find(([k]) => k === key)?.[1];
  // Another optimizer may not have the chosen parameters: fall back to lr and its usual partner.
  const xk = spec(xKey) ? xKey : "lr";
  const yk = spec(yKey) ? yKey : defaultSecondParam(params);
  const lrSpec = spec("lr") as NumberParam;
  const store = useStore.getState;
  if (!surface) return null;
  const here = surfaceKeyOf(experiment.surface);

  const apply = (patch: Record<string, number>) => {
    for (const [k, v] of Object.entries(patch)) store().setOptimizerParam(run.id, k, v);
  };
  const busy = running !== null;

  return (
    <section className="panel tools-panel" aria-labelledby="tools-title">
      <div className="panel-head">
        <h2 id="tools-title">Fair comparison</h2>
        <span className="panel-note">for {run.label ?? run.id}</span>
      </div>
      <div className="tool-settings">
        <Select label="Steps per run" value={steps} options={counts([200, 500, 1000, 2000, 5000, 20000, 100000])} onChange={setSteps} />
        <Select label="Criterion" value={criterion} options={[["finalLoss", "final loss"], ["stepsToTolerance", "steps to tolerance"]] as const} onChange={setCriterion} />
        <Select label="Tune by" value={method} options={[["halving", "halving"], ["grid", "log grid"]] as const} onChange={setMethod} />
        <Select label="Tune points" value={points} options={counts([8, 16, 32, 64])} onChange={setPoints} />
        <Select label="Sweep x" value={xk} options={params.map(([k, p]) => [k, p.label] as const)} onChange={setXKey} />
        <Select label="Sweep y" value={yk} options={params.map(([k, p]) => [k, p.label] as const)} onChange={setYKey} />
        <Select label="Sweep grid" value={size} options={[16, 32, 48, 64].map((n) => [n, `${n} × ${n}`] as const)} onChange={setSize} />
      </div>
      <div className="tool-buttons">
        <button type="button" disabled={busy} onClick={() => runRangeTest(run, ctx, RANGE_STEPS, lrSpec.slider[0], lrSpec.slider[1])}>
          Range test
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            const r = await runTune(run, ctx, { range: lrSpec.slider, points, steps, criterion, method });
            if (r && Number.isFinite(r.score)) apply({ lr: r.lr });
          }}
        >
          Tune
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const jobs = tuneAllJobs(experiment.runs, { points, steps, criterion, method });
            runTuneAll(jobs, ctx, (id, lr) => store().setOptimizerParam(id, "lr", lr));
          }}
        >
          Tune all runs
        </button>
        <button type="button" disabled={busy} onClick={() => runSweep(run, ctx, { key: xk, values: axisValues(spec(xk)!, size) }, { key: yk, values: axisValues(spec(yk)!, size) }, steps, criterion)}>
          Sweep
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            // What the plot shows (the view widened to the plot's shape), else the view itself.
            const v = visibleRect() ?? experiment.view ?? surface.domain;
            const diag = Math.hypot(v.x[1] - v.x[0], v.y[1] - v.y[0]);
            runBasin(run, ctx, { nx: BASIN_GRID, ny: BASIN_GRID, x: [v.x[0], v.x[1]], y: [v.y[0], v.y[1]] }, steps, 0.02 * diag);
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
      {tuned && <TunedMark mark={tuned} run={run} surfaceKey={here} />}
      {range && range.runId === run.id && range.surfaceKey === here && (
        <div className="tool-result" ref={rangeRef}>
          <RangeTestChart result={range} />
          {range.suggested !== null && (
            <button type="button" data-lr={range.suggested} onClick={() => apply({ lr: range.suggested! })}>
              Apply lr {formatParam(LR_FORMAT, range.suggested)}
            </button>
          )}
        </div>
      )}
      {sweep && sweep.runId === run.id && sweep.surfaceKey === here && spec(sweep.x.key) && spec(sweep.y.key) && (
        <div ref={sweepRef}>
          <SweepHeatmap result={sweep} xSpec={spec(sweep.x.key)!} ySpec={spec(sweep.y.key)!} onPick={(i, j) => apply({ [sweep.x.key]: sweep.x.values[i], [sweep.y.key]: sweep.y.values[j] })} />
        </div>
      )}
      {basin && basin.surfaceKey === here && (
        <div ref={basinRef}>
          <BasinLegend result={basin} minima={minimaOf(surface)} />
        </div>
      )}
      <TheoryBox surface={surface} runId={run.id} />
    </section>
  );
}
