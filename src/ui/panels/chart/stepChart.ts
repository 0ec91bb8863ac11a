/**
 * A canvas chart of one per-step quantity for every visible run (lr, loss), with a
 * cursor at the shown step. It reads the trajectories and the store directly and draws
 * at most once per animation frame when something changed: racing data never goes
 * through React. Each run's series is summarised per pixel column (ColumnSummary), so
 * a frame costs the canvas width per run however long the race is.
 */
import { ticks } from "d3-array";
import { format } from "d3-format";
import { runColor } from "../../../state/palette";
import { useStore } from "../../../state/store";
import { trajectories, type RunTrajectory } from "../../../state/trajectories";
import { formatMetric } from "../../format";
import { ColumnSummary } from "./columnSummary";
import { readTheme, type Theme } from "../../theme";
import { yScale, type YScale, type YScaleKind } from "./yScale";

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
}

interface RunCache {
  run: RunTrajectory;
  offset: number;
  actual: ColumnSummary;
  plan: ColumnSummary | null;
}

const MARGIN = { left: 46, right: 10, top: 20, bottom: 20 };
const formatStep = format("~s");
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

  function trace(s: ColumnSummary, y: YScale): void {
    const x0 = MARGIN.left + 0.5;
    let started = false;
    for (let c = 0; c < s.width; c++) {
      const f = s.first[c];
      if (f !== f) continue;
      const x = x0 + c;
      if (started) ctx.lineTo(x, y.y(f));
      else {
        ctx.moveTo(x, y.y(f));
        started = true;
      }
      ctx.lineTo(x, y.y(s.min[c]));
      ctx.lineTo(x, y.y(s.max[c]));
      ctx.lineTo(x, y.y(s.last[c]));
    }
  }

  function draw(): void {
    frame = 0;
    if (width <= 0 || height <= 0) return;
    const state = useStore.getState();
    const steps = horizon();
    const key = `${trajectories.generation}|${plotWidth()}|${steps}`;
    if (key !== cacheKey) {
      caches = new Map();
      cacheKey = key;
    }
    const offset = options.series.offset();
    const visible: { cache: RunCache; color: string; label: string; selected: boolean }[] = [];
    state.experiment.runs.forEach((spec, i) => {
      const run = trajectories.runs.get(spec.id);
      if (!run || spec.hidden) return;
      visible.push({
        cache: cacheFor(run, offset, steps),
        color: runColor(spec, i),
        label: spec.label ?? spec.id,
        selected: spec.id === state.selectedRunId,
      });
    });
    // Selected run last, so it is drawn on top.
    visible.sort((a, b) => Number(a.selected) - Number(b.selected));

    // A diverged run's values (a loss of 1e61) would flatten every other curve: the axis
    // follows the runs still on the surface, and the diverged one leaves through the top.
    const someAlive = visible.some((v) => v.cache.run.status !== "diverged" && v.cache.actual.next > 0);
    const positive = { lo: Infinity, hi: -Infinity };
    const all = { lo: Infinity, hi: -Infinity };
    for (const v of visible) {
      const summaries = someAlive && v.cache.run.status === "diverged" ? [] : [v.cache.actual];
      if (v.cache.plan) summaries.push(v.cache.plan);
      for (const s of summaries) {
        s.extent(positive, true);
        s.extent(all, false);
      }
    }
    const kind = options.scaleKind(positive.lo, all.hi);
    if (kind !== drawnKind) {
      drawnKind = kind;
      options.onScaleKind?.(kind);
    }
    const top = MARGIN.top;
    const bottom = height - MARGIN.bottom;
    const pw = plotWidth();
    const lo = kind === "log" ? positive.lo : Math.min(0, all.lo);
    const y = yScale(kind, lo, kind === "log" ? positive.hi : all.hi, top, bottom, Math.max(2, Math.floor((bottom - top) / 34)));

    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = `11px ${theme.font}`;
    ctx.lineWidth = 1;

    // Grid and y ticks.
    ctx.strokeStyle = theme.border;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    ctx.beginPath();
    for (const t of y.ticks) {
      const py = Math.round(y.y(t)) + 0.5;
      if (py < top - 1 || py > bottom + 1) continue;
      ctx.moveTo(MARGIN.left, py);
      ctx.lineTo(MARGIN.left + pw, py);
      ctx.fillText(y.format(t), MARGIN.left - 5, py);
    }
    ctx.stroke();

    // x axis and ticks.
    const xOf = (s: number) => MARGIN.left + (steps > 0 ? (s / steps) * pw : 0);
    ctx.strokeStyle = theme.muted;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, bottom + 0.5);
    ctx.lineTo(MARGIN.left + pw, bottom + 0.5);
    ctx.moveTo(MARGIN.left - 0.5, top);
    ctx.lineTo(MARGIN.left - 0.5, bottom);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const xt = steps > 0 ? ticks(0, steps, Math.max(2, Math.floor(pw / 60))) : [0];
    for (const t of xt) {
      const px = Math.round(xOf(t)) + 0.5;
      ctx.moveTo(px, bottom);
      ctx.lineTo(px, bottom + 4);
      ctx.fillText(formatStep(t), Math.min(px, MARGIN.left + pw - 8), bottom + 5);
    }
    ctx.stroke();
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.fillText(options.yLabel(kind), 4, 11);
    ctx.textBaseline = "top";
    ctx.fillText("step", 4, bottom + 5);

    // Series: planned schedules dashed underneath, then what was run, solid.
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, top - 3, pw + 1, bottom - top + 6);
    ctx.clip();
    ctx.lineJoin = "round";
    ctx.setLineDash([4, 3]);
    ctx.globalAlpha = 0.7;
    for (const v of visible) {
      if (!v.cache.plan) continue;
      ctx.strokeStyle = v.color;
      ctx.lineWidth = 1.25;
      ctx.beginPath();
      trace(v.cache.plan, y);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    for (const v of visible) {
      ctx.strokeStyle = v.color;
      ctx.lineWidth = v.selected ? 2.25 : 1.5;
      ctx.beginPath();
      trace(v.cache.actual, y);
      ctx.stroke();
    }
    ctx.restore();

    // Cursor at the shown step, with each run's value there.
    const live = trajectories.step;
    const s = Math.max(0, Math.min(state.scrub ?? live, steps));
    const cx = Math.round(xOf(s)) + 0.5;
    ctx.strokeStyle = state.scrub === null ? theme.muted : theme.text;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(cx, top - 2);
    ctx.lineTo(cx, bottom);
    ctx.stroke();
    const readings: string[] = [];
    for (const v of visible) {
      const value = options.series.valueAt(v.cache.run, s) - offset;
      if (value !== value) continue;
      readings.push(`${v.label} ${formatMetric(value)}`);
      ctx.fillStyle = v.color;
      ctx.strokeStyle = theme.surface;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(cx, y.y(value), 3.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = theme.muted;
    ctx.textAlign = "right";
    ctx.textBaseline = "alphabetic";
    const labelEnd = 4 + ctx.measureText(options.yLabel(kind)).width + 10;
    if (options.lineKey) drawLineKey(width - MARGIN.right, 11);
    else {
      // The step readout only where it fits beside the axis label (narrow panels skip it).
      const readout = `step ${s.toLocaleString("en")}`;
      if (labelEnd + ctx.measureText(readout).width <= width - MARGIN.right) ctx.fillText(readout, width - MARGIN.right, 11);
    }

    describeLater(
      `${options.quantity} by step, ${kind} scale, ${visible.length} run${visible.length === 1 ? "" : "s"}` +
        (visible.some((v) => v.cache.plan) ? " (solid: steps taken; dashed: planned schedule)" : "") +
        `. At step ${s} of ${steps}: ${readings.join(", ") || "no values yet"}.`,
    );
  }

  /** "── run  ╌╌ plan", right-aligned at (right, baseline). */
  function drawLineKey(right: number, baseline: number): void {
    const planW = ctx.measureText("plan").width;
    const runW = ctx.measureText("run").width;
    const sample = 14;
    const planX = right - planW - 4 - sample;
    const runX = planX - 10 - runW - 4 - sample;
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(runX, baseline - 4);
    ctx.lineTo(runX + sample, baseline - 4);
    ctx.stroke();
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    ctx.moveTo(planX, baseline - 4);
    ctx.lineTo(planX + sample, baseline - 4);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.textAlign = "left";
    ctx.fillText("run", runX + sample + 4, baseline);
    ctx.fillText("plan", planX + sample + 4, baseline);
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
