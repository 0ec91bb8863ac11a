/**
 * Vector marks over the canvases, in the overlay SVG that also takes the pointer: known
 * critical points (global minimum ★ filled, local minimum ○ hollow, saddle ×), start
 * markers (□, in the run's colour when a run has its own start) and the hover crosshair.
 */
import { select } from "d3-selection";
import { symbol, symbolStar } from "d3-shape";
import type { CriticalPoint } from "../../core/surfaces";
import { formatPoint, formatValue } from "../format";
import { translateTo, type Frame } from "./frame";

export interface StartMark {
  point: [number, number];
  /** Null: the shared start of every run without its own. */
  color: string | null;
  label: string;
}

const KIND_NAME: Record<CriticalPoint["kind"], string> = {
  global: "Global minimum",
  local: "Local minimum",
  saddle: "Saddle point",
};

const STAR = symbol(symbolStar, 150)() ?? "";
const CROSS = "M-5,-5L5,5M5,-5L-5,5";
/** The start mark's outline, centred on the start (the exports draw it too). */
export const SQUARE = "M-5,-5H5V5H-5Z";

/** The outline of a critical point's mark, centred on the point. */
export function criticalShape(kind: CriticalPoint["kind"]): string {
  return kind === "global" ? STAR : kind === "saddle" ? CROSS : circlePath(4.5);
}

export function drawCriticalPoints(svg: SVGSVGElement, frame: Frame, points: readonly CriticalPoint[]): void {
  const root = select(svg);
  let g = root.select<SVGGElement>("g.plot-critical");
  if (g.empty()) g = root.insert<SVGGElement>("g", ":first-child").attr("class", "plot-critical");
  g.selectAll<SVGGElement, CriticalPoint>("g.plot-mark")
    .data(points)
    .join((enter) => {
      const m = enter.append("g").attr("class", (d) => `plot-mark plot-mark-${d.kind}`);
      m.append("title");
      // Two strokes: a wide halo in the background colour, then the mark, so it reads on any band.
      m.append("path").attr("class", "plot-mark-halo");
      m.append("path").attr("class", "plot-mark-shape");
      return m;
    })
    .attr("class", (d) => `plot-mark plot-mark-${d.kind}`)
    .attr("transform", (d) => translateTo(frame, d.point))
    .call((m) => {
      m.select("title").text((d) => `${KIND_NAME[d.kind]} ${formatPoint(d.point)}, f = ${formatValue(d.value)}`);
      m.select("path.plot-mark-halo").attr("d", (d) => criticalShape(d.kind));
      m.select("path.plot-mark-shape").attr("d", (d) => criticalShape(d.kind));
    });
}

export function drawStarts(svg: SVGSVGElement, frame: Frame, starts: StartMark[]): void {
  const root = select(svg);
  let g = root.select<SVGGElement>("g.plot-starts");
  if (g.empty()) g = root.append("g").attr("class", "plot-starts");
  g.selectAll<SVGGElement, StartMark>("g.plot-start")
    .data(starts)
    .join((enter) => {
      const m = enter.append("g").attr("class", "plot-start");
      m.append("title");
      m.append("path").attr("class", "plot-mark-halo").attr("d", SQUARE);
      m.append("path").attr("class", "plot-start-shape").attr("d", SQUARE);
      return m;
    })
    .attr("transform", (d) => translateTo(frame, d.point))
    .call((m) => {
      m.select("title").text((d) => d.label);
      m.select<SVGPathElement>("path.plot-start-shape").style("stroke", (d) => d.color);
    });
}

/** Shows the crosshair at (px, py) in box pixels, or hides it when null. */
export function drawCrosshair(svg: SVGSVGElement, frame: Frame, at: [number, number] | null): void {
  const root = select(svg);
  let g = root.select<SVGGElement>("g.plot-crosshair");
  if (g.empty()) {
    g = root.append("g").attr("class", "plot-crosshair");
    g.append("line").attr("class", "plot-crosshair-x");
    g.append("line").attr("class", "plot-crosshair-y");
  }
  g.attr("display", at ? null : "none");
  if (!at) return;
  g.select("line.plot-crosshair-x").attr("x1", 0).attr("x2", frame.width).attr("y1", at[1]).attr("y2", at[1]);
  g.select("line.plot-crosshair-y").attr("x1", at[0]).attr("x2", at[0]).attr("y1", 0).attr("y2", frame.height);
}

function circlePath(r: number): string {
  return `M${r},0A${r},${r},0,1,1,${-r},0A${r},${r},0,1,1,${r},0Z`;
}
