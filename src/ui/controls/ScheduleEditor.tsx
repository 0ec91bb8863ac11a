import { useId } from "react";
import type { RunSpec, ScheduleSpec } from "../../core/experiment/types";
import type { NumberParam, ParamValue, ParamValues } from "../../core/params";
import { resolveOptimizer } from "../../core/engine/resolveRun";
import { getSchedule, schedules, warmupParam } from "../../core/schedules";
import { fillHorizon, horizonKeys } from "../../state/horizon";
import { useStore } from "../../state/store";
import { ParamControl } from "./ParamControl";
import { SpecControl } from "./SpecControl";

const warmupSpec: NumberParam = { ...warmupParam, label: "Warmup steps" };
// "constant" is what "None" means: it is offered as the first option, not again in the list.
const scheduleList = Object.values(schedules).filter((d) => d.name !== "constant");

/**
 * Learning-rate schedule of one run: the picker, the schedule's own parameters (from its
 * ParamSpecs) and the linear warmup any schedule can carry. A combination the schedule's
 * cross-field check refuses (piecewise: one more rate than boundaries) is not stored;
 * the control that tried it shows why.
 */
export function ScheduleEditor({ run }: { run: RunSpec }) {
  const id = useId();
  const setSchedule = useStore((s) => s.setSchedule);
  const setLengthTyped = useStore((s) => s.setLengthTyped);
  const steps = useStore((s) => s.experiment.steps);
  const schedule = run.schedule;
  const def = schedule ? getSchedule(schedule.name) : undefined;
  const warmup = schedule?.warmup ?? 0;
  // A constant schedule is "None"; with a warmup in front it reads as what it does.
  const none = !schedule || schedule.name === "constant";

  const pick = (name: string) => {
    // Warmup carries over (onto "None" too: warmup then constant); lengths that span the
    // race (tMax, totalSteps) start at steps − warmup and follow the horizon from then on
    // (horizon.ts); the rest start at their defaults.
    const target = name || "constant";
    const next: ScheduleSpec = warmup ? { name: target, warmup } : { name: target };
    setSchedule(run.id, target === "constant" && !warmup ? undefined : fillHorizon(next, steps));
  };

  const lengths = schedule ? horizonKeys(schedule.name) : [];
  const setParam = (key: string, v: ParamValue | undefined): string | null => {
    if (!schedule || !def) return null;
    const next: ScheduleSpec = { ...schedule };
    if (v === undefined) delete next[key];
    else next[key] = v;
    const { name: _n, warmup: _w, ...params } = next;
    const context = { lr: resolveOptimizer(run.optimizer).params.lr, steps: useStore.getState().experiment.steps - (next.warmup ?? 0) };
    const problem = def.check?.(params as ParamValues, context);
    if (problem) return `${problem.field}: ${problem.message}`;
    // A length the user typed stays put when the horizon moves.
    if (lengths.includes(key)) setLengthTyped(run.id, key, true);
    setSchedule(run.id, next);
    return null;
  };

  const setWarmup = (w: number | undefined) => {
    const length = w ?? 0;
    if (!schedule) {
      // Warmup needs a schedule to hand over to: a constant one is what "no schedule" means.
      if (length > 0) setSchedule(run.id, { name: "constant", warmup: length });
      return;
    }
    const { warmup: _old, ...rest } = schedule;
    // Warmup back to 0 on "None": no schedule at all again.
    if (length === 0 && rest.name === "constant") return setSchedule(run.id, undefined);
    setSchedule(run.id, length > 0 ? { ...rest, warmup: length } : rest);
  };
  const warmupWarning =
    warmup >= steps ? `The warmup (${warmup.toLocaleString("en")} steps) is as long as the race or longer (${steps.toLocaleString("en")} steps): the lr never gets past the ramp.` : null;

  // warmupCosine has its own "Warmup steps"; the generic one then only shows when set, renamed.
  const ownWarmup = def ? Object.values(def.params).some((p) => p.label === warmupSpec.label) : false;
  const showWarmup = !ownWarmup || Boolean(schedule?.warmup);

  return (
    <fieldset className="editor-group">
      <legend>Schedule</legend>
      <div className="param param-box-only">
        <label className="param-label" htmlFor={id}>
          Schedule
        </label>
        <select id={id} className="param-select" value={none ? "" : schedule.name} onChange={(e) => pick(e.currentTarget.value)} title={def?.cite}>
          <option value="">{none && warmup ? "Warmup then constant" : "None (constant lr)"}</option>
          {scheduleList.map((d) => (
            <option key={d.name} value={d.name}>
              {d.displayName}
            </option>
          ))}
        </select>
      </div>
      {schedule &&
        def &&
        Object.entries(def.params).map(([key, spec]) => (
          <SpecControl key={`${schedule.name}.${key}`} spec={spec} value={schedule[key]} onCommit={(v) => setParam(key, v)} />
        ))}
      {showWarmup && (
        <ParamControl
          spec={ownWarmup ? warmupParam : warmupSpec}
          value={schedule?.warmup ?? 0}
          onCommit={setWarmup}
          slider={false}
          warning={warmupWarning}
        />
      )}
    </fieldset>
  );
}
