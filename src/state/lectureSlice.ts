import type { StateCreator } from "zustand";
import type { Scene } from "./deckFile";
import type { AppState } from "./store";

/** Lecture mode, the scene library (in deck order) and the help overlay. */
export interface LectureSlice {
  lecture: boolean;
  /** The saved scenes, in the order the deck plays them (kept in IndexedDB by scenes.ts). */
  scenes: Scene[];
  /** Index in `scenes` of the scene last loaded (null: the page shows no scene of the deck). */
  sceneIndex: number | null;
  helpOpen: boolean;
  setLecture(on: boolean): void;
  setScenes(scenes: Scene[], sceneIndex?: number | null): void;
  setSceneIndex(i: number | null): void;
  setHelpOpen(open: boolean): void;
}

export const createLectureSlice: StateCreator<AppState, [], [], LectureSlice> = (set) => ({
  lecture: false,
  scenes: [],
  sceneIndex: null,
  helpOpen: false,
  setLecture: (lecture) => set({ lecture }),
  setScenes: (scenes, sceneIndex) => set((s) => ({ scenes, sceneIndex: sceneIndex === undefined ? s.sceneIndex : sceneIndex })),
  setSceneIndex: (sceneIndex) => set({ sceneIndex }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});
