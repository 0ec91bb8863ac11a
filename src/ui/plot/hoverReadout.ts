/**
 * The readout under the plot (x, y, f, |∇f| at the pointer) and the crosshair that goes
 * with it. The pointer position is kept in box pixels, so a zoom under a still pointer
 * updates the numbers too.
 */
import { pointer } from "d3-selection";
import type { Surface } from "../../core/surfaces";
import { formatCoordinate, formatValue } from "../format";
import { toDataX, toDataY, type Frame } from "./frame";
import { drawCrosshair } from "./markers";

export interface ReadoutElements {
  x: HTMLElement;
  y: HTMLElement;
  f: HTMLElement;
  grad: HTMLElement;
}

export class HoverReadout {
  private at: [number, number] | null = null;
  private readonly grad = new Float64Array(2);
  private readonly dispose: () => void;

  constructor(
    private readonly overlay: SVGSVGElement,
    private readonly out: ReadoutElements,
    private readonly surface: () => Surface,
    private readonly frame: () => Frame,
  ) {
    const move = (e: PointerEvent) => {
      this.at = pointer(e, overlay) as [number, number];
      this.update(this.frame());
    };
    const leave = () => {
      this.at = null;
      this.update(this.frame());
    };
    overlay.addEventListener("pointermove", move);
    overlay.addEventListener("pointerleave", leave);
    this.dispose = () => {
      overlay.removeEventListener("pointermove", move);
      overlay.removeEventListener("pointerleave", leave);
    };
  }

  update(f: Frame): void {
    const r = this.out;
    if (!this.at) {
      r.x.textContent = r.y.textContent = r.f.textContent = r.grad.textContent = "–";
      drawCrosshair(this.overlay, f, null);
      return;
    }
    const surface = this.surface();
    const x = toDataX(f, this.at[0]);
    const y = toDataY(f, this.at[1]);
    surface.grad(x, y, this.grad);
    r.x.textContent = formatCoordinate(x, 1 / f.k);
    r.y.textContent = formatCoordinate(y, 1 / f.k);
    r.f.textContent = formatValue(surface.f(x, y));
    r.grad.textContent = formatValue(Math.hypot(this.grad[0], this.grad[1]));
    drawCrosshair(this.overlay, f, this.at);
  }

  destroy(): void {
    this.dispose();
  }
}
