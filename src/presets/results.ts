import type { RaceOutput } from "../core/engine/output";
import type { RaceResults } from "./claims";

/** The headless runner's output (with its per-step arrays) as claim results. */
export function resultsOfOutput(out: RaceOutput): RaceResults {
  return Object.fromEntries(
    out.runs.map((r) => {
      if (!r.points || !r.lr) throw new Error(`run ${r.id}: the race was run with summary: true; claims need the path`);
      return [r.id, { metrics: r.metrics, xy: r.points.flat(), count: r.points.length, lr: r.lr.map(Number) }];
    }),
  );
}
