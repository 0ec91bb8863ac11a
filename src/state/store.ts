import { create } from "zustand";
import { createExperimentSlice, type ExperimentSlice } from "./experimentSlice";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { createLectureSlice, type LectureSlice } from "./lectureSlice";

export interface UiSlice {
  /** Last engine or validation message shown to the user (null: none). */
  message: string | null;
  setMessage(m: string | null): void;
}

export type AppState = ExperimentSlice & PlaybackSlice & LectureSlice & UiSlice;

/** The one store, split into slices (zustand's slices pattern). */
export const useStore = create<AppState>()((...a) => ({
  ...createExperimentSlice(...a),
  ...createPlaybackSlice(...a),
  ...createLectureSlice(...a),
  message: null,
  setMessage: (message) => a[0]({ message }),
}));

/** The part of the experiment the engine depends on: cosmetic fields do not re-run the race. */
export function engineKey(e: AppState["experiment"]): string {
  const { view: _v, title: _t, caption: _c, selected: _s, step: _st, stopWhenSettled: _w, version: _ver, ...rest } = e;
  return JSON.stringify({ ...rest, runs: e.runs.map(({ label: _l, color: _c, hidden: _h, ...r }) => r) });
}
