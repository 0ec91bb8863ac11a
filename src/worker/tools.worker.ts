/// <reference lib="webworker" />
/** A tool worker: computes slices of sweep and basin grids (see toolPool.ts). */
import "../core/surfaces/typedSurfaces";
import { computeSlice } from "./toolSlice";
import type { SliceRequest } from "./toolProtocol";

self.onmessage = (e: MessageEvent<SliceRequest>) => {
  const reply = computeSlice(e.data);
  if ("cells" in reply) (self as DedicatedWorkerGlobalScope).postMessage(reply, [reply.cells.buffer]);
  else self.postMessage(reply);
};
