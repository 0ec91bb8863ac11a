/// <reference lib="webworker" />
/**
 * A contour worker: samples the surface on a grid and traces filled bands with d3-contour.
 * Kept apart from the engine worker so a zoom never stalls a playing race, and run as a
 * pair (each tracing half the thresholds) so new contours arrive in half the time.
 */
import { computeContours } from "./contours";
import { isFormula } from "../core/surfaces";
import { gateFormulas } from "./formulaGate";
import type { FromWorker, ToContourWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const handle = gateFormulas<ToContourWorker>((msg) => isFormula(msg.surface), (msg) => {
  try {
    const t0 = performance.now();
    const result = computeContours(msg.surface, msg.view, msg.nx, msg.ny, msg.levels, msg.part, msg.parts);
    const reply: FromWorker = { type: "contours", requestId: msg.requestId, view: msg.view, nx: msg.nx, ny: msg.ny, part: msg.part, ...result, millis: performance.now() - t0 };
    self.postMessage(reply);
  } catch (err) {
    self.postMessage({ type: "error", message: `contours: ${(err as Error).message}` } satisfies FromWorker);
  }
});

self.onmessage = (e: MessageEvent<ToContourWorker>) => handle(e.data);
