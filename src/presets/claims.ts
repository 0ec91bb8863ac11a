/**
 * Checks a preset's claims against a finished race. Pure: the unit test feeds it the
 * engine's output in Node, the browser test the page's trajectories, so both hold the
 * captions to the same rules.
 */
import type { RunMetrics } from "../core/engine/run";
import type { Experiment } from "../core/experiment/types";
import { getSurface } from "../core/surfaces";
import type { Claim, ClaimMetric, Preset } from "./types";

/** A run as it ended: its metrics, its recorded path and the lr of each step taken. */
export interface RunResult {
  metrics: RunMetrics;
  /** Interleaved x, y of the recorded points, the start first. */
  xy: ArrayLike<number>;
  /** Points recorded. */
  count: number;
  /** lr[t]: the lr used by step t. */
  lr: ArrayLike<number>;
}

export type RaceResults = Readonly<Record<string, RunResult>>;

/**
 * Numbers in a caption as written: a leading minus (U+2212 or "-") counts only where it
 * cannot be an operator, digits glued to a letter ("L2") are part of a name, and the seeds'
 * and exercises' numbers name a source.
 */
export function captionNumbers(caption: string): string[] {
  // Names of sources, not quantities: "seed 003", "seeds 001 and 003", "exercise 4".
  const text = caption.replace(/\b(?:seeds?|exercise)\s+\d+(?:\s+and\s+\d+)?/giu, "");
  const re = /(?:(?<=^|[\s(\[,;:=≈])[−-])?(?<![\p{L}\d.])\d+(?:\.\d+)?/gu;
  return [...text.matchAll(re)].map((m) => m[0].replace("-", "−"));
}

/** Whether `value` is `shown` rounded to the decimals `shown` has. */
export function roundsTo(value: number, shown: string): boolean {
  const n = Number(shown.replace("−", "-"));
  const decimals = shown.split(".")[1]?.length ?? 0;
  return Math.abs(value - n) <= 0.5 * 10 ** -decimals + 1e-12 * Math.abs(value);
}

/** The setting at a dotted path; after "runs" comes a run's id, not an index. */
function settingAt(e: Experiment, path: string): unknown {
  const parts = path.split(".");
  let at: unknown = e;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i];
    if (at === null || typeof at !== "object") return undefined;
    if (i > 0 && parts[i - 1] === "runs") at = (at as { id: string }[]).find((r) => r.id === key);
    else at = Object.hasOwn(at, key) ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at;
}

function metricOf(r: RunResult, metric: ClaimMetric, e: Experiment): number | null {
  const m = r.metrics;
  switch (metric) {
    case "x":
      return m.finalPoint[0];
    case "y":
      return m.finalPoint[1];
    case "finalLoss":
      return m.finalLoss;
    case "distance":
      return m.distance;
    case "stepsToTolerance":
      return m.stepsToTolerance;
    case "pathLength":
      return m.pathLength;
    case "steps":
      return m.steps;
    case "ySignChanges": {
      let n = 0;
      for (let i = 1; i < r.count; i++) if (Math.sign(r.xy[2 * i + 1]) !== Math.sign(r.xy[2 * i - 1])) n++;
      return n;
    }
    case "leavesView": {
      const view = e.view ?? getSurface(e.surface)?.domain;
      if (!view) return null;
      for (let i = 0; i < r.count; i++) {
        const x = r.xy[2 * i];
        const y = r.xy[2 * i + 1];
        if (x < view.x[0] || x > view.x[1] || y < view.y[0] || y > view.y[1]) return i;
      }
      return null;
    }
    case "drift": {
      const last = r.count - 1;
      const from = Math.floor(0.9 * last);
      return Math.hypot(r.xy[2 * last] - r.xy[2 * from], r.xy[2 * last + 1] - r.xy[2 * from + 1]);
    }
  }
}

const describe = (c: Claim) => JSON.stringify(c);

/** Null when the claim holds, else what the race shows instead. */
export function checkClaim(c: Claim, e: Experiment, results: RaceResults): string | null {
  if (c.kind === "setting") {
    const v = settingAt(e, c.path);
    return typeof v === "number" && roundsTo(v, c.shown) ? null : `${describe(c)}: the experiment has ${JSON.stringify(v)}`;
  }
  if (c.kind === "minimum" || c.kind === "notMinimum") {
    const crit = getSurface(e.surface)?.critical ?? [];
    const kinds = c.kind === "notMinimum" ? ["global", "local"] : [c.of ?? "global", ...(c.of ? [] : ["local"])];
    const hit = crit.some((p) => kinds.includes(p.kind) && roundsTo(p.point[c.coord], c.shown));
    return hit === (c.kind === "minimum") ? null : `${describe(c)}: the surface's critical points are ${JSON.stringify(crit.map((p) => [p.kind, p.point]))}`;
  }
  const run = results[c.run];
  if (!run) return `${describe(c)}: no run "${c.run}" in the results`;
  const m = run.metrics;
  switch (c.kind) {
    case "metric": {
      const v = metricOf(run, c.metric, e);
      const ok = v !== null && (c.shown === undefined || roundsTo(v, c.shown)) && (c.below === undefined || v < c.below) && (c.above === undefined || v > c.above);
      return ok ? null : `${describe(c)}: the race gives ${v}`;
    }
    case "status":
      return m.status === c.is ? null : `${describe(c)}: the run is ${m.status}`;
    case "nearest":
      return m.nearestMinimum?.kind === c.is ? null : `${describe(c)}: the run ends nearest a ${m.nearestMinimum?.kind ?? "no"} minimum`;
    case "never":
      return m.stepsToTolerance === null ? null : `${describe(c)}: the run reaches the tolerance at step ${m.stepsToTolerance}`;
    case "sooner": {
      const other = results[c.than];
      if (!other) return `${describe(c)}: no run "${c.than}" in the results`;
      const a = m.stepsToTolerance;
      const b = other.metrics.stepsToTolerance;
      return a !== null && (b === null || a < b) ? null : `${describe(c)}: steps to tolerance ${a} vs ${b}`;
    }
    case "pointAt": {
      const v = c.step < run.count ? run.xy[2 * c.step + c.coord] : undefined;
      return v !== undefined && roundsTo(v, c.shown) ? null : `${describe(c)}: the run's point after ${c.step} steps has ${"xy"[c.coord]} = ${v}`;
    }
    case "lr": {
      const v = c.step < run.lr.length ? run.lr[c.step] : undefined;
      return v !== undefined && roundsTo(v, c.shown) ? null : `${describe(c)}: the run's lr at step ${c.step} is ${v}`;
    }
  }
}

/**
 * Every failed claim of a preset, and every caption number no claim accounts for. A claim
 * accounts for its `shown` number, and an lr claim for its step number too ("0.0005 at
 * step 50"); claims may check more than the caption writes.
 */
export function checkPreset(p: Preset, results: RaceResults): string[] {
  const problems = p.claims.map((c) => checkClaim(c, p.experiment, results)).filter((s): s is string => s !== null);
  const accounted = new Set(p.claims.flatMap((c) => [...("shown" in c && c.shown !== undefined ? [c.shown] : []), ...(c.kind === "lr" ? [String(c.step)] : [])]));
  for (const n of captionNumbers(p.caption)) if (!accounted.has(n)) problems.push(`the caption writes ${n}, and no claim checks it`);
  return problems;
}
