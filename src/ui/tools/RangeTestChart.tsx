import { useMemo } from "react";
import { formatParam } from "../format";
import type { RangeTestResult } from "../../core/tools/rangeTest";

const W = 300;
const H = 120;
const PAD = { l: 34, r: 8, t: 8, b: 22 };

/** Loss against lr (log axis) of a range test, its smoothed curve, and the suggested lr marked. */
export function RangeTestChart({ result }: { result: RangeTestResult }) {
  const { path, smooth, mark, ticks } = useMemo(() => {
    const { lrs, losses, smoothed, suggested } = result;
    const lx = lrs.map(Math.log10);
    const vals = [...losses, ...smoothed].filter(Number.isFinite);
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    const x0 = lx[0] ?? 0;
    const x1 = lx[lx.length - 1] ?? 1;
    const sx = (v: number) => PAD.l + ((v - x0) / Math.max(1e-12, x1 - x0)) * (W - PAD.l - PAD.r);
    const sy = (v: number) => PAD.t + (1 - (v - lo) / Math.max(1e-300, hi - lo)) * (H - PAD.t - PAD.b);
    const line = (ys: number[]) => ys.map((v, i) => `${i ? "L" : "M"}${sx(lx[i]).toFixed(1)},${sy(v).toFixed(1)}`).join("");
    const decades = [];
    for (let d = Math.ceil(x0); d <= Math.floor(x1); d++) decades.push({ x: sx(d), label: `1e${d}` });
    return { path: line(losses), smooth: line(smoothed), mark: suggested === null ? null : sx(Math.log10(suggested)), ticks: decades };
  }, [result]);
  return (
    <svg className="range-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Loss against learning rate over ${result.lrs.length} steps${result.suggested === null ? "" : `; suggested lr ${formatParam({ kind: "number", scale: "log" }, result.suggested)}`}`}>
      <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="axis" />
      {ticks.map((t) => (
        <text key={t.label} x={t.x} y={H - 6} textAnchor="middle" className="tick">
          {t.label}
        </text>
      ))}
      <text x={4} y={PAD.t + 8} className="tick">
        loss
      </text>
      <text x={W - PAD.r} y={PAD.t + 8} textAnchor="end" className="tick">
        lr (log) →
      </text>
      <path d={path} className="raw" />
      <path d={smooth} className="smooth" />
      {mark !== null && <line x1={mark} x2={mark} y1={PAD.t} y2={H - PAD.b} className="mark" />}
    </svg>
  );
}
