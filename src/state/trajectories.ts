/**
 * Trajectories live outside React: the worker's batches are appended here and the canvas
 * layers and panels read them directly ("transient updates" in zustand's terms), so
 * per-frame data never goes through a React render.
 */
import type { RunMetrics, RunStatus } from "../core/engine/run";
import type { FromWorker, RunBatch } from "../worker/protocol";

export class RunTrajectory {
  count = 0;
  xy = new Float64Array(256);
  loss = new Float64Array(128);
  lr = new Float64Array(128);
  gradNorm = new Float64Array(128);
  status: RunStatus = "running";
  metrics: RunMetrics | null = null;
  /** Planned lr over the horizon (null: depends on the losses). */
  plan: Float64Array | null = null;

  constructor(readonly id: string) {}

  append(b: RunBatch): void {
    const n = b.loss.length;
    const end = b.from + n;
    if (end > this.loss.length) this.grow(end);
    this.xy.set(b.xy, 2 * b.from);
    this.loss.set(b.loss, b.from);
    this.lr.set(b.lr, b.from);
    this.gradNorm.set(b.gradNorm, b.from);
    this.count = Math.max(this.count, end);
    this.status = b.status;
    this.metrics = b.metrics;
  }

  private grow(min: number): void {
    let cap = this.loss.length;
    while (cap < min) cap *= 2;
    const copy = (a: Float64Array, n: number) => {
      const out = new Float64Array(n);
      out.set(a);
      return out;
    };
    this.xy = copy(this.xy, 2 * cap);
    this.loss = copy(this.loss, cap);
    this.lr = copy(this.lr, cap);
    this.gradNorm = copy(this.gradNorm, cap);
  }
}

type Listener = () => void;

/** All runs' trajectories for the current generation of the race. */
export class TrajectoryStore {
  generation = -1;
  /** Steps taken so far by the race (lockstep). */
  step = 0;
  steps = 0;
  playing = false;
  done = false;
  runs = new Map<string, RunTrajectory>();
  private listeners = new Set<Listener>();

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(): void {
    this.listeners.forEach((l) => l());
  }

  /** Applies a worker message; returns true when it changed the trajectories. */
  receive(msg: FromWorker, currentGeneration: number): boolean {
    if (msg.type === "reset") {
      if (msg.generation !== currentGeneration) return false;
      this.generation = msg.generation;
      this.steps = msg.steps;
      this.step = 0;
      this.done = false;
      this.runs = new Map(msg.runIds.map((id) => [id, new RunTrajectory(id)]));
      for (const p of msg.plan) {
        const run = this.runs.get(p.id);
        if (run) run.plan = p.lr;
      }
      this.emit();
      return true;
    }
    if (msg.type === "batch") {
      if (msg.generation !== this.generation) return false;
      for (const b of msg.runs) this.runs.get(b.id)?.append(b);
      this.step = msg.step;
      this.playing = msg.playing;
      this.done = msg.done;
      this.emit();
      return true;
    }
    return false;
  }
}

export const trajectories = new TrajectoryStore();
