import { create } from "zustand";
import { createExperimentSlice, type ExperimentSlice } from "./experimentSlice";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice";
import { createLectureSlice, type LectureSlice } from "./lectureSlice";

export interface UiSlice {
  /** Last engine or validation message shown to the user (null: none). */
  message: string | null;
  /** "error": something was refused or failed (the default); "info": a confirmation ("Link copied"). */
  messageKind: "error" | "info";
  setMessage(m: string | null, kind?: "error" | "info"): void;
}

export type AppState = ExperimentSlice & PlaybackSlice & LectureSlice & UiSlice;

/** The one store, split into slices (zustand's slices pattern). */
export const useStore = create<AppState>()((...a) => ({
  ...createExperimentSlice(...a),
  ...createPlaybackSlice(...a),
  ...createLectureSlice(...a),
  message: null,
  messageKind: "error",
  setMessage: (message, kind = "error") => a[0]({ message, messageKind: kind }),
}));

export { engineKey } from "./engineKey";
