/// <reference lib="webworker" />
/**
 * The engine worker: wires the page's messages to an EngineSession (engineSession.ts,
 * where the logic lives and is tested) and the session's replies back to the page.
 * See protocol.ts for the message flow.
 */
import { EngineSession } from "./engineSession";
import { isFormula } from "../core/surfaces";
import { gateFormulas } from "./formulaGate";
import type { ToWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const session = new EngineSession({
  post: (msg, transfer) => self.postMessage(msg, transfer),
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

// mathjs is loaded the first time a race on a typed surface arrives (formulaGate.ts).
const handle = gateFormulas<ToWorker>((msg) => msg.type === "load" && isFormula(msg.experiment.surface), (msg) => session.handle(msg));

self.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
