/**
 * Colour arithmetic the plot needs: parse, mix, and the WCAG 2 relative luminance and
 * contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) the palette and the
 * contour scale are measured with.
 */

/** Parses "#rrggbb", "#rgb" or "rgb(r, g, b)" (what d3 interpolators return) into 0–255 channels. */
export function parseColor(c: string): [number, number, number] {
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const h = c.replace("#", "");
  const full = h.length === 3 ? h.replace(/./g, (d) => d + d) : h;
  const n = parseInt(full.slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `a` moved towards `b` by `amountOfB` (0: a, 1: b), channel by channel in sRGB. */
export function mix(a: string, b: string, amountOfB: number): string {
  const [r1, g1, b1] = parseColor(a);
  const [r2, g2, b2] = parseColor(b);
  const m = (p: number, q: number) => Math.round(p + (q - p) * amountOfB);
  return `rgb(${m(r1, r2)}, ${m(g1, g2)}, ${m(b1, b2)})`;
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
