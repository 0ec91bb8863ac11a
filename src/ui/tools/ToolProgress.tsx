import { cancelTool, useTools, type ToolName } from "../../state/toolsStore";

const NAMES: Record<ToolName, string> = { range: "Range test", tune: "Tune", tuneAll: "Tune all runs", sweep: "Sweep", basin: "Basin map" };

/** While a tool works: its progress bar (role progressbar, with its value) and Cancel. */
export function ToolProgress() {
  const running = useTools((s) => s.running);
  const progress = useTools((s) => s.progress);
  const stage = useTools((s) => s.stage);
  if (!running) return null;
  const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <div className="tool-progress">
      <div className="tool-bar" role="progressbar" aria-label={`${NAMES[running]} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={stage ? `${pct}%, ${stage}` : `${pct}%`}>
        <div className="tool-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="tool-pct">{pct}%</span>
      <button type="button" onClick={cancelTool}>
        Cancel
      </button>
      {stage && <span className="tool-stage">{stage}</span>}
    </div>
  );
}
