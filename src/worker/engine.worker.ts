/// <reference lib="webworker" />
/**
 * The engine worker: owns the race, advances it in lockstep on a timer, streams new
 * points to the page in batches at display rate, and computes contour grids.
 * See protocol.ts for the message flow.
 */
import { Race } from "../core/engine/race";
import { createSchedule } from "../core/schedules";
import { optimizerParams } from "../core/engine/run";
import type { Experiment } from "../core/experiment/types";
import { MAX_BROWSER_STEPS, type FromWorker, type RunBatch, type RunPlan, type ToWorker } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

const FRAME_MS = 16;
const BUDGET_MS = 10;

let race: Race | null = null;
let experiment: Experiment | null = null;
let generation = 0;
let sent: number[] = [];
let playing = false;
let speed = Infinity;
let carry = 0;
let lastTick = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(msg, transfer);
}

function traceCap(steps: number): number {
  const n = Math.min(steps, MAX_BROWSER_STEPS) + 2;
  return n % 2 === 0 ? n : n + 1;
}

function plan(exp: Experiment): RunPlan[] {
  return exp.runs.map((spec) => {
    const lr = optimizerParams(spec.optimizer).lr as number;
    const schedule = createSchedule(spec.schedule ?? { name: "constant" }, lr);
    if (schedule.adaptive) return { id: spec.id, lr: null };
    const out = new Float64Array(exp.steps);
    for (let t = 0; t < exp.steps; t++) out[t] = schedule.lr(t);
    return { id: spec.id, lr: out };
  });
}

/** Sends every point not yet sent (re-sending the latest one, whose step info may have arrived since). */
function flush(): void {
  if (!race) return;
  const runs: RunBatch[] = [];
  const transfer: Transferable[] = [];
  race.runs.forEach((run, r) => {
    const tr = run.trace;
    const from = Math.max(0, sent[r] - 1);
    const n = tr.count - from;
    const xy = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = tr.x[from + i];
      xy[2 * i + 1] = tr.y[from + i];
    }
    const batch: RunBatch = {
      id: run.id,
      from,
      xy,
      loss: tr.loss.slice(from, tr.count),
      lr: tr.lr.slice(from, tr.count),
      gradNorm: tr.gradNorm.slice(from, tr.count),
      status: run.currentStatus(race!.totalSteps),
      metrics: run.metrics(race!.totalSteps),
    };
    transfer.push(batch.xy.buffer, batch.loss.buffer, batch.lr.buffer, batch.gradNorm.buffer);
    runs.push(batch);
    sent[r] = tr.count;
  });
  post({ type: "batch", generation, step: race.step, playing, done: race.done, runs }, transfer);
}

function load(exp: Experiment, keepStep: boolean, gen: number): void {
  const target = keepStep && race ? race.step : 0;
  generation = gen;
  experiment = exp;
  race = new Race(exp, { traceCap: traceCap(exp.steps) });
  race.advance(Math.min(target, exp.steps));
  sent = race.runs.map(() => 0);
  post({ type: "reset", generation, steps: exp.steps, runIds: exp.runs.map((r) => r.id), plan: plan(exp) });
  flush();
  if (race.done) playing = false;
}

function tick(): void {
  timer = null;
  if (!playing || !race) return;
  const now = performance.now();
  if (speed === Infinity) {
    const start = now;
    while (!race.done && performance.now() - start < BUDGET_MS) race.advance(Math.max(1, Math.ceil(20_000 / Math.max(1, race.runs.length))));
  } else {
    carry += ((now - lastTick) * speed) / 1000;
    const n = Math.floor(carry);
    carry -= n;
    if (n > 0) race.advance(n);
  }
  lastTick = now;
  if (race.done) playing = false;
  flush();
  if (playing) schedule();
}

function schedule(): void {
  if (timer === null) timer = setTimeout(tick, speed === Infinity ? 0 : FRAME_MS);
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case "load":
      load(msg.experiment, msg.keepStep, msg.generation);
      if (playing) schedule();
      break;
    case "play":
      speed = msg.speed;
      if (!race || race.done) break;
      playing = true;
      lastTick = performance.now();
      carry = speed === Infinity ? 0 : 1; // the first step shows at once
      schedule();
      break;
    case "pause":
      playing = false;
      flush();
      break;
    case "speed":
      speed = msg.speed;
      break;
    case "step":
      if (!race) break;
      playing = false;
      race.advance(msg.count);
      flush();
      break;
    case "runToEnd":
      if (!race) break;
      playing = false;
      race.finish();
      flush();
      break;
    case "reset":
      playing = false;
      if (experiment) load(experiment, false, generation);
      break;
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    handle(e.data);
  } catch (err) {
    post({ type: "error", generation, message: (err as Error).message });
  }
};
