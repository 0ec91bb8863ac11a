/**
 * The page's typed handle on the engine worker: `send` a ToWorker message, `subscribe`
 * to FromWorker replies. One worker per page, created lazily.
 */
import type { FromWorker, ToWorker } from "./protocol";

type Listener = (msg: FromWorker) => void;

export interface EngineBridge {
  send(msg: ToWorker): void;
  subscribe(listener: Listener): () => void;
}

/** The engine worker: owns the race. */
export function createBridge(): EngineBridge {
  return wrap(new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module", name: "downhill-engine" }));
}

/** A contour worker (grids and d3-contour bands). */
export function createContourBridge(index: number): EngineBridge {
  return wrap(new Worker(new URL("./contour.worker.ts", import.meta.url), { type: "module", name: `downhill-contours-${index}` }));
}

function wrap(worker: Worker): EngineBridge {
  const listeners = new Set<Listener>();
  worker.onmessage = (e: MessageEvent<FromWorker>) => listeners.forEach((l) => l(e.data));
  worker.onerror = (e) => listeners.forEach((l) => l({ type: "error", message: e.message || "the engine worker failed" }));
  return {
    send: (msg) => worker.postMessage(msg),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
