/**
 * A series indexed by step, summarised per pixel column: the first, lowest, highest and
 * last value falling in each column. Drawing first → min → max → last at the column's x
 * looks the same as drawing every point (all of them land on that one column), so a
 * million-step run costs the width of the canvas per frame, not a million segments.
 * Values are folded in incrementally: each frame only reads what arrived since.
 */
export class ColumnSummary {
  readonly first: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly last: Float64Array;
  /** Index of the next value to fold in. */
  next = 0;

  constructor(
    readonly width: number,
    /** Steps spanned by the x axis (index `steps` lands on the last column). */
    readonly steps: number,
  ) {
    this.first = new Float64Array(width).fill(NaN);
    this.min = new Float64Array(width).fill(Infinity);
    this.max = new Float64Array(width).fill(-Infinity);
    this.last = new Float64Array(width).fill(NaN);
  }

  column(index: number): number {
    const c = Math.floor((index * this.width) / Math.max(1, this.steps));
    return c < 0 ? 0 : c >= this.width ? this.width - 1 : c;
  }

  /**
   * Folds in values[next, count) minus `offset`, skipping NaN. When `reopenLast`, the
   * last index stays pending so it is read again next time (its value may still arrive:
   * the lr of the newest point is NaN until the step leaving it is taken).
   */
  add(values: Float64Array, count: number, offset = 0, reopenLast = false): void {
    const { first, min, max, last } = this;
    for (let i = this.next; i < count; i++) {
      const raw = values[i];
      if (raw !== raw) continue;
      const v = raw - offset;
      const c = this.column(i);
      if (first[c] !== first[c]) first[c] = v;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
      last[c] = v;
    }
    this.next = reopenLast ? Math.max(this.next, count - 1) : Math.max(this.next, count);
  }

  /** Extent of the values folded in so far; `positive` ignores values ≤ 0 (for log axes). */
  extent(out: { lo: number; hi: number }, positive: boolean): void {
    const { min, max, width } = this;
    for (let c = 0; c < width; c++) {
      const hi = max[c];
      if (hi === -Infinity) continue;
      if (hi > out.hi) out.hi = hi;
      const lo = min[c];
      if (positive) {
        if (lo > 0) {
          if (lo < out.lo) out.lo = lo;
        } else if (hi > 0 && hi < out.lo) out.lo = hi;
      } else if (lo < out.lo) out.lo = lo;
    }
  }
}
