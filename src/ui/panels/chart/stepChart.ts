/**
 * A canvas chart of one per-step quantity for every visible run (lr, loss), with a
 * cursor at the shown step. It reads the trajectories and the store directly and draws
 * at most once per animation frame when something changed: racing data never goes
 * through React. Each run's series is summarised per pixel column (ColumnSummary), so
 * a frame costs the canvas width per run however long the race is.
 */
import { runColor } from "../../../state/palette";
import { useStore } from "../../../state/store";
import { trajectories, type RunTrajectory } from "../../../state/trajectories";
import { formatMetric } from "../../format";
import { paintAxes, paintCursor, paintDot, paintLineKey, paintSeries, paintYGrid, stepX, type ChartBox, type SeriesStyle } from "./chartPaint";
import { ColumnSummary } from "./columnSummary";
import { readTheme, type Theme } from "../../theme";
import { seriesExtent, yScale, type YScale, type YScaleKind } from "./yScale";

export interface StepSeries {
  /** Recorded values of a run indexed by step (NaN where there is none yet). */
  values(run: RunTrajectory): Float64Array;
  /** True when the newest recorded value may still arrive (lr: NaN until the step leaving the point is taken). */
  newestPending: boolean;
  /** The planned values over the horizon, drawn dashed (null: none, e.g. an adaptive schedule). */
  plan?(run: RunTrajectory): Float64Array | null;
  /** Subtracted from every value before plotting (the surface's floor for the loss). */
  offset(): number;
  /** The recorded (else planned) value at step `s` (NaN: none), for the cursor dots and the description. */
  valueAt(run: RunTrajectory, s: number): number;
}

export interface StepChartOptions {
  series: StepSeries;
  /** Name of the quantity, drawn above the y axis ("lr", "f − floor (log)"). */
  yLabel(kind: YScaleKind): string;
  /** Scale for an extent [lo, hi] (lo: smallest positive value). */
  scaleKind(lo: number, hi: number): YScaleKind;
  /** Receives a plain-text summary of what is drawn (for the canvas's accessible description). */
  describe?(text: string): void;
  /** Short name of the quantity in the description ("Learning rate"). */
  quantity: string;
  /** Draw the line key (solid: run, dashed: plan) top right instead of the step readout. */
  lineKey?: boolean;
  /** Told when the drawn scale changes (e.g. an auto choice flips to log). */
  onScaleKind?(kind: YScaleKind): void;
  /** Paints more over the series, in the chart's scale (the loss panel's theory lines). */
  paintExtra?(ctx: CanvasRenderingContext2D, y: YScale, box: ChartBox, steps: number, theme: Theme): void;
}

interface VisibleRun extends SeriesStyle {
  run: RunTrajectory;
  label: string;
}

interface RunCache {
  run: RunTrajectory;
  offset: number;
  actual: ColumnSummary;
  plan: ColumnSummary | null;
}

const MARGIN = { left: 46, right: 10, top: 20, bottom: 20 };
const DESCRIBE_EVERY_MS = 300;

export interface StepChart {
  invalidate(): void;
  resize(cssWidth: number, cssHeight: number): void;
  setOptions(patch: Partial<StepChartOptions>): void;
  refreshTheme(): void;
  /** The step under a client x coordinate (clamped to the race so far), or null outside the plot. */
  stepAt(clientX: number): number | null;
  destroy(): void;
}

export function createStepChart(canvas: HTMLCanvasElement, initial: StepChartOptions): StepChart {
  const ctx = canvas.getContext("2d")!;
  let options = initial;
  let theme: Theme = readTheme();
  let width = 0;
  let height = 0;
  let dpr = 1;
  let frame = 0;
  let caches = new Map<string, RunCache>();
  let cacheKey = "";
  let drawnKind: YScaleKind | null = null;
  let lastDescribed = 0;
  let describeTimer: ReturnType<typeof setTimeout> | null = null;

  const plotWidth = () => Math.max(1, Math.floor(width - MARGIN.left - MARGIN.right));
  const horizon = () => trajectories.steps || useStore.getState().experiment.steps;

  function cacheFor(run: RunTrajectory, offset: number, steps: number): RunCache {
    let c = caches.get(run.id);
    if (!c || c.run !== run || c.offset !== offset) {
      const plan = options.series.plan?.(run) ?? null;
      let planSummary: ColumnSummary | null = null;
      if (plan) {
        planSummary = new ColumnSummary(plotWidth(), steps);
        planSummary.add(plan, plan.length, offset);
      }
      c = { run, offset, actual: new ColumnSummary(plotWidth(), steps), plan: planSummary };
      caches.set(run.id, c);
    }
    c.actual.add(options.series.values(run), run.count, offset, options.series.newestPending);
    return c;
  }

  /** The visible runs with their summaries, the selected one last (drawn on top). */
  function visibleRuns(steps: number, offset: number): VisibleRun[] {
    const state = useStore.getState();
    const visible: VisibleRun[] = [];
    state.experiment.runs.forEach((spec, i) => {
      const run = trajectories.runs.get(spec.id);
      if (!run || spec.hidden) return;
      const cache = cacheFor(run, offset, steps);
      visible.push({ run, actual: cache.actual, plan: cache.plan, color: runColor(spec, i), label: spec.label ?? spec.id, selected: spec.id === state.selectedRunId });
    });
    return visible.sort((a, b) => Number(a.selected) - Number(b.selected));
  }

  /** The y scale for what is visible, telling the options when its kind flips. */
  function scaleFor(visible: readonly VisibleRun[], box: ChartBox): YScale {
    const { positive, all } = seriesExtent(visible.map((v) => ({ actual: v.actual, plan: v.plan, diverged: v.run.status === "diverged" })));
    const kind = options.scaleKind(positive.lo, all.hi);
    if (kind !== drawnKind) {
      drawnKind = kind;
      options.onScaleKind?.(kind);
    }
    const lo = kind === "log" ? positive.lo : Math.min(0, all.lo);
    const hi = kind === "log" ? positive.hi : all.hi;
    return yScale(kind, lo, hi, box.top, box.bottom, Math.max(2, Math.floor((box.bottom - box.top) / 34)));
  }

  /** Dots at each run's value on the cursor; returns "label value" readings for the description. */
  function paintReadings(visible: readonly VisibleRun[], s: number, cx: number, y: YScale, offset: number): string[] {
    const readings: string[] = [];
    for (const v of visible) {
      const value = options.series.valueAt(v.run, s) - offset;
      if (value !== value) continue;
      readings.push(`${v.label} ${formatMetric(value)}`);
      paintDot(ctx, cx, y.y(value), v.color, theme);
    }
    return readings;
  }

  /** Top right: the line key, or the step readout where it fits beside the axis label (narrow panels skip it). */
  function paintTopRight(yLabel: string, s: number): void {
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "right";
    ctx.textBaseline = "alphabetic";
    if (options.lineKey) return paintLineKey(ctx, width - MARGIN.right, 11, theme);
    const labelEnd = 4 + ctx.measureText(yLabel).width + 10;
    const readout = `step ${s.toLocaleString("en")}`;
    if (labelEnd + ctx.measureText(readout).width <= width - MARGIN.right) ctx.fillText(readout, width - MARGIN.right, 11);
  }

  function draw(): void {
    frame = 0;
    if (width <= 0 || height <= 0) return;
    const steps = horizon();
    const key = `${trajectories.generation}|${plotWidth()}|${steps}`;
    if (key !== cacheKey) {
      caches = new Map();
      cacheKey = key;
    }
    const offset = options.series.offset();
    const box: ChartBox = { left: MARGIN.left, top: MARGIN.top, width: plotWidth(), bottom: height - MARGIN.bottom };
    const visible = visibleRuns(steps, offset);
    const y = scaleFor(visible, box);
    const yLabel = options.yLabel(y.kind);

    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = `11px ${theme.font}`;
    ctx.lineWidth = 1;
    paintYGrid(ctx, y, box, theme);
    paintAxes(ctx, steps, box, yLabel, theme);
    paintSeries(ctx, visible, y, box);
    options.paintExtra?.(ctx, y, box, steps, theme);

    // The cursor at the shown step, with each run's value there.
    const scrub = useStore.getState().scrub;
    const s = Math.max(0, Math.min(scrub ?? trajectories.step, steps));
    const cx = Math.round(stepX(box, s, steps)) + 0.5;
    paintCursor(ctx, cx, box, scrub !== null, theme);
    const readings = paintReadings(visible, s, cx, y, offset);
    paintTopRight(yLabel, s);

    describeLater(
      `${options.quantity} by step, ${y.kind} scale, ${visible.length} run${visible.length === 1 ? "" : "s"}` +
        (visible.some((v) => v.plan) ? " (solid: steps taken; dashed: planned schedule)" : "") +
        `. At step ${s} of ${steps}: ${readings.join(", ") || "no values yet"}.`,
    );
  }

  let pendingText = "";
  function describeLater(text: string): void {
    pendingText = text;
    if (!options.describe || describeTimer) return;
    const wait = Math.max(0, lastDescribed + DESCRIBE_EVERY_MS - performance.now());
    describeTimer = setTimeout(() => {
      describeTimer = null;
      lastDescribed = performance.now();
      options.describe?.(pendingText);
    }, wait);
  }

  const chart: StepChart = {
    invalidate() {
      if (!frame) frame = requestAnimationFrame(draw);
    },
    resize(w, h) {
      dpr = window.devicePixelRatio || 1;
      width = w;
      height = h;
      canvas.width = Math.max(1, Math.round(w * dpr));
      canvas.height = Math.max(1, Math.round(h * dpr));
      chart.invalidate();
    },
    setOptions(patch) {
      options = { ...options, ...patch };
      caches = new Map();
      chart.invalidate();
    },
    refreshTheme() {
      theme = readTheme();
      chart.invalidate();
    },
    stepAt(clientX) {
      const r = canvas.getBoundingClientRect();
      const x = clientX - r.left - MARGIN.left;
      const pw = plotWidth();
      if (x < -MARGIN.left / 2 || x > pw + MARGIN.right) return null;
      const s = Math.round((Math.max(0, Math.min(pw, x)) / pw) * horizon());
      return Math.max(0, Math.min(s, trajectories.step));
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      if (describeTimer) clearTimeout(describeTimer);
      frame = 0;
    },
  };
  return chart;
}
