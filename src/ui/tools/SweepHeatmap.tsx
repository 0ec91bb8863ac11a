import { useEffect, useMemo, useRef, useState } from "react";
import { interpolateRgbBasis } from "d3-interpolate";
import { formatMetric, formatParam } from "../format";
import type { NumberParam } from "../../core/params";
import type { SweepResult } from "../../state/toolsStore";

/** Best (dark blue) to worst (yellow): a perceptually ordered ramp readable in both themes. */
const ramp = interpolateRgbBasis(["#0d3b66", "#1f77b4", "#2ca02c", "#bcbd22", "#f6c344"]);
/** The ramp as a CSS gradient, for the legend. */
const RAMP_CSS = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => ramp(t)).join(", ")})`;

interface Props {
  result: SweepResult;
  xSpec: NumberParam;
  ySpec: NumberParam;
  /** Loads cell (i, j)'s setting into the run. */
  onPick(i: number, j: number): void;
}

/**
 * The sweep as a heatmap: one cell per setting, coloured by the rank of its score among the
 * finite ones (scores span many decades and may be negative), diverged cells grey and
 * crossed, the best outlined. Click a cell, or move with the arrow keys and press Enter, to
 * load that setting.
 */
export function SweepHeatmap({ result, xSpec, ySpec, onPick }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const nx = result.x.values.length;
  const ny = result.y.values.length;
  const { rank, best } = useMemo(() => {
    const finite = [...result.cells].map((v, k) => [v, k] as const).filter(([v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
    const r = new Float64Array(result.cells.length).fill(NaN);
    finite.forEach(([, k], i) => (r[k] = finite.length > 1 ? i / (finite.length - 1) : 0));
    return { rank: r, best: finite[0]?.[1] ?? -1 };
  }, [result]);
  const [cursor, setCursor] = useState(() => (best >= 0 ? best : 0));
  useEffect(() => setCursor(best >= 0 ? best : 0), [best]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const size = c.clientWidth;
    c.width = Math.round(size * dpr);
    c.height = Math.round(size * dpr);
    const g = c.getContext("2d")!;
    g.scale(dpr, dpr);
    const cw = size / nx;
    const ch = size / ny;
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        // Row 0 (the smallest y value) at the bottom, as on a plot.
        const x = i * cw;
        const y = (ny - 1 - j) * ch;
        if (Number.isNaN(rank[k])) {
          g.fillStyle = "#8a8a8a";
          g.fillRect(x, y, cw, ch);
          g.strokeStyle = "#5a5a5a";
          g.beginPath();
          g.moveTo(x + 1, y + 1);
          g.lineTo(x + cw - 1, y + ch - 1);
          g.stroke();
        } else {
          g.fillStyle = ramp(rank[k]);
          g.fillRect(x, y, cw + 0.5, ch + 0.5);
        }
      }
    const outline = (k: number, colour: string, width: number) => {
      if (k < 0) return;
      g.strokeStyle = colour;
      g.lineWidth = width;
      g.strokeRect((k % nx) * cw + width / 2, (ny - 1 - Math.floor(k / nx)) * ch + width / 2, cw - width, ch - width);
    };
    outline(best, "#ffffff", 2);
    outline(cursor, "#e85d75", 2);
  }, [rank, best, cursor, nx, ny]);

  const describe = (k: number) => {
    const i = k % nx;
    const j = Math.floor(k / nx);
    const v = result.cells[k];
    const what = result.criterion === "finalLoss" ? "final loss" : "steps to tolerance";
    return `${xSpec.label} ${formatParam(xSpec, result.x.values[i])}, ${ySpec.label} ${formatParam(ySpec, result.y.values[j])}: ${Number.isFinite(v) ? `${what} ${formatMetric(v)}` : result.criterion === "finalLoss" ? "diverged" : "never within tolerance"}`;
  };

  const cellAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const i = Math.min(nx - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * nx)));
    const j = Math.min(ny - 1, Math.max(0, ny - 1 - Math.floor(((e.clientY - r.top) / r.height) * ny)));
    return j * nx + i;
  };

  const onKey = (e: React.KeyboardEvent) => {
    const i = cursor % nx;
    const j = Math.floor(cursor / nx);
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      const [di, dj] = moves[e.key];
      setCursor(Math.min(ny - 1, Math.max(0, j + dj)) * nx + Math.min(nx - 1, Math.max(0, i + di)));
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      e.stopPropagation();
      onPick(i, j);
    }
  };

  return (
    <figure className="sweep">
      <div className="sweep-plot">
        <span className="sweep-ylabel">{ySpec.label} ↑</span>
        <canvas
          ref={canvas}
          tabIndex={0}
          role="img"
          aria-label={`Sweep heatmap, ${nx} × ${ny}: ${xSpec.label} across, ${ySpec.label} up. Best: ${best >= 0 ? describe(best) : "none finite"}. Arrow keys move, Enter loads the setting.`}
          onClick={(e) => {
            const k = cellAt(e);
            setCursor(k);
            onPick(k % nx, Math.floor(k / nx));
          }}
          onMouseMove={(e) => setCursor(cellAt(e))}
          onKeyDown={onKey}
        />
      </div>
      <figcaption>
        <span className="sweep-xlabel">
          {xSpec.label} → ({formatParam(xSpec, result.x.values[0])} … {formatParam(xSpec, result.x.values[nx - 1])}); {ySpec.label} {formatParam(ySpec, result.y.values[0])} … {formatParam(ySpec, result.y.values[ny - 1])}
        </span>
        <span className="sweep-legend">
          <span>
            best <span className="sweep-ramp" style={{ background: RAMP_CSS }} aria-hidden="true" /> worst (by rank of {result.criterion === "finalLoss" ? "final loss" : "steps to tolerance"})
          </span>
          <span>
            <span className="swatch" style={{ background: "#8a8a8a" }} aria-hidden="true" /> {result.criterion === "finalLoss" ? "diverged" : "never within tolerance"}
          </span>
          <span>outlined: best (white), shown (pink)</span>
        </span>
        <output className="sweep-readout" aria-live="polite">
          {describe(cursor)}
        </output>
      </figcaption>
    </figure>
  );
}
