import type { Experiment } from "../core/experiment/types";

/**
 * Keys already computed, per experiment object: the store replaces the experiment on every
 * edit and never changes one in place, while its subscribers (the engine glue, the caption)
 * ask for the key on every store update, progress at frame rate included.
 */
const keys = new WeakMap<Experiment, string>();

/** The part of the experiment the engine depends on: cosmetic fields do not re-run the race. */
export function engineKey(e: Experiment): string {
  let key = keys.get(e);
  if (key === undefined) keys.set(e, (key = computeKey(e)));
  return key;
}

function computeKey(e: Experiment): string {
  const { view: _v, title: _t, caption: _c, selected: _s, step: _st, stopWhenSettled: _w, version: _ver, ...rest } = e;
  return JSON.stringify({ ...rest, runs: e.runs.map(({ label: _l, color: _c, hidden: _h, ...r }) => r) });
}
