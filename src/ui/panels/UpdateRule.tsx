import { Fragment, useMemo } from "react";
import { runColor, runDash, swatchBackground } from "../../state/palette";
import { useStore } from "../../state/store";
import { Tex } from "../math/Tex";
import { currentLrAssignment, type Assignment } from "../math/assignments";
import { ruleSet } from "./ruleBlocks";
import { useCurrentLr } from "./useCurrentLr";
import "./panels.css";

/** The base lr (η₀) the update block lists. */
function baseLr(where: readonly Assignment[]): number | undefined {
  const lr = where.find((a) => a.key === "lr");
  return lr ? Number(lr.value) : undefined;
}

function Where({ items }: { items: Assignment[] }) {
  if (items.length === 0) return null;
  return (
    <p className="where">
      where{" "}
      {items.map((a, i) => (
        <Fragment key={a.key}>
          <span className="assignment" data-param={a.key} data-value={a.value}>
            <Tex tex={a.tex} />
          </span>
          {i < items.length - 1 ? ", " : ""}
        </Fragment>
      ))}
    </p>
  );
}

/**
 * The selected run's exact update rule, schedule, clipping and noise, rendered by
 * KaTeX from the registry entries the engine runs, with the run's values written in.
 */
export function UpdateRule() {
  const runs = useStore((s) => s.experiment.runs);
  const selectedRunId = useStore((s) => s.selectedRunId);
  const index = Math.max(0, runs.findIndex((r) => r.id === selectedRunId));
  const spec = runs[index];
  const rules = useMemo(() => (spec ? ruleSet(spec) : null), [spec]);
  const now = useCurrentLr(spec?.id ?? null);

  return (
    <section className="panel update-rule" aria-labelledby="update-rule-title">
      <div className="panel-head">
        <h2 id="update-rule-title">Update rule</h2>
        {spec && (
          <span className="panel-note run-tag" data-run={spec.id}>
            <span className="swatch" style={{ background: swatchBackground(runColor(spec, index), runDash(spec, index)) }} aria-hidden="true" />
            {spec.label ?? spec.id}
          </span>
        )}
      </div>
      <div className="rule-scroll" role="group" tabIndex={0} aria-label={spec ? `Update rule of ${spec.label ?? spec.id}` : "Update rule"}>
        {!rules ? (
          <p className="muted">No run selected.</p>
        ) : (
          <>
            {rules.problem && <p className="problem">{rules.problem}</p>}
            {rules.blocks.map((b) => {
              const lrNow = b.id === "update" && now ? currentLrAssignment(now, baseLr(b.where)) : null;
              const where = lrNow ? [...b.where, lrNow] : b.where;
              return (
                <div key={b.id} className={`rule rule-${b.id}`} data-block={b.id}>
                  <div className="rule-title">
                    <h3>{b.title}</h3>
                    {b.id === "update" && <span className="cite"> · {rules.cite}</span>}
                  </div>
                  <Tex tex={b.tex} display className="formula" />
                  <Where items={where} />
                  {b.cite && b.id !== "update" && <p className="cite">{b.cite}</p>}
                </div>
              );
            })}
            <p className="order">Each step: {rules.order}</p>
          </>
        )}
      </div>
    </section>
  );
}
