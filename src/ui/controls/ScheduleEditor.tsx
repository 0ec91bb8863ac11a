import { useId } from "react";
import type { RunSpec, ScheduleSpec } from "../../core/experiment/types";
import type { NumberParam, ParamValue, ParamValues } from "../../core/params";
import { getSchedule, schedules, warmupParam } from "../../core/schedules";
import { useStore } from "../../state/store";
import { ParamControl } from "./ParamControl";
import { SpecControl } from "./SpecControl";

const warmupSpec: NumberParam = { ...warmupParam, label: "Warmup steps" };
const scheduleList = Object.values(schedules);

/**
 * Learning-rate schedule of one run: the picker, the schedule's own parameters (from its
 * ParamSpecs) and the linear warmup any schedule can carry. A combination the schedule's
 * cross-field check refuses (piecewise: one more rate than boundaries) is not stored;
 * the control that tried it shows why.
 */
export function ScheduleEditor({ run }: { run: RunSpec }) {
  const id = useId();
  const setSchedule = useStore((s) => s.setSchedule);
  const schedule = run.schedule;
  const def = schedule ? getSchedule(schedule.name) : undefined;

  const pick = (name: string) => {
    if (!name) return setSchedule(run.id, undefined);
    // Warmup carries over; lengths that span the race (tMax, totalSteps) start at the race's
    // horizon, written out so the experiment says what runs; the rest start at their defaults.
    const next: ScheduleSpec = schedule?.warmup ? { name, warmup: schedule.warmup } : { name };
    const steps = useStore.getState().experiment.steps;
    for (const [key, spec] of Object.entries(getSchedule(name)?.params ?? {}))
      if ((spec.kind === "integer" || spec.kind === "number") && spec.horizon) next[key] = Math.max(1, steps - (next.warmup ?? 0));
    setSchedule(run.id, next);
  };

  const setParam = (key: string, v: ParamValue | undefined): string | null => {
    if (!schedule || !def) return null;
    const next: ScheduleSpec = { ...schedule };
    if (v === undefined) delete next[key];
    else next[key] = v;
    const { name: _n, warmup: _w, ...params } = next;
    const problem = def.check?.(params as ParamValues);
    if (problem) return problem;
    setSchedule(run.id, next);
    return null;
  };

  const setWarmup = (w: number | undefined) => {
    const steps = w ?? 0;
    if (!schedule) {
      // Warmup needs a schedule to hand over to: a constant one is what "no schedule" means.
      if (steps > 0) setSchedule(run.id, { name: "constant", warmup: steps });
      return;
    }
    const { warmup: _old, ...rest } = schedule;
    setSchedule(run.id, steps > 0 ? { ...rest, warmup: steps } : rest);
  };

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
        <select id={id} className="param-select" value={schedule?.name ?? ""} onChange={(e) => pick(e.currentTarget.value)} title={def?.cite}>
          <option value="">None (constant lr)</option>
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
        />
      )}
    </fieldset>
  );
}
