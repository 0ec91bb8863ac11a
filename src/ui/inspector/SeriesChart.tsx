import { useEffect, useId, useRef, useState } from "react";
import type { SeriesResult } from "../../core/engine/inspect";
import { paintAxes, paintCursor, paintSeries, paintYGrid, stepX, type ChartBox } from "../panels/chart/chartPaint";
import { ColumnSummary } from "../panels/chart/columnSummary";
import { yScale } from "../panels/chart/yScale";
import { formatValue } from "../format";
import { readTheme, watchTheme } from "../theme";
import { useInspector } from "./inspectorStore";
import { stateSymbol } from "./stateSymbols";

const MARGIN = { left: 52, right: 10, top: 18, bottom: 20 };
/** Okabe–Ito blue and vermillion (light) / sky blue and orange (dark): x and y told apart by colour-blind readers too. */
const COORD_COLORS = { light: ["#0072b2", "#d55e00"], dark: ["#56b4e9", "#e69f00"] };

const quantityLabel = (name: string, optimizer = "") => (name === "effective" ? "effective step" : name === "update" ? "update Δx" : stateSymbol(name, optimizer).text);

/** The quantities a series result holds, in its order (each has an x and a y series). */
function quantities(series: SeriesResult | null): string[] {
  return series ? [...new Set(series.series.map((s) => s.name))] : [];
}

/**
 * The selected run's state variables, effective step and update per coordinate over the
 * steps computed so far (one quantity at a time: their scales differ by orders of
 * magnitude), with a cursor at the shown step. Painted with the step charts' helpers.
 */
export function SeriesChart() {
  const series = useInspector((s) => s.series);
  const inspection = useInspector((s) => s.inspection);
  const names = quantities(series);
  const [chosen, setChosen] = useState("effective");
  const name = names.includes(chosen) ? chosen : (names[0] ?? "");
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [themeTick, setThemeTick] = useState(0);
  const selectId = useId();
  const shown = inspection && inspection.kind !== "start" ? inspection.shownStep : 0;

  useEffect(() => {
    const box = boxRef.current!;
    const observer = new ResizeObserver(() => setSize({ w: box.clientWidth, h: box.clientHeight }));
    observer.observe(box);
    const off = watchTheme(() => setThemeTick((t) => t + 1));
    return () => {
      observer.disconnect();
      off();
    };
  }, []);

  const [description, setDescription] = useState("");
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.w <= 0 || size.h <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.w * dpr);
    canvas.height = Math.round(size.h * dpr);
    const ctx = canvas.getContext("2d")!;
    const theme = readTheme();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    ctx.font = `11px ${theme.font}`;
    const pair = series?.series.filter((s) => s.name === name) ?? [];
    // The x axis spans at least 10 steps, so the first few steps do not get fractional step ticks.
    const last = Math.max(10, series && series.steps.length > 0 ? series.steps[series.steps.length - 1] : 0);
    const box: ChartBox = { left: MARGIN.left, top: MARGIN.top, width: Math.max(10, size.w - MARGIN.left - MARGIN.right), bottom: size.h - MARGIN.bottom };
    const colors = theme.dark ? COORD_COLORS.dark : COORD_COLORS.light;
    // The y range from the raw samples, so the left margin can fit the widest tick label
    // ("0.000025") before the columns are laid out.
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of pair)
      for (const v of s.values)
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    const ticks = Math.max(2, Math.floor((box.bottom - box.top) / 28));
    const probe = yScale("linear", lo, hi, box.top, box.bottom, ticks);
    const widest = Math.max(0, ...probe.ticks.map((t) => ctx.measureText(probe.format(t)).width));
    box.left = Math.max(MARGIN.left, Math.ceil(widest) + 10);
    box.width = Math.max(10, size.w - box.left - MARGIN.right);
    const summaries = pair.map((s) => {
      // Samples sit at their steps (thinned evenly); the summary skips the NaN between them.
      const dense = new Float64Array(last + 1).fill(NaN);
      series!.steps.forEach((k, i) => (dense[k] = s.values[i]));
      const sum = new ColumnSummary(Math.max(1, Math.floor(box.width)), last);
      sum.add(dense, dense.length);
      return { coord: s.coord, sum };
    });
    const extent = { lo: Infinity, hi: -Infinity };
    for (const s of summaries) s.sum.extent(extent, false);
    const y = yScale("linear", extent.lo, extent.hi, box.top, box.bottom, ticks);
    paintYGrid(ctx, y, box, theme);
    paintAxes(ctx, last, box, quantityLabel(name, inspection?.optimizer), theme);
    paintSeries(ctx, summaries.map((s) => ({ color: colors[s.coord], selected: true, actual: s.sum, plan: null })), y, box);
    if (series && series.steps.length > 0) paintCursor(ctx, Math.round(stepX(box, Math.min(shown, last), last)) + 0.5, box, true, theme);
    // Key: x and y in their colours, top right.
    ctx.textAlign = "right";
    ctx.textBaseline = "alphabetic";
    let right = size.w - MARGIN.right;
    for (const coord of [1, 0] as const) {
      const label = coord === 0 ? "x" : "y";
      ctx.fillStyle = colors[coord];
      ctx.fillText(`— ${label}`, right, 11);
      right -= ctx.measureText(`— ${label}`).width + 8;
    }
    const at = series ? series.steps.findIndex((k) => k >= shown) : -1;
    const reading = at >= 0 && pair.length === 2 ? ` At step ${series!.steps[at]}: x ${formatValue(pair[0].values[at])}, y ${formatValue(pair[1].values[at])}.` : "";
    setDescription(`${quantityLabel(name, inspection?.optimizer)} per coordinate over steps 1 to ${series && series.steps.length > 0 ? series.steps[series.steps.length - 1] : 0}.${reading}`);
  }, [series, name, size, shown, themeTick]);

  return (
    <div className="inspector-series">
      <div className="inspector-series-head">
        <label htmlFor={selectId}>Over the steps:</label>
        <select id={selectId} value={name} onChange={(e) => setChosen(e.currentTarget.value)} disabled={names.length === 0}>
          {names.map((n) => (
            <option key={n} value={n}>
              {quantityLabel(n, inspection?.optimizer)}
            </option>
          ))}
        </select>
      </div>
      <div className="inspector-series-box" ref={boxRef}>
        <canvas ref={canvasRef} role="img" aria-label={`Time series of the ${quantityLabel(name, inspection?.optimizer)}`} aria-description={description} />
      </div>
    </div>
  );
}
