/**
 * Asks the engine worker for the selected run's step at the shown step whenever either
 * changes, or the race does, while the inspector or its arrows are on. Requests are
 * throttled and the latest wins: an answer to an older question, or about a race the page
 * has since replaced, is dropped (and asked again), so what is shown always matches the
 * point on the plot.
 */
import { getEngine } from "../../state/engine";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { useInspector } from "./inspectorStore";

/** Wait before asking: at most one request per this many ms (a scrub or a playing race changes every frame). */
const DEBOUNCE_MS = 60;
const DEBOUNCE_PLAYING_MS = 150;

export function watchInspection(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = "";
  let latest = 0;
  /** The series is replayed only when the run, the race or its step change (not on a scrub). */
  let seriesKey = "";

  const question = () => {
    const s = useStore.getState();
    const run = s.experiment.runs.find((r) => r.id === s.selectedRunId) ?? s.experiment.runs[0];
    const shown = Math.max(0, Math.min(s.scrub ?? s.step, s.step));
    return { runId: run?.id ?? null, shown, step: s.step, generation: getEngine().generation };
  };

  const ask = () => {
    timer = null;
    const q = question();
    if (q.runId === null) {
      useInspector.getState().setResult(null, null, "No run to inspect.");
      return;
    }
    const key = `${q.generation}|${q.runId}|${q.shown}|${q.step}`;
    if (key === asked) return;
    asked = key;
    const sKey = `${q.generation}|${q.runId}|${q.step}`;
    const withSeries = sKey !== seriesKey;
    const id = ++latest;
    getEngine()
      .inspect(q.runId, q.shown, withSeries ? q.step : null)
      .then((reply) => {
        if (id !== latest) return;
        if (reply.generation !== getEngine().generation) {
          // Answered about a race replaced meanwhile: ask again about the current one.
          asked = "";
          schedule();
          return;
        }
        if (withSeries && reply.series) seriesKey = sKey;
        useInspector.getState().setResult(reply.inspection, reply.series, reply.problem ?? null);
      });
  };

  const active = () => {
    const i = useInspector.getState();
    return i.open || i.arrows;
  };
  const schedule = () => {
    // A pending request is not pushed back (a playing race changes every frame): it reads the state when it fires.
    if (!active() || timer) return;
    timer = setTimeout(ask, useStore.getState().playing ? DEBOUNCE_PLAYING_MS : DEBOUNCE_MS);
  };

  const offStore = useStore.subscribe((s, p) => {
    if (s.selectedRunId !== p.selectedRunId || s.scrub !== p.scrub || s.step !== p.step || s.experiment.runs !== p.experiment.runs) schedule();
  });
  const offTrajectories = trajectories.subscribe(schedule);
  const offInspector = useInspector.subscribe((s, p) => {
    if ((s.open || s.arrows) && !(p.open || p.arrows)) {
      asked = "";
      seriesKey = "";
      schedule();
    }
  });
  schedule();
  return () => {
    if (timer) clearTimeout(timer);
    offStore();
    offTrajectories();
    offInspector();
  };
}
