import type { Experiment } from "../core/experiment/types";

/** The part of the experiment the engine depends on: cosmetic fields do not re-run the race. */
export function engineKey(e: Experiment): string {
  const { view: _v, title: _t, caption: _c, selected: _s, step: _st, stopWhenSettled: _w, version: _ver, ...rest } = e;
  return JSON.stringify({ ...rest, runs: e.runs.map(({ label: _l, color: _c, hidden: _h, ...r }) => r) });
}
