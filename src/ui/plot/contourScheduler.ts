/**
 * When to ask for contours: coarse ("draft") ones once a gesture has paused for a moment,
 * fine ones once things have been still, and never a queue of stale requests. Timers are
 * injected so the policy is tested in Node.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Quiet time before asking for draft contours in the middle of a gesture. */
export const DRAFT_DELAY_MS = 200;

export class ContourScheduler {
  private draftTimer: unknown = null;
  private fullTimer: unknown = null;

  /** `request(fine)`: ask for contours of what is shown now (fine: the full grid). */
  constructor(
    private readonly request: (fine: boolean) => void,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** The view moved under a gesture: draft contours after DRAFT_DELAY_MS without movement. */
  draft(): void {
    this.cancelDraft();
    this.draftTimer = this.timers.set(() => {
      this.draftTimer = null;
      this.request(false);
    }, DRAFT_DELAY_MS);
  }

  /** The view is settled: fine contours after `delayMs` of quiet (a resizing window sends a size every frame). */
  full(delayMs: number): void {
    this.cancelDraft();
    if (this.fullTimer !== null) this.timers.clear(this.fullTimer);
    this.fullTimer = this.timers.set(() => {
      this.fullTimer = null;
      this.request(true);
    }, delayMs);
  }

  /** A press turned out to be a click: the draft it scheduled is moot. */
  cancelDraft(): void {
    if (this.draftTimer !== null) this.timers.clear(this.draftTimer);
    this.draftTimer = null;
  }

  destroy(): void {
    this.cancelDraft();
    if (this.fullTimer !== null) this.timers.clear(this.fullTimer);
    this.fullTimer = null;
  }
}
