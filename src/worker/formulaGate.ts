import { formulaSupport } from "../core/surfaces/formulaSupport";

/**
 * A worker's message handler that loads the formula compiler (mathjs, see
 * src/core/surfaces/formulaSupport.ts) only when a message first needs it: a worker racing
 * built-in surfaces never parses mathjs. Messages keep their order: while it loads, later
 * ones wait behind the one that asked. If it cannot load, they are handled anyway and a
 * typed surface is refused as "still loading" instead of the worker hanging.
 */
export function gateFormulas<M>(needsFormulas: (msg: M) => boolean, handle: (msg: M) => void): (msg: M) => void {
  let waiting: M[] | null = null;
  const flush = () => {
    const queued = waiting ?? [];
    waiting = null;
    for (const msg of queued) handle(msg);
  };
  return (msg) => {
    if (waiting) waiting.push(msg);
    else if (formulaSupport() || !needsFormulas(msg)) handle(msg);
    else {
      waiting = [msg];
      import("../core/surfaces/typedSurfaces").then(flush, flush);
    }
  };
}
