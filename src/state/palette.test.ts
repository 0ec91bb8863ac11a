import { describe, expect, it } from "vitest";
import { contrastRatio, parseColor } from "../ui/plot/color";
import { bandColor, haloColor } from "../ui/plot/theme";
import { nextColor, PALETTE, runColor, runDash, SOLID_COLOURS, swatchBackground } from "./palette";

/** WCAG 2.1 SC 1.4.11: graphical objects need 3:1 against adjacent colours. */
const NON_TEXT_FLOOR = 3;
const MAX_RUNS = 12;

const themes = [
  { name: "light", dark: false },
  { name: "dark", dark: true },
] as const;

/** Colours the contour scale takes over [from, to] of its range (bands pick from it by level). */
const contourColours = (dark: boolean, from = 0, to = 1) => Array.from({ length: 401 }, (_, i) => bandColor(from + ((to - from) * i) / 400, { dark }));

const minContrast = (colour: string, against: readonly string[]) => Math.min(...against.map((c) => contrastRatio(colour, c)));

describe("run colours", () => {
  it("give every one of the twelve allowed runs its own colour", () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(MAX_RUNS);
    expect(new Set(PALETTE.map((c) => c.toLowerCase())).size).toBe(PALETTE.length);
    const used: string[] = [];
    for (let i = 0; i < MAX_RUNS; i++) used.push(nextColor(used));
    expect(new Set(used).size).toBe(MAX_RUNS);
  });

  it("dash every colour past the eighth, each differently, and no solid one", () => {
    const dashes = PALETTE.map((c, i) => runDash({ color: c }, i).join(","));
    expect(dashes.slice(0, SOLID_COLOURS).every((d) => d === "")).toBe(true);
    const dashed = dashes.slice(SOLID_COLOURS);
    expect(dashed.every((d) => d !== "")).toBe(true);
    expect(new Set(dashed).size).toBe(dashed.length);
    // A palette colour keeps its dash wherever the run sits; a custom colour is dashed by place.
    expect(runDash({ color: PALETTE[9] }, 0)).toEqual(runDash({}, 9));
    expect(runDash({ color: "#123456" }, 3)).toEqual([]);
    expect(runDash({ color: "#123456" }, 8).length).toBeGreaterThan(0);
    expect(runColor({}, 13)).toBe(PALETTE[1]);
  });

  for (const { name, dark } of themes) {
    it(`keep ≥ 3:1 against the path casing in the ${name} theme`, () => {
      const halo = haloColor(dark);
      const ratios = PALETTE.map((c) => contrastRatio(c, halo));
      expect(Math.min(...ratios), PALETTE.map((c, i) => `${c} ${ratios[i].toFixed(2)}`).join(", ")).toBeGreaterThanOrEqual(NON_TEXT_FLOOR);
    });
  }

  it("keep ≥ 3:1 against every contour band of the light theme, casing or not", () => {
    const bands = contourColours(false);
    for (const c of PALETTE) expect(minContrast(c, bands), c).toBeGreaterThanOrEqual(NON_TEXT_FLOOR);
  });

  it("keep ≥ 3:1 against the dark theme's valleys; on its lighter walls the casing carries them", () => {
    // Valleys: the lowest quarter of the scale, where paths converge and spend most steps.
    for (const c of PALETTE) expect(minContrast(c, contourColours(true, 0, 0.25)), c).toBeGreaterThanOrEqual(NON_TEXT_FLOOR);
    // Higher up, some walls come within 3:1 of the darker run colours: there the line's
    // neighbour is its dark casing (pathLayer draws one under every path), measured here.
    const halo = haloColor(true);
    const weak = PALETTE.flatMap((c) => contourColours(true).filter((band) => contrastRatio(c, band) < NON_TEXT_FLOOR).map((band) => [c, band]));
    for (const [c] of weak) expect(contrastRatio(c, halo), c).toBeGreaterThanOrEqual(NON_TEXT_FLOOR);
  });

  it("are not grey on grey: the walls of both themes are tinted", () => {
    for (const { dark } of themes) {
      const [r, g, b] = parseColor(bandColor(1, { dark }));
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(10);
    }
  });
});

/**
 * Colour-vision deficiency simulation, Machado, Oliveira & Fernandes (2009), severity 1,
 * applied to linear RGB; distances are CIE76 ΔE*ab.
 */
const CVD: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const toLinear = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
function lab(colour: string, m: number[][]): number[] {
  const v = parseColor(colour).map(toLinear);
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * v[0] + row[1] * v[1] + row[2] * v[2])));
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const fx = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const fy = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const fz = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

describe("run colours under colour-vision deficiencies", () => {
  for (const [vision, m] of Object.entries(CVD)) {
    it(`stay ΔE ≥ 12 apart, pair by pair, with ${vision}`, () => {
      const labs = PALETTE.map((c) => lab(c, m));
      let worst = { d: Infinity, pair: "" };
      for (let i = 0; i < labs.length; i++)
        for (let j = i + 1; j < labs.length; j++) {
          const d = Math.hypot(labs[i][0] - labs[j][0], labs[i][1] - labs[j][1], labs[i][2] - labs[j][2]);
          if (d < worst.d) worst = { d, pair: `${PALETTE[i]} / ${PALETTE[j]}` };
        }
      expect(worst.d, worst.pair).toBeGreaterThanOrEqual(12);
    });
  }
});

describe("swatchBackground", () => {
  it("is the plain colour for a solid run, stripes in the dash pattern for a dashed one", () => {
    expect(swatchBackground("#0077bb", [])).toBe("#0077bb");
    expect(swatchBackground("#dd33cc", [8, 3, 2, 3])).toBe("repeating-linear-gradient(90deg, #dd33cc 0px 8px, transparent 8px 11px, #dd33cc 11px 13px, transparent 13px 16px)");
  });
});
