/**
 * Per-run record of the race: point, loss, the lr and gradient norm of the step taken
 * from that point. Memory stays bounded: every point is kept up to `cap` records, then
 * every other record is dropped and the stride doubles (kept records always sit at
 * multiples of the stride); the latest point is always available separately.
 * Arrays grow by doubling, so a short run does not reserve the whole cap.
 * With `records` false nothing is kept but the latest point (a summary needs no path).
 */
export class Trace {
  count = 0;
  stride = 1;
  step = new Float64Array(0);
  x = new Float64Array(0);
  y = new Float64Array(0);
  loss = new Float64Array(0);
  /** lr used by the step that starts at this point (NaN for a point no step has left yet). */
  lr = new Float64Array(0);
  /** |∇f| evaluated for the step that starts at this point (NaN likewise). */
  gradNorm = new Float64Array(0);
  /** Latest point, kept even when thinning skipped it. */
  last = { step: 0, x: 0, y: 0, loss: 0, lr: NaN, gradNorm: NaN };

  /** `expected`: how many points the run will make, so a known-length run allocates once. */
  constructor(
    readonly cap = 1 << 19,
    expected = 0,
    readonly records = true,
  ) {
    if (cap < 2 || cap % 2 !== 0) throw new Error("Trace cap must be an even number ≥ 2");
    if (records && expected > 0) this.grow(Math.min(cap, expected));
  }

  /** Records a point reached after `step` steps. */
  push(step: number, x: number, y: number, loss: number): void {
    const l = this.last;
    l.step = step; l.x = x; l.y = y; l.loss = loss; l.lr = NaN; l.gradNorm = NaN;
    if (!this.records || step % this.stride !== 0) return;
    if (this.count === this.cap) this.thin();
    if (this.count === this.x.length) this.grow();
    const i = this.count++;
    this.step[i] = step; this.x[i] = x; this.y[i] = y; this.loss[i] = loss;
    this.lr[i] = NaN; this.gradNorm[i] = NaN;
  }

  /** Annotates the latest point with the step taken from it. */
  annotate(lr: number, gradNorm: number): void {
    this.last.lr = lr;
    this.last.gradNorm = gradNorm;
    const i = this.count - 1;
    if (i >= 0 && this.step[i] === this.last.step) {
      this.lr[i] = lr;
      this.gradNorm[i] = gradNorm;
    }
  }

  /** Number of records including the latest point when thinning skipped it. */
  get length(): number {
    return this.count > 0 && this.step[this.count - 1] === this.last.step ? this.count : this.count + 1;
  }

  private grow(size = 0): void {
    const n = Math.min(this.cap, Math.max(64, size, this.x.length * 2));
    for (const k of ["step", "x", "y", "loss", "lr", "gradNorm"] as const) {
      const a = new Float64Array(n);
      a.set(this[k].subarray(0, this.count));
      this[k] = a;
    }
  }

  private thin(): void {
    const keep = this.count >> 1;
    for (const k of ["step", "x", "y", "loss", "lr", "gradNorm"] as const) {
      const a = this[k];
      for (let i = 0; i < keep; i++) a[i] = a[2 * i];
    }
    this.count = keep;
    this.stride *= 2;
  }

  /** Copies out every record (with the latest point last) as plain arrays. */
  toArrays(): { step: number[]; points: [number, number][]; loss: number[]; lr: number[]; gradNorm: number[] } {
    const n = this.count;
    const out = { step: [] as number[], points: [] as [number, number][], loss: [] as number[], lr: [] as number[], gradNorm: [] as number[] };
    for (let i = 0; i < n; i++) {
      out.step.push(this.step[i]);
      out.points.push([this.x[i], this.y[i]]);
      out.loss.push(this.loss[i]);
      out.lr.push(this.lr[i]);
      out.gradNorm.push(this.gradNorm[i]);
    }
    if (this.length > n) {
      const l = this.last;
      out.step.push(l.step); out.points.push([l.x, l.y]); out.loss.push(l.loss); out.lr.push(l.lr); out.gradNorm.push(l.gradNorm);
    }
    return out;
  }
}
