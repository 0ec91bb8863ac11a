import { rgb } from "d3-color";

/**
 * Colour arithmetic the plot needs: the WCAG 2 relative luminance and
 * contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) the palette and the
 * contour scale are measured with.
 */

/** A colour's 0–255 channels (any CSS colour d3-color reads: "#rrggbb", "#rgb", "rgb(r, g, b)"). */
export function parseColor(c: string): [number, number, number] {
  const { r, g, b } = rgb(c);
  return [r, g, b];
}

const linear = (v: number) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(c: string): number {
  const [r, g, b] = parseColor(c);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio, 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
