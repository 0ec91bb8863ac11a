import type { Race } from "../core/engine/race";
import type { Run } from "../core/engine/run";

type Write = (chunk: string) => void;

const CHUNK = 4096;

/** Streams a numeric column as a JSON array without building a JS array of it. */
function writeColumn(write: Write, n: number, at: (i: number) => string): void {
  let buf = "[";
  for (let i = 0; i < n; i++) {
    buf += (i ? "," : "") + at(i);
    if (buf.length > CHUNK) {
      write(buf);
      buf = "";
    }
  }
  write(`${buf}]`);
}

/**
 * JSON has no ∞ or NaN, and `null` would hide which it was: a non-finite value (only ever
 * the lr or |∇f| of the step that blew up) is written as the string "Infinity",
 * "-Infinity" or "NaN", which Number() and float() read back.
 */
const num = (v: number) => (Number.isFinite(v) ? String(v) : `"${v}"`);
const nonFiniteAsString = (_key: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v);

function writeRun(write: Write, run: Run, totalSteps: number, summary: boolean): void {
  const metrics = run.metrics(totalSteps);
  write(`{"id":${JSON.stringify(run.id)},"status":${JSON.stringify(metrics.status)}`);
  if (!summary) {
    const tr = run.trace;
    const n = tr.count;
    const withLast = tr.length > n;
    const total = n + (withLast ? 1 : 0);
    const l = tr.last;
    const pick = (arr: Float64Array, last: number) => (i: number) => num(i < n ? arr[i] : last);
    const attempted = run.stepRecords();
    write(`,"points":`);
    writeColumn(write, total, (i) => `[${num(i < n ? tr.x[i] : l.x)},${num(i < n ? tr.y[i] : l.y)}]`);
    write(`,"loss":`);
    writeColumn(write, total, pick(tr.loss, l.loss));
    write(`,"lr":`);
    writeColumn(write, attempted, pick(tr.lr, l.lr));
    write(`,"gradNorm":`);
    writeColumn(write, attempted, pick(tr.gradNorm, l.gradNorm));
    if (tr.stride > 1) {
      write(`,"step":`);
      writeColumn(write, total, (i) => String(i < n ? tr.stepAt(i) : l.step));
    }
  }
  write(`,"metrics":${JSON.stringify(metrics, nonFiniteAsString)}}`);
}

/**
 * Writes a finished race in the runner's JSON shape (the same as engine/output.ts's
 * runExperiment, which tests use), streaming so a 10-million-step race stays small.
 */
export function writeRaceJson(write: Write, race: Race, summary: boolean): void {
  write(`{"surface":${JSON.stringify(race.experiment.surface)},"steps":${race.totalSteps},"runs":[`);
  race.runs.forEach((run, i) => {
    if (i) write(",");
    writeRun(write, run, race.totalSteps, summary);
  });
  write("]}\n");
}
