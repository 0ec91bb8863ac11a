import type { CriticalPoint } from "../../core/surfaces/types";
import { BASIN_DIVERGED, BASIN_NONE } from "../../core/tools/grids";
import { useTools, type BasinResult } from "../../state/toolsStore";
import { formatMetric } from "../format";
import { basinColor, basinCounts } from "./basinColors";

const nameOf = (code: number, minima: readonly CriticalPoint[]) => {
  if (code === BASIN_DIVERGED) return "diverged";
  if (code === BASIN_NONE) return "near no minimum";
  const m = minima[code];
  return m ? `${m.kind} minimum (${formatMetric(m.point[0])}, ${formatMetric(m.point[1])})` : `minimum ${code + 1}`;
};

/** The basin map's key: each code that occurs, its colour and its share of the starts; and the box that hides it. */
export function BasinLegend({ result, minima }: { result: BasinResult; minima: readonly CriticalPoint[] }) {
  const shown = useTools((s) => s.basinShown);
  const counts = [...basinCounts(result.cells)].sort((a, b) => b[1] - a[1]);
  const total = result.cells.length;
  return (
    <div className="basin-legend" aria-label="Basin map legend" role="group">
      <p className="tool-result">
        Basin map: {result.grid.nx} × {result.grid.ny} starts over the view, {result.steps.toLocaleString("en")} steps each ({(result.grid.nx * result.grid.ny * result.steps).toLocaleString("en")} steps in{" "}
        {(result.ms / 1000).toFixed(1)} s)
      </p>
      <label className="tool-check">
        <input type="checkbox" checked={shown} onChange={(e) => useTools.setState({ basinShown: e.currentTarget.checked })} /> Show basin map on the plot
      </label>
      <ul>
        {counts.map(([code, n]) => (
          <li key={code}>
            <span className="swatch" style={{ background: basinColor(code), opacity: code === BASIN_NONE ? 0.35 : 1 }} aria-hidden="true" />
            {nameOf(code, minima)}: {((100 * n) / total).toFixed(1)}%
          </li>
        ))}
      </ul>
    </div>
  );
}
