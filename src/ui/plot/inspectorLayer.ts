/**
 * The step inspector's arrows on the plot ("Arrows on plot"): for the inspected step of the
 * selected run, drawn from the point the step left (x_t, where the gradient was taken):
 * the descent direction −∇f, the gradient the optimizer got after clipping (dashed) and the
 * clipping radius around x_t, the momentum (−m or −b), all at one shared scale so their
 * lengths compare (the longest 70 px; with clipping on, the longest after clipping, so the
 * bound is visible, and a raw gradient far beyond it is cut at 175 px and the key says by
 * how much); and the update Δx at the plot's own scale (it ends
 * at the point the step produced), lengthened to stay visible when it is tiny, with the
 * factor in the legend. Follows the inspection, so it follows scrubbing.
 */
import { select, type Selection } from "d3-selection";
import type { Inspection, StepRecord } from "../../core/engine/inspect";
import { useInspector } from "../inspector/inspectorStore";
import { MOMENTUM_STATES } from "../inspector/stateSymbols";
import { toPxX, toPxY, type Frame } from "./frame";
import { haloColor } from "./theme";

/** Length of the longest gradient-like arrow. */
const ARROW_PX = 70;
/** A raw gradient beyond the clipping bound is cut at this length (the key gives the factor). */
const CUT_PX = 175;
/** An update shorter than this is drawn this long (and the legend says by how much). */
const MIN_UPDATE_PX = 16;

const COLORS = {
  light: { gradient: "#c0392b", momentum: "#6a3d9a", update: "#111111" },
  dark: { gradient: "#ff7b6b", momentum: "#c9a0ff", update: "#ffffff" },
};

interface Arrow {
  kind: "gradient" | "clipped" | "momentum" | "update";
  from: [number, number];
  /** In pixels. */
  dx: number;
  dy: number;
  color: string;
  dashed: boolean;
}

function momentumOf(r: StepRecord): readonly number[] | null {
  for (const name of MOMENTUM_STATES) {
    const s = r.state.find((e) => e.name === name);
    if (s && s.values.length === 2) return s.values;
  }
  return null;
}

export class InspectorLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly off: () => void;

  constructor(svg: SVGSVGElement, onChange: () => void) {
    this.root = select(svg).append("g").attr("class", "inspector-arrows").attr("aria-hidden", "true");
    this.off = useInspector.subscribe((s, p) => {
      if (s.arrows !== p.arrows || s.inspection !== p.inspection) onChange();
    });
  }

  draw(f: Frame, dark: boolean): void {
    const { arrows, inspection } = useInspector.getState();
    const g = this.root;
    g.selectAll("*").remove();
    g.attr("data-arrows", null);
    if (!arrows || !inspection || inspection.kind === "start") return;
    const r = inspection.record;
    const c = dark ? COLORS.dark : COLORS.light;
    const px = (p: readonly [number, number]): [number, number] => [toPxX(f, p[0]), toPxY(f, p[1])];
    const list: Arrow[] = [];

    // Gradient-like vectors share one scale: pixels per gradient unit (y flips on screen).
    const mom = momentumOf(r);
    const clip = inspection.clip;
    const bound = clip ? (clip.mode === "norm" ? clip.maxNorm : clip.clipValue) : 0;
    const momLength = mom ? Math.hypot(mom[0], mom[1]) : 0;
    const longest = clip ? Math.max(Math.hypot(...r.used), momLength, bound) : Math.max(Math.hypot(...r.gradient), momLength);
    const scale = longest > 0 && Number.isFinite(longest) ? ARROW_PX / longest : 0;
    const gradFrom = px(r.gradientAt);
    const from = px(r.from);
    let cut = 1;
    if (scale > 0) {
      const glen = Math.hypot(...r.gradient) * scale;
      cut = glen > CUT_PX ? glen / CUT_PX : 1;
      list.push({ kind: "gradient", from: gradFrom, dx: (-r.gradient[0] * scale) / cut, dy: (r.gradient[1] * scale) / cut, color: c.gradient, dashed: false });
      if (mom) list.push({ kind: "momentum", from, dx: -mom[0] * scale, dy: mom[1] * scale, color: c.momentum, dashed: false });
      // Dashed, over the momentum: Adam's m and the clipped gradient often nearly coincide.
      if (clip) list.push({ kind: "clipped", from: gradFrom, dx: -r.used[0] * scale, dy: r.used[1] * scale, color: c.gradient, dashed: true });
    }
    const to = px(r.to);
    let udx = to[0] - from[0];
    let udy = to[1] - from[1];
    const ulen = Math.hypot(udx, udy);
    const stretch = ulen > 0 && ulen < MIN_UPDATE_PX ? MIN_UPDATE_PX / ulen : 1;
    udx *= stretch;
    udy *= stretch;
    if (ulen > 0) list.push({ kind: "update", from, dx: udx, dy: udy, color: c.update, dashed: false });

    const halo = haloColor(dark);
    if (clip && scale > 0) {
      const radius = bound * scale;
      // Norm clipping bounds ‖g‖ by a circle (L2) or a square (∞-norm); value clipping bounds each coordinate: a square.
      const square = clip.mode === "value" || clip.normType === "inf";
      const shape = g.append<SVGElement>(square ? "rect" : "circle");
      if (square) shape.attr("x", gradFrom[0] - radius).attr("y", gradFrom[1] - radius).attr("width", 2 * radius).attr("height", 2 * radius);
      else shape.attr("cx", gradFrom[0]).attr("cy", gradFrom[1]).attr("r", radius);
      shape.attr("class", "inspector-clip").attr("fill", "none").attr("stroke", c.gradient).attr("stroke-width", 1.25).attr("stroke-dasharray", "3 3").attr("data-radius-px", radius.toFixed(2));
    }
    for (const a of list) {
      const len = Math.hypot(a.dx, a.dy);
      if (!(len > 0.5) || !Number.isFinite(len)) continue;
      const [x0, y0] = a.from;
      const x1 = x0 + a.dx;
      const y1 = y0 + a.dy;
      const ux = a.dx / len;
      const uy = a.dy / len;
      const head = Math.min(8, len * 0.45);
      const hx = x1 - ux * head;
      const hy = y1 - uy * head;
      const tip = `M${x1},${y1}L${hx - uy * head * 0.5},${hy + ux * head * 0.5}L${hx + uy * head * 0.5},${hy - ux * head * 0.5}Z`;
      const arrow = g.append("g").attr("class", `inspector-arrow inspector-${a.kind}`).attr("data-kind", a.kind);
      arrow.append("line").attr("x1", x0).attr("y1", y0).attr("x2", hx).attr("y2", hy).attr("stroke", halo).attr("stroke-width", 4.5).attr("stroke-linecap", "round");
      arrow.append("path").attr("d", tip).attr("fill", a.color).attr("stroke", halo).attr("stroke-width", 1.5).attr("paint-order", "stroke");
      arrow.append("line").attr("x1", x0).attr("y1", y0).attr("x2", hx).attr("y2", hy).attr("stroke", a.color).attr("stroke-width", 2).attr("stroke-dasharray", a.dashed ? "4 3" : null);
    }
    g.attr("data-arrows", list.map((a) => a.kind).join(" "));
    this.legend(inspection, list, stretch, cut, c, dark, f);
  }

  /** A small key in the plot's lower-left corner naming each arrow drawn. */
  private legend(inspection: Inspection, list: Arrow[], stretch: number, cut: number, c: (typeof COLORS)["light"], dark: boolean, f: Frame): void {
    const names: Record<Arrow["kind"], string> = {
      gradient: cut > 1 ? `−∇f (cut: ${cut.toPrecision(2)}× longer)` : "−∇f (scaled)",
      clipped: "−g after clipping",
      momentum: "−momentum (same scale)",
      update: stretch > 1 ? `update Δx (×${stretch.toPrecision(2)})` : "update Δx",
    };
    const rows = list.map((a) => ({ text: names[a.kind], color: a.color, dashed: a.dashed }));
    if (inspection.clip) rows.push({ text: "clipping bound", color: c.gradient, dashed: true });
    const h = rows.length * 15 + 8;
    const key = this.root.append("g").attr("class", "inspector-legend").attr("transform", `translate(8, ${f.height - h - 8})`);
    key.append("rect").attr("width", 172).attr("height", h).attr("rx", 4).attr("fill", dark ? "rgba(20,22,26,0.85)" : "rgba(255,255,255,0.88)");
    rows.forEach((row, i) => {
      const y = 12 + i * 15;
      key.append("line").attr("x1", 6).attr("x2", 24).attr("y1", y).attr("y2", y).attr("stroke", row.color).attr("stroke-width", 2).attr("stroke-dasharray", row.dashed ? "4 3" : null);
      key.append("text").attr("x", 30).attr("y", y + 4).attr("font-size", 11).attr("fill", dark ? "#e8e9ec" : "#1d1f23").text(row.text);
    });
  }

  destroy(): void {
    this.off();
    this.root.remove();
  }
}
