/**
 * Axes (d3-axis) and the colour legend, drawn in an SVG laid over the canvases. Both are
 * cheap enough to redraw on every zoom event.
 */
import { axisBottom, axisLeft, axisRight } from "d3-axis";
import { scaleLinear } from "d3-scale";
import { select, type Selection } from "d3-selection";
import { formatLevels } from "../format";
import { frameRect, type Frame } from "./frame";

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Space around the inner plot box: ticks left and below, the legend on the right. */
export const MARGINS: Margins = { top: 18, right: 84, bottom: 30, left: 46 };
export const LEGEND_GAP = 14;
export const LEGEND_BAR = 12;

/** The axes' scales (box pixels) and tick counts for a frame: what the plot draws and the exports copy. */
export function axisScales(frame: Frame) {
  const rect = frameRect(frame);
  return {
    x: scaleLinear().domain(rect.x).range([0, frame.width]),
    y: scaleLinear().domain(rect.y).range([frame.height, 0]),
    xTicks: Math.max(2, Math.floor(frame.width / 90)),
    yTicks: Math.max(2, Math.floor(frame.height / 60)),
  };
}

/**
 * Where the axis names go (left-aligned text): "x" just past the right end of the x axis
 * (vertically centred on it), "y" just above the top of the y axis, on its right. Tick
 * labels sit below and left of the axes, so at any font size (lecture mode's 17 px) the
 * names never cover one. Shared by the plot and its PNG and SVG exports.
 */
export function axisNamePositions(box: { x: number; y: number; width: number; height: number }) {
  return { x: { x: box.x + box.width + 3, y: box.y + box.height }, y: { x: box.x + 4, y: box.y - 5 } };
}

export function drawAxes(svg: SVGSVGElement, frame: Frame): void {
  const root = select(svg);
  const { x, y, xTicks, yTicks } = axisScales(frame);

  const gx = ensure(root, "g", "plot-axis plot-axis-x").attr("transform", `translate(${MARGINS.left},${MARGINS.top + frame.height})`);
  gx.call(axisBottom(x).ticks(xTicks).tickSizeOuter(0));
  const gy = ensure(root, "g", "plot-axis plot-axis-y").attr("transform", `translate(${MARGINS.left},${MARGINS.top})`);
  gy.call(axisLeft(y).ticks(yTicks).tickSizeOuter(0));

  const names = axisNamePositions({ x: MARGINS.left, y: MARGINS.top, width: frame.width, height: frame.height });
  ensure(root, "text", "plot-axis-label plot-axis-label-x").attr("x", names.x.x).attr("y", names.x.y).attr("text-anchor", "start").attr("dominant-baseline", "middle").text("x");
  ensure(root, "text", "plot-axis-label plot-axis-label-y").attr("x", names.y.x).attr("y", names.y.y).attr("text-anchor", "start").attr("dominant-baseline", "auto").text("y");
  ensure(root, "rect", "plot-box")
    .attr("x", MARGINS.left + 0.5)
    .attr("y", MARGINS.top + 0.5)
    .attr("width", Math.max(0, frame.width - 1))
    .attr("height", Math.max(0, frame.height - 1));
}

/**
 * The colour bar: one equal-height block per band (the levels are log-spaced, so equal
 * blocks read as a log scale), labelled with the f value at a subset of the boundaries.
 */
export function drawLegend(svg: SVGSVGElement, frame: Frame, thresholds: number[], colors: string[]): void {
  const root = select(svg);
  const g = ensure(root, "g", "plot-legend").attr("transform", `translate(${MARGINS.left + frame.width + LEGEND_GAP},${MARGINS.top})`);
  const n = colors.length;
  const { height, block, ticks, labels } = colourBar(frame, thresholds, colors.length);
  g.selectAll<SVGRectElement, string>("rect.plot-legend-band")
    .data(colors)
    .join("rect")
    .attr("class", "plot-legend-band")
    .attr("x", 0)
    .attr("width", LEGEND_BAR)
    .attr("y", (_, i) => height - (i + 1) * block)
    .attr("height", block + 0.5)
    .attr("fill", (c) => c);
  ensure(g, "rect", "plot-legend-frame").attr("width", LEGEND_BAR).attr("height", height);
  const scale = scaleLinear().domain([0, n]).range([height, 0]);
  const axis = axisRight(scale)
    .tickValues(ticks.map((i) => i + 1))
    .tickFormat((v) => labels.get(v as number) ?? "")
    .tickSize(4)
    .tickSizeOuter(0);
  ensure(g, "g", "plot-axis plot-legend-axis").attr("transform", `translate(${LEGEND_BAR},0)`).call(axis);
  ensure(g, "text", "plot-legend-title").attr("x", 0).attr("y", -6).text("f(x, y)");
  g.attr("data-levels", thresholds.length);
}

/**
 * The colour bar's geometry: its height, the height of one band's block, which boundaries
 * get a tick (boundary i, between block i and i + 1, sits at thresholds[i]; ticked at i + 1
 * on a 0…n block scale) and their labels. Shared by the plot and the exports.
 */
export function colourBar(frame: Pick<Frame, "height">, thresholds: readonly number[], bands: number) {
  const height = Math.max(40, Math.min(frame.height, 420));
  const block = height / Math.max(1, bands);
  const every = Math.max(1, Math.ceil(thresholds.length / Math.max(2, Math.floor(height / 26))));
  const ticks = thresholds.map((_, i) => i).filter((i) => i % every === 0 || i === thresholds.length - 1);
  if (ticks.length > 1 && ticks[ticks.length - 1] - ticks[ticks.length - 2] < every / 2) ticks.splice(ticks.length - 2, 1);
  const labels = new Map(formatLevels(ticks.map((i) => thresholds[i])).map((label, k) => [ticks[k] + 1, label]));
  return { height, block, ticks, labels };
}

export function clearLegend(svg: SVGSVGElement): void {
  select(svg).select("g.plot-legend").remove();
}

// Loosely typed on purpose: it serves <g>, <rect> and <text> alike and d3-axis's `call`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Selection<any, unknown, any, unknown>;

/** The child `tag.className` of `parent`, created the first time. */
function ensure(parent: Loose, tag: string, className: string): Loose {
  const selector = `${tag}.${className.split(" ").join(".")}`;
  let sel = parent.select(selector);
  if (sel.empty()) sel = parent.append(tag).attr("class", className);
  return sel;
}
