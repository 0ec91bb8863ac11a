/// <reference lib="webworker" />
/** A tool worker: computes slices of sweep and basin grids (see toolPool.ts). */
import { isFormula } from "../core/surfaces";
import { gateFormulas } from "./formulaGate";
import { computeSlice } from "./toolSlice";
import type { SliceRequest } from "./toolProtocol";

const handle = gateFormulas<SliceRequest>((req) => isFormula(req.job.ctx.surface), (req) => {
  const reply = computeSlice(req);
  if ("cells" in reply) (self as DedicatedWorkerGlobalScope).postMessage(reply, [reply.cells.buffer]);
  else self.postMessage(reply);
});

self.onmessage = (e: MessageEvent<SliceRequest>) => handle(e.data);
