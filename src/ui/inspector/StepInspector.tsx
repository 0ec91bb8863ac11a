import { useEffect, type ReactNode } from "react";
import type { Inspection, StepRecord } from "../../core/engine/inspect";
import { getOptimizer } from "../../core/optim";
import type { OptimizerDef } from "../../core/optim/types";
import { runColor, runDash, swatchBackground } from "../../state/palette";
import { useStore } from "../../state/store";
import { formatPoint, formatValue } from "../format";
import { Tex } from "../math/Tex";
import { useInspector } from "./inspectorStore";
import { SeriesChart } from "./SeriesChart";
import { stateSymbol } from "./stateSymbols";
import { directionTex, effectiveTex, substitutedRows } from "./substitutedRule";

const directionText = (def: OptimizerDef) => (def.transforms.includes("biasCorrection") ? "m̂" : "the direction");
import { watchInspection } from "./watchInspection";
import "./inspector.css";

/** The Classroom toolbar's switch for the panel (the panel sits with the other panels). */
export function InspectorButton() {
  const open = useInspector((s) => s.open);
  return (
    <button
      type="button"
      aria-pressed={open}
      onClick={() => {
        useInspector.getState().setOpen(!open);
        // The panel opens below the others, off screen on a projector: bring it into view.
        if (!open) requestAnimationFrame(() => document.querySelector(".step-inspector")?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
      }}
      title="The selected run's gradient, optimizer state, effective step and update at the shown step"
    >
      Step inspector
    </button>
  );
}

/** Keeps the inspection current while the panel or the arrows are on (mounted once, with the app). */
export function useInspectionWatcher(): void {
  useEffect(() => watchInspection(), []);
}

function Row({ label, tex, values, name }: { label: string; tex: string; values: readonly number[] | null; name: string }) {
  return (
    <tr data-row={name}>
      <th scope="row">
        <Tex tex={tex} />
        <span className="visually-hidden"> {label}</span>
      </th>
      {values === null ? (
        <td colSpan={2} className="muted">
          —
        </td>
      ) : values.length === 1 ? (
        <td colSpan={2} className="num" data-value={String(values[0])}>
          {formatValue(values[0])}
        </td>
      ) : (
        values.slice(0, 2).map((v, i) => (
          <td key={i} className="num" data-coord={i === 0 ? "x" : "y"} data-value={String(v)}>
            {formatValue(v)}
          </td>
        ))
      )}
    </tr>
  );
}

function StepTable({ def, r, lookAhead, clipped }: { def: OptimizerDef; r: StepRecord; lookAhead: boolean; clipped: boolean }) {
  const rows: ReactNode[] = [
    <Row key="gradient" name="gradient" label="gradient" tex={lookAhead ? String.raw`\nabla f(\text{look-ahead})` : String.raw`\nabla f(x_t)`} values={r.gradient} />,
    <Row key="used" name="used" label="gradient after noise and clipping" tex={clipped ? String.raw`g_t\ \text{(clipped)}` : String.raw`g_t\ \text{(used)}`} values={r.used} />,
    ...[...r.state, ...r.derived].map((s) => {
      const sym = stateSymbol(s.name, def.name);
      return <Row key={s.name} name={`state-${s.name}`} label={sym.text} tex={sym.tex} values={s.values} />;
    }),
    <Row key="effective" name="effective" label={`effective step, multiplying ${directionText(def)}`} tex={r.effective ? String.raw`${effectiveTex(def)}\ (\times\, ${directionTex(def)})` : String.raw`\text{effective step}`} values={r.effective} />,
    <Row key="update" name="update" label="update" tex={String.raw`\Delta x = x_{t+1} - x_t`} values={r.update} />,
  ];
  return (
    <table className="inspector-table">
      <caption className="visually-hidden">Step {r.t + 1} of the selected run, per coordinate</caption>
      <thead>
        <tr>
          <th scope="col">quantity</th>
          <th scope="col" className="num">
            x
          </th>
          <th scope="col" className="num">
            y
          </th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

function Body({ inspection, def }: { inspection: Inspection; def: OptimizerDef }) {
  if (inspection.kind === "start")
    return <p className="muted">Step 0: the start {formatPoint(inspection.point)}. No step has been taken yet; press Step (→) to see the first one.</p>;
  const r = inspection.record;
  const lookAhead = r.gradientAt[0] !== r.from[0] || r.gradientAt[1] !== r.from[1];
  const rows = substitutedRows(def, r, lookAhead);
  return (
    <>
      <p className="inspector-where" data-t={r.t}>
        {inspection.kind === "stopped" ? <strong>The run diverged; its last step: </strong> : null}
        Step {r.t + 1} (t = {r.t}): from {formatPoint(r.from)} to {formatPoint(r.to)}, η<sub>t</sub> = {formatValue(r.lr)}
        {inspection.clip ? `, clipping ${inspection.clip.mode === "norm" ? `by norm ≤ ${inspection.clip.maxNorm}` : `by value ≤ ${inspection.clip.clipValue}`}` : ""}
        {r.effective === null ? ". This optimizer's final step is not of the form η · direction per coordinate, so no effective step is given." : "."}
      </p>
      <div className="inspector-grid">
        <StepTable def={def} r={r} lookAhead={lookAhead} clipped={inspection.clip !== null} />
        <div className="inspector-rule" role="group" aria-label="Update rule with this step's numbers">
          <Tex tex={String.raw`\begin{aligned}${rows.join(" \\\\ ")}\end{aligned}`} display className="formula" />
        </div>
      </div>
    </>
  );
}

/** The step inspector: what the selected run's step at the shown point was made of, from the engine. */
export function StepInspector() {
  const open = useInspector((s) => s.open);
  const arrows = useInspector((s) => s.arrows);
  const inspection = useInspector((s) => s.inspection);
  const problem = useInspector((s) => s.problem);
  const runs = useStore((s) => s.experiment.runs);
  const selectedRunId = useStore((s) => s.selectedRunId);
  if (!open) return null;
  const index = Math.max(0, runs.findIndex((r) => r.id === (inspection?.runId ?? selectedRunId)));
  const spec = runs[index];
  // The optimizer the inspected step ran (the spec may have changed since; a fresh answer follows).
  const def = inspection ? getOptimizer(inspection.optimizer) : undefined;
  return (
    <section className="panel step-inspector" aria-label="Step inspector">
      <div className="panel-head">
        <h2>Step inspector</h2>
        {spec && (
          <span className="panel-note run-tag" data-run={spec.id}>
            <span className="swatch" style={{ background: swatchBackground(runColor(spec, index), runDash(spec, index)) }} aria-hidden="true" />
            {spec.label ?? spec.id}
          </span>
        )}
        <label className="inspector-arrows-toggle">
          <input type="checkbox" checked={arrows} onChange={(e) => useInspector.getState().setArrows(e.currentTarget.checked)} />
          Arrows on plot
        </label>
      </div>
      <div className="inspector-body">
        {problem && <p className="problem">{problem}</p>}
        {!inspection || !def ? !problem && <p className="muted">Computing…</p> : <Body inspection={inspection} def={def} />}
        <SeriesChart />
      </div>
    </section>
  );
}
