/**
 * Per-run record of the race: point, loss, the lr and gradient norm of the step taken
 * from that point. Memory stays bounded: every point is kept up to `cap` records, then
 * every other record is dropped and the stride doubles (kept records always sit at
 * multiples of the stride, so record i is the point after i·stride steps: see stepAt); the
 * latest point is always available separately.
 * Arrays grow by doubling, so a short run does not reserve the whole cap.
 * With `records` false nothing is kept but the latest point (a summary needs no path).
 */
export class Trace {
  count = 0;
  stride = 1;
  x = new Float64Array(0);
  y = new Float64Array(0);
  loss = new Float64Array(0);
  /** lr used by the step that starts at this point (NaN for a point no step has left yet). */
  lr = new Float64Array(0);
  /** |∇f| evaluated for the step that starts at this point (NaN likewise). */
  gradNorm = new Float64Array(0);
  /**
   * The latest point when no record holds it (thinning skipped it, or `records` is off):
   * written only then, so the common step writes each value once, into the arrays.
   */
  private tail = { step: 0, x: 0, y: 0, loss: 0, lr: NaN, gradNorm: NaN };
  /** Whether the latest point is the last record (else it is `tail`). */
  private tailKept = false;
  /** The next step a record is kept for (Infinity without records): steps arrive one by one. */
  private nextKept = 0;

  /** `expected`: how many points the run will make, so a known-length run allocates once. */
  constructor(
    readonly cap = 1 << 19,
    expected = 0,
    readonly records = true,
  ) {
    if (cap < 2 || cap % 2 !== 0) throw new Error("Trace cap must be an even number ≥ 2");
    if (!records) this.nextKept = Infinity;
    else if (expected > 0) this.grow(Math.min(cap, expected));
  }

  /** The latest point with the step taken from it (lr and |∇f| NaN until one is). */
  get last(): { step: number; x: number; y: number; loss: number; lr: number; gradNorm: number } {
    if (!this.tailKept) return { ...this.tail };
    const i = this.count - 1;
    return { step: this.stepAt(i), x: this.x[i], y: this.y[i], loss: this.loss[i], lr: this.lr[i], gradNorm: this.gradNorm[i] };
  }

  /** Records a point reached after `step` steps (one more than the previous point's). */
  push(step: number, x: number, y: number, loss: number): void {
    if (step !== this.nextKept) {
      const l = this.tail;
      l.step = step; l.x = x; l.y = y; l.loss = loss; l.lr = NaN; l.gradNorm = NaN;
      this.tailKept = false;
      return;
    }
    if (this.count === this.cap) this.thin();
    if (this.count === this.x.length) this.grow();
    const i = this.count++;
    // lr and |∇f| are already NaN there: slots past `count` always are (see grow, thin).
    this.x[i] = x; this.y[i] = y; this.loss[i] = loss;
    this.tailKept = true;
    this.nextKept = step + this.stride;
  }

  /** Annotates the latest point with the step taken from it. */
  annotate(lr: number, gradNorm: number): void {
    if (this.tailKept) {
      const i = this.count - 1;
      this.lr[i] = lr;
      this.gradNorm[i] = gradNorm;
    } else {
      this.tail.lr = lr;
      this.tail.gradNorm = gradNorm;
    }
  }

  /** The step record i was taken at. */
  stepAt(i: number): number {
    return i * this.stride;
  }

  /** Number of records including the latest point when thinning skipped it. */
  get length(): number {
    return this.tailKept ? this.count : this.count + 1;
  }

  private grow(size = 0): void {
    const n = Math.min(this.cap, Math.max(64, size, this.x.length * 2));
    for (const k of ["x", "y", "loss", "lr", "gradNorm"] as const) {
      const a = new Float64Array(n);
      if (k === "lr" || k === "gradNorm") a.fill(NaN);
      a.set(this[k].subarray(0, this.count));
      this[k] = a;
    }
  }

  private thin(): void {
    const keep = this.count >> 1;
    for (const k of ["x", "y", "loss", "lr", "gradNorm"] as const) {
      const a = this[k];
      for (let i = 0; i < keep; i++) a[i] = a[2 * i];
    }
    this.lr.fill(NaN, keep, this.count);
    this.gradNorm.fill(NaN, keep, this.count);
    this.count = keep;
    this.stride *= 2;
  }

  /** Copies out every record (with the latest point last) as plain arrays. */
  toArrays(): { step: number[]; points: [number, number][]; loss: number[]; lr: number[]; gradNorm: number[] } {
    const n = this.count;
    const out = { step: [] as number[], points: [] as [number, number][], loss: [] as number[], lr: [] as number[], gradNorm: [] as number[] };
    for (let i = 0; i < n; i++) {
      out.step.push(this.stepAt(i));
      out.points.push([this.x[i], this.y[i]]);
      out.loss.push(this.loss[i]);
      out.lr.push(this.lr[i]);
      out.gradNorm.push(this.gradNorm[i]);
    }
    if (!this.tailKept) {
      const l = this.tail;
      out.step.push(l.step); out.points.push([l.x, l.y]); out.loss.push(l.loss); out.lr.push(l.lr); out.gradNorm.push(l.gradNorm);
    }
    return out;
  }
}
