/**
 * The theory line on the loss panel: on a quadratic surface, the loss gap f(x_t) − f* that
 * gradient descent and the heavy ball at their optimal settings (quadraticTheory) are
 * predicted to reach from the selected run's start, gap₀·ρ^(2t) with ρ = (κ−1)/(κ+1) and
 * (√κ−1)/(√κ+1): the distance shrinks by ρ per step, the loss gap, quadratic in it, by ρ².
 * For GD in two dimensions this is exact (both eigen-directions contract by ρ); for the heavy
 * ball it is the asymptotic rate (critically damped, its error also carries a factor t).
 */
import { resolveRun } from "../../core/engine/resolveRun";
import { getSurface } from "../../core/surfaces";
import type { Surface } from "../../core/surfaces/types";
import { quadraticTheory, theoryGap, type QuadraticTheory } from "../../core/tools/theory";
import { useStore } from "../../state/store";
import { formatMetric } from "../format";
import { stepX, type ChartBox } from "../panels/chart/chartPaint";
import type { YScale } from "../panels/chart/yScale";
import type { Theme } from "../theme";

const theories = new WeakMap<Surface, QuadraticTheory | null>();

/** The theory of the experiment's surface (null: not a quadratic), computed once per surface. */
export function currentTheory(): { theory: QuadraticTheory; surface: Surface } | null {
  const surface = getSurface(useStore.getState().experiment.surface);
  if (!surface) return null;
  if (!theories.has(surface)) theories.set(surface, quadraticTheory(surface));
  const theory = theories.get(surface)!;
  return theory ? { theory, surface } : null;
}

/** The two lines' labels, as the panel's text and the chart's key write them. */
export function theoryLabels(t: QuadraticTheory): { gd: string; heavyBall: string } {
  return { gd: `GD (κ−1)/(κ+1) = ${formatMetric(t.gd.rate)}`, heavyBall: `heavy ball (√κ−1)/(√κ+1) = ${formatMetric(t.heavyBall.rate)}` };
}

/** Paints both lines (dotted GD, dash-dot heavy ball) over the loss chart, clipped to its plot area, labelled with their rates. */
export function paintTheoryLines(ctx: CanvasRenderingContext2D, y: YScale, box: ChartBox, steps: number, theme: Theme): void {
  const current = currentTheory();
  if (!current || steps <= 0) return;
  const { theory, surface } = current;
  const state = useStore.getState();
  const e = state.experiment;
  const spec = e.runs.find((r) => r.id === state.selectedRunId) ?? e.runs[0];
  if (!spec) return;
  const [sx, sy] = resolveRun(spec, e).start;
  const fStar = Math.min(...surface.critical.filter((c) => c.kind === "global").map((c) => c.value));
  const gap0 = surface.f(sx, sy) - fStar;
  // The chart plots f − floor; f* may sit above the floor.
  const lift = fStar - surface.floor;
  if (!(gap0 > 0) || !Number.isFinite(lift)) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.bottom - box.top);
  ctx.clip();
  ctx.strokeStyle = theme.text;
  ctx.fillStyle = theme.text;
  ctx.lineWidth = 1.5;
  ctx.font = `10px ${theme.font}`;
  const lines = [
    { rate: theory.gd.rate, dash: [2, 3], label: `GD (κ−1)/(κ+1) = ${formatMetric(theory.gd.rate)}`, row: 0 },
    { rate: theory.heavyBall.rate, dash: [7, 3, 2, 3], label: `HB (√κ−1)/(√κ+1) = ${formatMetric(theory.heavyBall.rate)}`, row: 1 },
  ];
  for (const line of lines) {
    ctx.setLineDash(line.dash);
    ctx.beginPath();
    let started = false;
    // One vertex per pixel column (steps per column on long horizons), ending where the gap underflows.
    for (let px = 0; px <= box.width; px++) {
      const t = (px / box.width) * steps;
      const v = lift + theoryGap(gap0, line.rate, t);
      if (!(v > 0) && y.kind === "log") break;
      const py = y.y(v);
      if (started) ctx.lineTo(stepX(box, t, steps), py);
      else ctx.moveTo(stepX(box, t, steps), py);
      started = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.textAlign = "right";
    ctx.textBaseline = "bottom";
    // A halo in the panel's colour keeps the label readable where a line passes under it.
    const [lx, ly] = [box.left + box.width - 2, box.bottom - 2 - 12 * (1 - line.row)];
    ctx.strokeStyle = theme.surface;
    ctx.lineWidth = 3;
    ctx.strokeText(line.label, lx, ly);
    ctx.fillText(line.label, lx, ly);
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = 1.5;
  }
  ctx.restore();
}
