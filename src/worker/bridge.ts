/**
 * The page's typed handles on its workers: `send` the worker's own message type,
 * `subscribe` to FromWorker replies. Created once per page (see state/engine.ts).
 */
import type { FromWorker, ToContourWorker, ToWorker } from "./protocol";

type Listener = (msg: FromWorker) => void;

export interface WorkerBridge<In> {
  send(msg: In): void;
  subscribe(listener: Listener): () => void;
}

export type EngineBridge = WorkerBridge<ToWorker>;
export type ContourBridge = WorkerBridge<ToContourWorker>;

/** The engine worker: owns the race. */
export function createBridge(): EngineBridge {
  return wrap(new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "downhill-engine" }), "engine worker");
}

/** A contour worker (grids and d3-contour bands). */
export function createContourBridge(index: number): ContourBridge {
  return wrap(new Worker(new URL("./contour.worker.ts", import.meta.url), { type: "module", name: `downhill-contours-${index}` }), "contour worker");
}

function wrap<In>(worker: Worker, what: string): WorkerBridge<In> {
  const listeners = new Set<Listener>();
  worker.onmessage = (e: MessageEvent<FromWorker>) => listeners.forEach((l) => l(e.data));
  worker.onerror = (e) => listeners.forEach((l) => l({ type: "error", message: e.message || `the ${what} failed` }));
  return {
    send: (msg) => worker.postMessage(msg),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
