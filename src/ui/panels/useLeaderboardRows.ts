import { useEffect, useState } from "react";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { leaderboardRows, type LeaderboardRow } from "./leaderboardRows";

/** A table re-rendered faster than this is noise, not information, and costs frames. */
const EVERY_MS = 100;

/**
 * The leaderboard rows, refreshed at most every 100 ms while batches stream in, and
 * once more right after the last change (so the final numbers always show when the
 * race stops or the scrubber comes to rest).
 */
export function useLeaderboardRows(): LeaderboardRow[] {
  const compute = () => {
    const s = useStore.getState();
    return leaderboardRows(s.experiment, trajectories, s.scrub);
  };
  const [rows, setRows] = useState<LeaderboardRow[]>(compute);

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = performance.now();
      setRows(compute());
    };
    const request = () => {
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, last + EVERY_MS - performance.now()));
    };
    const offTrajectories = trajectories.subscribe(request);
    // Only the store fields the rows read: the experiment (names, colours, order) and the scrub step.
    const offStore = useStore.subscribe((s, prev) => {
      if (s.experiment !== prev.experiment || s.scrub !== prev.scrub) request();
    });
    request();
    return () => {
      offTrajectories();
      offStore();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return rows;
}
