/** What the plot draws for each run, read from the store: path styles and start marks. */
import type { Surface } from "../../core/surfaces";
import { runColor, runDash } from "../../state/palette";
import type { AppState } from "../../state/store";
import { formatPoint } from "../format";
import type { StartMark } from "./markers";
import type { RunStyle } from "./pathLayer";

export function runStyles(s: AppState): RunStyle[] {
  return s.experiment.runs.map((r, i) => ({ id: r.id, color: runColor(r, i), dash: runDash(r, i), hidden: !!r.hidden }));
}

/** The shared start (when a visible run uses it) and each visible run's own start. */
export function startMarks(s: AppState, surface: Surface): StartMark[] {
  const e = s.experiment;
  const shared: [number, number] = e.start ? [e.start[0], e.start[1]] : [surface.start[0], surface.start[1]];
  const marks: StartMark[] = [];
  const visible = e.runs.filter((r) => !r.hidden);
  if (visible.some((r) => !r.start)) marks.push({ point: shared, color: null, label: `Start ${formatPoint(shared)}` });
  e.runs.forEach((r, i) => {
    if (r.hidden || !r.start) return;
    marks.push({ point: r.start, color: runColor(r, i), label: `Start of ${r.label ?? r.id} ${formatPoint(r.start)}` });
  });
  return marks;
}
