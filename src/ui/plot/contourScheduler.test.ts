import { describe, expect, it } from "vitest";
import { ContourScheduler, DRAFT_DELAY_MS, type Timers } from "./contourScheduler";

function fakeTimers() {
  let now = 0;
  let id = 0;
  const pending = new Map<number, { fn: () => void; at: number }>();
  const timers: Timers = {
    set: (fn, ms) => (pending.set(++id, { fn, at: now + ms }), id),
    clear: (h) => void pending.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [k, t] of [...pending].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        pending.delete(k);
        t.fn();
      }
  };
  return { timers, advance, pending };
}

describe("ContourScheduler", () => {
  it("asks for draft contours only once a gesture has paused for DRAFT_DELAY_MS", () => {
    const t = fakeTimers();
    const asked: boolean[] = [];
    const s = new ContourScheduler((fine) => asked.push(fine), t.timers);
    for (let i = 0; i < 10; i++) {
      s.draft();
      t.advance(DRAFT_DELAY_MS / 2);
    }
    expect(asked).toEqual([]);
    t.advance(DRAFT_DELAY_MS);
    expect(asked).toEqual([false]);
  });

  it("a settled view cancels the pending draft and asks for fine contours once, after its delay", () => {
    const t = fakeTimers();
    const asked: boolean[] = [];
    const s = new ContourScheduler((fine) => asked.push(fine), t.timers);
    s.draft();
    s.full(150);
    t.advance(100);
    s.full(150); // a resize every frame restarts the wait
    t.advance(149);
    expect(asked).toEqual([]);
    t.advance(1);
    t.advance(DRAFT_DELAY_MS);
    expect(asked).toEqual([true]);
  });

  it("a click cancels the draft; destroy cancels everything", () => {
    const t = fakeTimers();
    const asked: boolean[] = [];
    const s = new ContourScheduler((fine) => asked.push(fine), t.timers);
    s.draft();
    s.cancelDraft();
    t.advance(DRAFT_DELAY_MS);
    s.full(0);
    s.draft();
    s.destroy();
    t.advance(1000);
    expect(asked).toEqual([]);
    expect(t.pending.size).toBe(0);
  });
});
