import { describe, expect, it } from "vitest";
import { Trace } from "./trace";

/** Pushes points 0..n, annotating each but the last (as a run does), with lr = step. */
function walk(trace: Trace, n: number): Trace {
  for (let s = 0; s <= n; s++) {
    trace.push(s, s, -s, s * s);
    if (s < n) trace.annotate(s, 10 * s);
  }
  return trace;
}

describe("Trace", () => {
  it.each([
    ["without growth or thinning", new Trace(64, 21), 20],
    ["growing from 64 records", new Trace(1 << 10, 0), 200],
    ["thinned four times", new Trace(8, 8), 100],
    ["thinned, the newest point the first record after it", new Trace(8, 8), 8],
    ["thinned twice, likewise", new Trace(8, 8), 16],
  ])("%s: every record carries its own step's values, the newest no lr or |∇f| yet", (_name, trace, n) => {
    walk(trace, n);
    const a = trace.toArrays();
    const last = a.step.length - 1;
    expect(a.step[last]).toBe(n);
    a.step.forEach((s, i) => {
      expect(a.points[i]).toEqual([s, -s]);
      expect(a.loss[i]).toBe(s * s);
      if (s === n) expect([a.lr[i], a.gradNorm[i]]).toEqual([NaN, NaN]);
      else expect([a.lr[i], a.gradNorm[i]]).toEqual([s, 10 * s]);
    });
    // kept records sit at multiples of the stride; the newest point is always there
    for (let i = 0; i < trace.count; i++) expect(a.step[i]).toBe(i * trace.stride);
    expect(trace.last).toEqual({ step: n, x: n, y: -n, loss: n * n, lr: NaN, gradNorm: NaN });
  });

  it("without records keeps only the newest point", () => {
    const trace = walk(new Trace(64, 1000, false), 500);
    expect([trace.count, trace.x.length, trace.length]).toEqual([0, 0, 1]);
    expect(trace.last).toEqual({ step: 500, x: 500, y: -500, loss: 250000, lr: NaN, gradNorm: NaN });
  });
});
