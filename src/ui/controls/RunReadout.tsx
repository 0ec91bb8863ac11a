import { useEffect, useRef } from "react";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { formatMetric } from "../format";

const STATUS_MARK: Record<string, string> = { converged: "✓", diverged: "✕", finished: "", running: "" };

/**
 * The run's loss at the shown step (the timeline's, or the head of the race), written
 * straight into the DOM from the trajectory buffers at most once a frame: it changes every
 * frame while racing, so it stays out of React renders.
 */
export function RunReadout({ id }: { id: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let frame = 0;
    const paint = () => {
      frame = 0;
      const el = ref.current;
      const run = trajectories.runs.get(id);
      if (!el) return;
      if (!run || run.count === 0) {
        el.textContent = "";
        el.dataset.status = "";
        el.title = "";
        return;
      }
      const scrub = useStore.getState().scrub;
      const i = Math.min(scrub ?? run.count - 1, run.count - 1);
      const loss = formatMetric(run.loss[i]);
      // The status belongs to the head of the race; looking back, only the loss is shown.
      const status = i === run.count - 1 ? run.status : "running";
      const mark = STATUS_MARK[status] ?? "";
      el.textContent = mark ? `${loss} ${mark}` : loss;
      el.dataset.status = status;
      el.dataset.loss = String(run.loss[i]);
      el.title = `Loss ${loss} at step ${i}${status === "running" ? "" : `; ${status}`}`;
    };
    const queue = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    const offTrajectories = trajectories.subscribe(queue);
    const offStore = useStore.subscribe((s, prev) => {
      if (s.scrub !== prev.scrub) queue();
    });
    paint();
    return () => {
      offTrajectories();
      offStore();
      cancelAnimationFrame(frame);
    };
  }, [id]);
  return <span className="run-readout" ref={ref} />;
}
