/**
 * The engine worker's logic, as a plain class with no worker globals so Node tests can
 * drive it: it owns the race, advances it in lockstep (on demand or on a timer), and
 * posts new points to the page in batches. The clock and the timer are passed in, so a
 * test decides when time passes. engine.worker.ts only wires messages to it.
 */
import { Race } from "../core/engine/race";
import { resolveRun } from "../core/engine/resolveRun";
import { inspectRun, inspectSeries } from "../core/engine/inspect";
import type { Experiment } from "../core/experiment/types";
import { MAX_BROWSER_STEPS, type FromWorker, type RunBatch, type RunPlan, type Speed, type ToWorker } from "./protocol";

export interface SessionHost {
  /** Sends a message to the page, transferring the listed buffers. */
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Frame interval of a timed race (about 60 Hz). */
export const FRAME_MS = 16;
/** Wall-clock time one tick at "Max" speed may compute before it posts and yields. */
export const BUDGET_MS = 10;
/** Steps computed between clock reads at "Max" speed, shared by the runs. */
const MAX_SPEED_CHUNK = 20_000;

/** Trace records kept per run: every point of the horizon (the browser never thins). */
export function traceCap(steps: number): number {
  const n = Math.min(steps, MAX_BROWSER_STEPS) + 2;
  return n % 2 === 0 ? n : n + 1;
}

/** Each run's planned lr over the horizon (null for a schedule that follows the losses). */
export function lrPlan(exp: Experiment): RunPlan[] {
  return exp.runs.map((spec) => {
    // The schedule the engine runs, from the one place a run's defaults are filled in.
    const schedule = resolveRun(spec, exp).schedule.create();
    if (schedule.adaptive) return { id: spec.id, lr: null };
    const out = new Float64Array(exp.steps);
    for (let t = 0; t < exp.steps; t++) out[t] = schedule.lr(t);
    return { id: spec.id, lr: out };
  });
}

/** A speed that is not a positive number would leave a race "playing" without ever moving. */
function checkSpeed(speed: Speed): Speed {
  if (!(speed > 0)) throw new Error(`speed: ${speed} must be a number of steps per second > 0 (or Infinity for as fast as possible)`);
  return speed;
}

export class EngineSession {
  private race: Race | null = null;
  private experiment: Experiment | null = null;
  private generation = 0;
  /** Points of each run already posted to the page. */
  private sent: number[] = [];
  /**
   * The furthest step the user has taken this race to (by Step, Play or Run to end),
   * remembered across horizon changes: a horizon typed key by key (5000 → 6 → 60 → 600 →
   * 6000) passes through short races, and must not lose the steps that fit again.
   */
  private reached = 0;
  private playing = false;
  private speed: Speed = Infinity;
  /** Fractional steps owed by a timed race (speed × elapsed time not yet taken). */
  private carry = 0;
  private lastTick = 0;
  private timer: unknown = null;

  constructor(private readonly host: SessionHost) {}

  /** Handles one message from the page; a failure is reported to the page, never thrown. */
  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      this.host.post({ type: "error", generation: this.generation, message: (err as Error).message }, []);
      // A failure stops the race, and the page hears so from a batch (playing: false).
      if (this.playing) {
        this.stop();
        this.flush();
      }
    }
  }

  /** The step the race is at (for tests). */
  get step(): number {
    return this.race?.step ?? 0;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case "load":
        this.load(msg.experiment, msg.keepStep, msg.generation);
        if (this.playing) this.schedule();
        return;
      case "play":
        this.speed = checkSpeed(msg.speed);
        if (!this.race || this.race.done) return;
        this.playing = true;
        this.lastTick = this.host.now();
        this.carry = this.speed === Infinity ? 0 : 1; // the first step shows at once
        this.schedule();
        return;
      case "pause":
        this.stop();
        this.pauseAt(msg.atStep);
        return;
      case "speed":
        this.speed = checkSpeed(msg.speed);
        return;
      case "step":
        if (!(Number.isInteger(msg.count) && msg.count >= 1)) throw new Error(`step count: ${msg.count} must be an integer ≥ 1`);
        if (!this.race) return;
        this.stop();
        this.advance(msg.count);
        this.flush();
        return;
      case "runToEnd":
        if (!this.race) return;
        this.stop();
        this.advance(this.race.totalSteps - this.race.step);
        this.flush();
        return;
      case "reset":
        this.stop();
        if (this.experiment) this.load(this.experiment, false, this.generation);
        return;
      case "inspect":
        this.inspect(msg);
        return;
    }
  }

  /**
   * Replays one run of the current race for the step inspector (a replay, not the race's own
   * state: the race may be ahead of the step shown). Answers every request, with a problem
   * instead of numbers when it cannot, so the page never waits for a reply that is not coming.
   */
  private inspect(msg: Extract<ToWorker, { type: "inspect" }>): void {
    const { requestId } = msg;
    const generation = this.generation;
    const exp = this.experiment;
    const reply = (inspection: FromWorker & { type: "inspect" }) => this.host.post(inspection, []);
    try {
      if (!exp) throw new Error("no race is loaded yet");
      const clamp = (k: number) => Math.min(Math.max(0, Math.floor(k)), exp.steps);
      const inspection = inspectRun(exp, msg.runId, clamp(msg.step));
      const series = msg.seriesUpTo === null ? null : inspectSeries(exp, msg.runId, clamp(msg.seriesUpTo));
      reply({ type: "inspect", requestId, generation, inspection, series });
    } catch (err) {
      reply({ type: "inspect", requestId, generation, inspection: null, series: null, problem: (err as Error).message });
    }
  }

  /**
   * Builds the race for `exp` and replays it to the step the user had reached (kept within
   * the new horizon), or to 0. The race is deterministic, so replaying gives the same
   * points as before wherever the settings did not change.
   */
  private load(exp: Experiment, keepStep: boolean, generation: number): void {
    if (!keepStep) this.reached = 0;
    this.generation = generation;
    this.experiment = exp;
    this.race = null;
    const race = new Race(exp, { traceCap: traceCap(exp.steps) });
    this.race = race;
    race.advance(Math.min(this.reached, exp.steps));
    this.sent = race.runs.map(() => 0);
    this.host.post({ type: "reset", generation, steps: exp.steps, runIds: exp.runs.map((r) => r.id), plan: lrPlan(exp) }, []);
    if (race.done) this.playing = false;
    this.flush();
  }

  /**
   * Pause lands on the step the page showed when the user pressed it: steps the timer took
   * while the message was on its way (one or two at 100 steps/s on a busy machine) are
   * taken back by replaying to that step, as a horizon change does.
   */
  private pauseAt(atStep: number | undefined): void {
    const race = this.race;
    if (race && this.experiment && Number.isInteger(atStep) && atStep! >= 0 && atStep! < race.step) {
      this.reached = atStep!;
      this.load(this.experiment, true, this.generation);
    } else this.flush();
  }

  private advance(n: number): void {
    const race = this.race!;
    race.advance(n);
    // The race only moves forward from where a load left it, so its step is never below
    // `reached` unless the horizon cut it short; then `reached` keeps the longer memory.
    this.reached = Math.max(this.reached, race.step);
  }

  private stop(): void {
    this.playing = false;
    if (this.timer !== null) this.host.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer === null) this.timer = this.host.setTimer(() => this.tick(), this.speed === Infinity ? 0 : FRAME_MS);
  }

  private tick(): void {
    this.timer = null;
    const race = this.race;
    if (!this.playing || !race) return;
    const now = this.host.now();
    if (this.speed === Infinity) {
      const chunk = Math.max(1, Math.ceil(MAX_SPEED_CHUNK / Math.max(1, race.runs.length)));
      while (!race.done && this.host.now() - now < BUDGET_MS) this.advance(chunk);
    } else {
      this.carry += ((now - this.lastTick) * this.speed) / 1000;
      const n = Math.floor(this.carry);
      this.carry -= n;
      if (n > 0) this.advance(n);
    }
    this.lastTick = now;
    if (race.done) this.playing = false;
    this.flush();
    if (this.playing) this.schedule();
  }

  /** Posts every point not yet sent, re-sending the latest one (its step's lr and |∇f| may have arrived since). */
  private flush(): void {
    const race = this.race;
    if (!race) return;
    const runs: RunBatch[] = [];
    const transfer: ArrayBuffer[] = [];
    race.runs.forEach((run, r) => {
      const tr = run.trace;
      const from = Math.max(0, this.sent[r] - 1);
      const n = tr.count - from;
      const xy = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        xy[2 * i] = tr.x[from + i];
        xy[2 * i + 1] = tr.y[from + i];
      }
      const metrics = run.metrics(race.totalSteps);
      const batch: RunBatch = {
        id: run.id,
        from,
        xy,
        loss: tr.loss.slice(from, tr.count),
        lr: tr.lr.slice(from, tr.count),
        gradNorm: tr.gradNorm.slice(from, tr.count),
        status: metrics.status,
        metrics,
      };
      // slice() and new arrays own fresh ArrayBuffers (never shared), so all four can be transferred.
      for (const a of [xy, batch.loss, batch.lr, batch.gradNorm]) transfer.push(a.buffer as ArrayBuffer);
      runs.push(batch);
      this.sent[r] = tr.count;
    });
    this.host.post({ type: "batch", generation: this.generation, step: race.step, playing: this.playing, done: race.done, runs }, transfer);
  }
}

