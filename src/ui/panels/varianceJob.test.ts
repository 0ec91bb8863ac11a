import { describe, expect, it } from "vitest";
import { compareBatchSizes, type VarianceComparison } from "../../core/data/gradientVariance";
import { getSurface } from "../../core/surfaces";
import { measureInSlices } from "./varianceJob";

const source = getSurface("logisticRegression")!.batches!;
const spec = { w1: 0.7, w2: -0.4, seed: 12, epochs: 32, minBatches: 512 };

/** A queue standing in for the page's task loop: run() drains it one task at a time. */
function taskQueue() {
  const tasks: (() => void)[] = [];
  return { defer: (t: () => void) => void tasks.push(t), run: () => { let n = 0; while (tasks.length) { tasks.shift()!(); n++; } return n; } };
}

describe("measureInSlices", () => {
  it("gives exactly compareBatchSizes, one batch size per task after the spread", () => {
    const q = taskQueue();
    let got: VarianceComparison | null = null;
    measureInSlices(source, spec, (c) => (got = c), q.defer);
    expect(got).toBeNull();
    expect(q.run()).toBe(1 + 9);
    expect(got).toEqual(compareBatchSizes(source, spec));
  });

  it("stops when cancelled: no more slices, no result", () => {
    const q = taskQueue();
    let calls = 0;
    const cancel = measureInSlices(source, spec, () => calls++, q.defer);
    q.defer(cancel);
    // The first slice and the cancel run; the slice the first one queued finds the job cancelled.
    expect(q.run()).toBe(3);
    expect(calls).toBe(0);
  });
});
