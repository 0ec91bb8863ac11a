import type { VarianceComparison } from "../../core/data/gradientVariance";
import { formatMetric } from "../format";

const W = 360;
const H = 190;
const PAD = { l: 46, r: 10, t: 10, b: 34 };

/**
 * Variance of the mini-batch gradient against batch size, both on log axes: the exact value
 * (line and dots), the sampled estimate (rings, with bars of ±2 standard errors) and the
 * σ²/B line of batches drawn with replacement (dashed), which the exact value falls below
 * as B nears n. B = n has variance 0, which a log axis cannot show: the table lists it.
 */
export function VarianceChart({ comparison }: { comparison: VarianceComparison }) {
  const rows = comparison.rows.filter((r) => r.batchSize < comparison.n && r.exact > 0);
  if (rows.length === 0) return null;
  const bs = rows.map((r) => r.batchSize);
  const values = rows.flatMap((r) => [r.exact, r.sampled.value, comparison.exampleVariance / r.batchSize]).filter((v) => v > 0 && Number.isFinite(v));
  const y0 = Math.floor(Math.log10(Math.min(...values)));
  const y1 = Math.ceil(Math.log10(Math.max(...values)));
  const x0 = Math.log2(bs[0]);
  const x1 = Math.max(x0 + 1, Math.log2(bs[bs.length - 1]));
  const sx = (b: number) => PAD.l + ((Math.log2(b) - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const sy = (v: number) => PAD.t + (1 - (Math.log10(Math.max(v, 10 ** y0)) - y0) / Math.max(1, y1 - y0)) * (H - PAD.t - PAD.b);
  const line = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
  const exact = line(rows.map((r) => [sx(r.batchSize), sy(r.exact)]));
  const reference = line(rows.map((r) => [sx(r.batchSize), sy(comparison.exampleVariance / r.batchSize)]));
  const decades = [];
  for (let d = y0; d <= y1; d++) decades.push(d);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const label =
    `Variance of the mini-batch gradient against batch size, log-log: exact ${formatMetric(first.exact)} at B = ${first.batchSize} ` +
    `falling to ${formatMetric(last.exact)} at B = ${last.batchSize} (0 at B = ${comparison.n}); sampled estimates beside it; dashed: σ²/B.`;
  return (
    <svg className="variance-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {decades.map((d) => (
        <g key={d}>
          <line x1={PAD.l} x2={W - PAD.r} y1={sy(10 ** d)} y2={sy(10 ** d)} className="grid" />
          <text x={PAD.l - 4} y={sy(10 ** d) + 3} textAnchor="end" className="tick">
            {formatMetric(10 ** d)}
          </text>
        </g>
      ))}
      {rows.map((r) => (
        <text key={r.batchSize} x={sx(r.batchSize)} y={H - PAD.b + 13} textAnchor="middle" className="tick">
          {r.batchSize}
        </text>
      ))}
      <text x={(PAD.l + W - PAD.r) / 2} y={H - 4} textAnchor="middle" className="tick axis-name">
        batch size B (log)
      </text>
      <path d={reference} className="reference" />
      <path d={exact} className="exact" />
      {rows.map((r) => (
        <circle key={`e${r.batchSize}`} cx={sx(r.batchSize)} cy={sy(r.exact)} r={2.5} className="exact-dot" />
      ))}
      {rows.map((r) => {
        const se = 2 * r.sampled.standardError;
        return (
          <g key={`s${r.batchSize}`}>
            {se > 0 && <line x1={sx(r.batchSize)} x2={sx(r.batchSize)} y1={sy(r.sampled.value + se)} y2={sy(r.sampled.value - se)} className="sampled-bar" />}
            <circle cx={sx(r.batchSize)} cy={sy(r.sampled.value)} r={4.5} className="sampled" />
          </g>
        );
      })}
    </svg>
  );
}
