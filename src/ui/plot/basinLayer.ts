/**
 * The basin map over the contours: each start of the map's grid coloured by the minimum it
 * reaches (or diverged / none), translucent, drawn at the map's own grid rectangle under the
 * current frame. So it follows a zoom or pan like the contours do (it is data in the plane,
 * not a picture of the screen); it shows only on the surface it was computed on, and the
 * panel's "Show basin map" box hides it.
 */
import { useTools, surfaceKeyOf, type BasinResult } from "../../state/toolsStore";
import { useStore } from "../../state/store";
import { BASIN_NONE } from "../../core/tools/grids";
import { basinColor, rgbOf } from "../tools/basinColors";
import { frameRect, toPxX, toPxY, type Frame, type Rect } from "./frame";

/** The rectangle the plot shows now (the view fitted to the plot's box): a new basin map covers it. */
let shown: Rect | null = null;
export const visibleRect = (): Rect | null => shown;

/** Opacity of the overlay: the contour lines stay readable under it. */
const ALPHA = 0.45;

export class BasinLayer {
  private image: { result: BasinResult; canvas: HTMLCanvasElement } | null = null;
  private readonly off: () => void;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    onChange: () => void,
  ) {
    this.off = useTools.subscribe((s, p) => {
      if (s.basin !== p.basin || s.basinShown !== p.basinShown) onChange();
    });
  }

  /** The map as an nx × ny image, row 0 (the lowest y) at the bottom, built once per result. */
  private imageOf(result: BasinResult): HTMLCanvasElement {
    if (this.image?.result === result) return this.image.canvas;
    const { nx, ny } = result.grid;
    const c = document.createElement("canvas");
    c.width = nx;
    c.height = ny;
    const g = c.getContext("2d")!;
    const data = g.createImageData(nx, ny);
    const rgb = new Map<number, [number, number, number]>();
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const code = result.cells[j * nx + i];
        let col = rgb.get(code);
        if (!col) rgb.set(code, (col = rgbOf(basinColor(code))));
        const o = ((ny - 1 - j) * nx + i) * 4;
        data.data[o] = col[0];
        data.data[o + 1] = col[1];
        data.data[o + 2] = col[2];
        // A start that ends near no minimum is only veiled: the contours under it stay readable.
        data.data[o + 3] = code === BASIN_NONE ? 70 : 255;
      }
    g.putImageData(data, 0, 0);
    this.image = { result, canvas: c };
    return c;
  }

  /** Draws onto the contour canvas, after the contours (its context draws in CSS pixels). */
  draw(f: Frame): void {
    shown = frameRect(f);
    const { basin, basinShown } = useTools.getState();
    if (!basin || !basinShown || basin.surfaceKey !== surfaceKeyOf(useStore.getState().experiment.surface)) {
      this.canvas.dataset.basin = "";
      return;
    }
    const ctx = this.canvas.getContext("2d")!;
    const { x, y } = basin.grid;
    ctx.save();
    ctx.globalAlpha = ALPHA;
    // Cells stay crisp squares when zoomed in: the map is a grid of starts, not a smooth field.
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.imageOf(basin), toPxX(f, x[0]), toPxY(f, y[1]), (x[1] - x[0]) * f.k, (y[1] - y[0]) * f.k);
    ctx.restore();
    this.canvas.dataset.basin = `${basin.grid.nx}x${basin.grid.ny}`;
  }

  destroy(): void {
    shown = null;
    this.off();
  }
}
