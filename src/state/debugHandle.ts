import { getEngine } from "./engine";
import { useStore } from "./store";
import { trajectories } from "./trajectories";

/**
 * `window.downhill`: a read-mostly handle for the browser tests and the browser benchmark
 * (and curious users in the console): the store, the trajectory buffers and the engine.
 */
export function exposeDebugHandle(): void {
  (window as unknown as { downhill: unknown }).downhill = { store: useStore, trajectories, engine: getEngine };
}

/** Performance marks the benchmark reads: when paths of a generation and contours hit the screen. */
export const MARK_PATHS = "downhill:paths-drawn";
export const MARK_CONTOURS = "downhill:contours-drawn";
