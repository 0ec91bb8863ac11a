import type { StateCreator } from "zustand";
import type { AppState } from "./store";

/** Speeds offered, in steps per second (Infinity: as fast as the machine goes). */
export const SPEEDS = [1, 5, 20, 100, 500, 2000, 10000, Infinity] as const;

export interface PlaybackSlice {
  playing: boolean;
  speed: number;
  /** Latest step the race has computed (mirrors the trajectories at a React-friendly rate). */
  step: number;
  done: boolean;
  /** Step shown by the timeline; null follows the live head of the race. */
  scrub: number | null;
  setPlaying(p: boolean): void;
  setSpeed(s: number): void;
  setProgress(step: number, done: boolean, playing: boolean): void;
  setScrub(step: number | null): void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set) => ({
  playing: false,
  speed: Infinity,
  step: 0,
  done: false,
  scrub: null,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setProgress: (step, done, playing) => set({ step, done, playing }),
  setScrub: (scrub) => set({ scrub }),
});
