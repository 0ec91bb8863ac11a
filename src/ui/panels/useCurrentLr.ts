import { useEffect, useState } from "react";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";

export interface CurrentLr {
  /** Step whose lr this is. */
  t: number;
  lr: number;
}

const EVERY_MS = 150;

/** The lr of run `id` at the shown step (scrub, else live), as the engine used it; throttled. */
function currentLr(id: string | null): CurrentLr | null {
  if (!id) return null;
  const run = trajectories.runs.get(id);
  if (!run || run.count === 0) return null;
  const steps = trajectories.steps;
  const s = useStore.getState().scrub ?? trajectories.step;
  // After the last step no step leaves the point: report the last one taken.
  const t = Math.max(0, Math.min(s, steps - 1));
  const recorded = t < run.count ? run.lr[t] : NaN;
  if (recorded === recorded) return { t, lr: recorded };
  if (run.plan && t < run.plan.length) return { t, lr: run.plan[t] };
  // An adaptive schedule has no plan: the last lr it handed out.
  const prev = Math.min(t, run.count) - 1;
  return prev >= 0 && run.lr[prev] === run.lr[prev] ? { t: prev, lr: run.lr[prev] } : null;
}

export function useCurrentLr(id: string | null): CurrentLr | null {
  const [value, setValue] = useState(() => currentLr(id));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = () => {
      timer = null;
      last = performance.now();
      const next = currentLr(id);
      setValue((prev) => (prev?.t === next?.t && prev?.lr === next?.lr ? prev : next));
    };
    const request = () => {
      timer ??= setTimeout(update, Math.max(0, last + EVERY_MS - performance.now()));
    };
    const off1 = trajectories.subscribe(request);
    const off2 = useStore.subscribe((s, p) => s.scrub !== p.scrub && request());
    update();
    return () => {
      off1();
      off2();
      if (timer) clearTimeout(timer);
    };
  }, [id]);
  return value;
}
