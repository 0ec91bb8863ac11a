/**
 * The plot as a vector SVG: contour bands as <path>s (the worker's d3-contour
 * MultiPolygons, even-odd filled so holes stay open), each visible run as one <path> in its
 * colour and dash over a halo casing, the marks, the axes with their ticks, the colour bar
 * and the legend. Every piece of text and every attribute value is XML-escaped: a run
 * named `<b>&"x"` is text in the file, never markup.
 *
 * Long runs are thinned by stride to at most MAX_SVG_POINTS points (the last one always
 * kept), so a 200,000-step race still opens in an editor; coordinates are rounded to
 * 1/100 px, far below what any screen shows.
 */
import { axisNamePositions } from "../plot/axes";
import { clampPx, type Frame } from "../plot/frame";
import { criticalShape, SQUARE } from "../plot/markers";
import { FUTURE_ALPHA, legendMeasure, LINE_WIDTH, SELECTED_LINE_WIDTH } from "./canvasPainter";
import { layoutExport, NAME_OFFSET, SAMPLE } from "./exportLayout";
import type { ExportRun, PlotSnapshot } from "./plotSnapshot";

export const MAX_SVG_POINTS = 5000;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or an attribute value made safe for XML (control characters XML 1.0 forbids are dropped). */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const n2 = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * Indices of the points an SVG path keeps: all of [from, to) when they are at most `max`,
 * else `max` evenly spaced ones (a fractional stride), the first and the last always.
 */
export function strided(from: number, to: number, max = MAX_SVG_POINTS): number[] {
  const count = to - from;
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, k) => from + k);
  const stride = (count - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => from + Math.round(k * stride));
}

function pathData(run: ExportRun, f: Frame, from: number, to: number, max: number): string {
  const idx = strided(from, to, max);
  const parts = idx.map((i, k) => `${k === 0 ? "M" : "L"}${n2(clampPx((run.xy[2 * i] - f.x0) * f.k))},${n2(clampPx((f.y1 - run.xy[2 * i + 1]) * f.k))}`);
  // A lone point still shows as a dot (round caps on a zero-length segment).
  if (idx.length === 1) parts.push(parts[0].replace("M", "L"));
  return parts.join("");
}

function runPaths(run: ExportRun, snap: PlotSnapshot): string {
  const width = run.selected ? SELECTED_LINE_WIDTH : LINE_WIDTH;
  const dash = run.dash.length ? ` stroke-dasharray="${run.dash.map((d) => d * width).join(" ")}"` : "";
  const color = escapeXml(run.color);
  const halo = escapeXml(snap.theme.halo);
  const id = escapeXml(run.id);
  const piece = (d: string, opacity: number) =>
    `<path class="run-casing" d="${d}" stroke="${halo}" stroke-width="${width + 2}"${opacity < 1 ? ` stroke-opacity="${opacity}"` : ""}/>` +
    `<path class="run-line" data-run="${id}" d="${d}" stroke="${color}" stroke-width="${width}"${dash}${opacity < 1 ? ` stroke-opacity="${opacity}"` : ""}/>`;
  const scrub = snap.scrub;
  if (scrub === null || scrub >= run.count - 1) return piece(pathData(run, snap.frame, 0, run.count, MAX_SVG_POINTS), 1);
  const split = Math.max(0, scrub);
  const past = Math.max(2, Math.round((MAX_SVG_POINTS * (split + 1)) / run.count));
  return piece(pathData(run, snap.frame, 0, split + 1, past), 1) + piece(pathData(run, snap.frame, split, run.count, Math.max(2, MAX_SVG_POINTS - past)), FUTURE_ALPHA);
}

function head(run: ExportRun, snap: PlotSnapshot): string {
  if (run.count === 0) return "";
  const f = snap.frame;
  const i = snap.scrub === null ? run.count - 1 : Math.min(snap.scrub, run.count - 1);
  const px = n2(clampPx((run.xy[2 * i] - f.x0) * f.k));
  const py = n2(clampPx((f.y1 - run.xy[2 * i + 1]) * f.k));
  const r = run.selected ? 4.5 : 3.5;
  const color = escapeXml(run.color);
  const halo = escapeXml(snap.theme.halo);
  if (run.diverged && i === run.count - 1) {
    const d = `M${-r},${-r}L${r},${r}M${r},${-r}L${-r},${r}`;
    return `<g transform="translate(${px},${py})" stroke-linecap="round"><path d="${d}" stroke="${halo}" stroke-width="4.5"/><path d="${d}" stroke="${color}" stroke-width="2.5"/></g>`;
  }
  return `<circle cx="${px}" cy="${py}" r="${r}" fill="${color}" stroke="${halo}" stroke-width="1.5"/>`;
}

function mark(f: Frame, p: readonly [number, number], d: string, stroke: string, halo: string, fill: string, width: number): string {
  const at = `translate(${n2(clampPx((p[0] - f.x0) * f.k))},${n2(clampPx((f.y1 - p[1]) * f.k))})`;
  return `<g transform="${at}"><path d="${d}" fill="none" stroke="${halo}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"/><path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round"/></g>`;
}

export function plotSvg(snap: PlotSnapshot): string {
  const { frame: f, theme, reply } = snap;
  const L = layoutExport(f, reply.thresholds, snap.colors.length, snap.runs, legendMeasure(theme.font));
  const { box, bar } = L;
  const font = escapeXml(theme.font);
  const muted = escapeXml(theme.muted);
  const text = escapeXml(theme.text);
  const border = escapeXml(theme.border);
  const bg = escapeXml(theme.plotBackground);
  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>\n`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" font-family="${font}">`,
    `<title>${escapeXml(`Downhill: ${snap.surfaceTitle}, step ${snap.step} of ${snap.steps}`)}</title>`,
    `<defs><clipPath id="plot-box"><rect width="${box.width}" height="${box.height}"/></clipPath></defs>`,
    `<rect width="${L.width}" height="${L.height}" fill="${escapeXml(theme.surface)}"/>`,
    `<text x="12" y="16" dominant-baseline="middle" font-size="15" font-weight="600" fill="${text}">${escapeXml(snap.surfaceTitle)}</text>`,
    `<g transform="translate(${box.x},${box.y})" clip-path="url(#plot-box)">`,
  );

  // Contours: the area below the first threshold, then each band over it, in threshold order.
  const v = reply.view;
  const sx = box.width / (v.x[1] - v.x[0]);
  const sy = box.height / (v.y[1] - v.y[0]);
  out.push(`<g class="contours" stroke="${escapeXml(theme.levelLine)}" stroke-width="1" stroke-linejoin="round" fill-rule="evenodd">`);
  out.push(`<rect width="${box.width}" height="${box.height}" fill="${escapeXml(snap.colors[0] ?? bg)}" stroke="none"/>`);
  reply.bands.forEach((band, b) => {
    const d: string[] = [];
    for (const polygon of band.coordinates)
      for (const ring of polygon) {
        if (ring.length < 3) continue;
        d.push(ring.map((p, k) => `${k === 0 ? "M" : "L"}${n2((p[0] - v.x[0]) * sx)},${n2((v.y[1] - p[1]) * sy)}`).join("") + "Z");
      }
    if (d.length) out.push(`<path class="contour" data-level="${band.value}" fill="${escapeXml(snap.colors[Math.min(b + 1, snap.colors.length - 1)])}" d="${d.join("")}"/>`);
  });
  out.push(`</g><g class="marks">`);
  for (const c of snap.critical)
    out.push(mark(f, c.point, criticalShape(c.kind), text, bg, c.kind === "global" ? text : "none", c.kind === "global" ? 1 : 1.8));
  for (const s of snap.starts) out.push(mark(f, s.point, SQUARE, s.color ? escapeXml(s.color) : text, bg, "none", 2));
  out.push(`</g><g class="runs" fill="none" stroke-linejoin="round" stroke-linecap="round">`);
  for (const run of snap.runs) if (run.count > 0) out.push(runPaths(run, snap));
  out.push(`</g><g class="heads">`);
  for (const run of snap.runs) out.push(head(run, snap));
  out.push(`</g></g>`);

  // Axes.
  out.push(`<rect x="${box.x + 0.5}" y="${box.y + 0.5}" width="${box.width - 1}" height="${box.height - 1}" fill="none" stroke="${border}"/>`);
  out.push(`<g class="axis axis-x" font-size="11" fill="${muted}" stroke="${muted}" text-anchor="middle">`);
  for (const t of L.xTicks)
    out.push(`<line x1="${n2(box.x + t.at)}" x2="${n2(box.x + t.at)}" y1="${box.y + box.height}" y2="${box.y + box.height + 6}"/><text stroke="none" x="${n2(box.x + t.at)}" y="${box.y + box.height + 9}" dominant-baseline="hanging">${escapeXml(t.label)}</text>`);
  out.push(`</g><g class="axis axis-y" font-size="11" fill="${muted}" stroke="${muted}" text-anchor="end">`);
  for (const t of L.yTicks)
    out.push(`<line x1="${box.x - 6}" x2="${box.x}" y1="${n2(box.y + t.at)}" y2="${n2(box.y + t.at)}"/><text stroke="none" x="${box.x - 9}" y="${n2(box.y + t.at)}" dominant-baseline="middle">${escapeXml(t.label)}</text>`);
  out.push(`</g>`);
  const names = axisNamePositions(box);
  out.push(`<g font-size="12" font-style="italic" fill="${muted}"><text x="${n2(names.x.x)}" y="${n2(names.x.y)}" dominant-baseline="middle">x</text><text x="${n2(names.y.x)}" y="${n2(names.y.y)}">y</text></g>`);

  // Colour bar.
  out.push(`<g class="colour-bar" transform="translate(${n2(bar.x)},${bar.y})">`);
  snap.colors.forEach((c, i) => out.push(`<rect y="${n2(bar.height - (i + 1) * bar.block)}" width="${bar.width}" height="${n2(bar.block + 0.5)}" fill="${escapeXml(c)}"/>`));
  out.push(`<rect width="${bar.width}" height="${n2(bar.height)}" fill="none" stroke="${border}"/>`);
  out.push(`<g font-size="11" fill="${muted}" stroke="${muted}">`);
  for (const t of bar.ticks)
    out.push(`<line x1="${bar.width}" x2="${bar.width + 4}" y1="${n2(t.at)}" y2="${n2(t.at)}"/><text stroke="none" x="${bar.width + 7}" y="${n2(t.at)}" dominant-baseline="middle">${escapeXml(t.label)}</text>`);
  out.push(`</g><text y="-6" font-size="11" font-style="italic" fill="${muted}">f(x, y)</text></g>`);

  // Legend of the runs.
  out.push(`<g class="legend" font-size="13">`);
  for (const e of L.legend) {
    const dash = e.dash.length ? ` stroke-dasharray="${e.dash.map((d) => d * SELECTED_LINE_WIDTH).join(" ")}"` : "";
    out.push(
      `<g class="legend-entry"><path d="M${n2(e.x)},${n2(e.y)}h${SAMPLE}" stroke="${escapeXml(theme.halo)}" stroke-width="${SELECTED_LINE_WIDTH + 2}"/>` +
        `<path d="M${n2(e.x)},${n2(e.y)}h${SAMPLE}" stroke="${escapeXml(e.color)}" stroke-width="${SELECTED_LINE_WIDTH}"${dash}/>` +
        `<text x="${n2(e.x + NAME_OFFSET)}" y="${n2(e.y)}" dominant-baseline="middle" fill="${text}">${escapeXml(e.name)}</text></g>`,
    );
  }
  out.push(`</g></svg>\n`);
  return out.join("");
}
