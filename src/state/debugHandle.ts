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

