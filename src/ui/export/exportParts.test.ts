import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitView } from "../plot/frame";
import { MARGINS } from "../plot/axes";
import { frameStep } from "./animationExport";
import { layoutExport, LEGEND_ROW, TITLE_HEIGHT } from "./exportLayout";
import { escapeXml, MAX_SVG_POINTS, strided } from "./svgExport";

describe("strided", () => {
  it("keeps at most max points, the first and the last always, in increasing order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 2, max: 6000 }), (from, count, max) => {
        const idx = strided(from, from + count, max);
        expect(idx.length).toBeLessThanOrEqual(max);
        expect(idx[0]).toBe(from);
        expect(idx[idx.length - 1]).toBe(from + count - 1);
        for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
        if (count <= max) expect(idx).toHaveLength(count);
      }),
    );
  });

  it("thins a 200,001-point run to MAX_SVG_POINTS", () => {
    expect(strided(0, 200_001)).toHaveLength(MAX_SVG_POINTS);
  });
});

describe("escapeXml", () => {
  it.each([
    ['<b>&"x"', "&lt;b&gt;&amp;&quot;x&quot;"],
    ["it's", "it&apos;s"],
    ["bell\u0007tab\tok", "belltab\tok"],
    ["Adam β₂", "Adam β₂"],
  ])("escapeXml(%j) is %j", (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });
});

describe("frameStep", () => {
  it("starts at step 0, ends at the head and never goes back", () => {
    const steps = Array.from({ length: 240 }, (_, k) => frameStep(k, 240, 5000));
    expect(steps[0]).toBe(0);
    expect(steps[239]).toBe(5000);
    expect(frameStep(300, 240, 5000)).toBe(5000);
    for (let k = 1; k < steps.length; k++) expect(steps[k]).toBeGreaterThanOrEqual(steps[k - 1]);
  });
});

describe("layoutExport", () => {
  const frame = fitView({ x: [-2, 2], y: [-1, 3] }, 600, 400);
  const thresholds = Array.from({ length: 20 }, (_, i) => 2 ** i);
  const run = (name: string) => ({ name, color: "#0077bb", dash: [] });
  // 7 px per character: a stand-in for canvas measureText.
  const measure = (t: string) => 7 * t.length;

  it("puts the plot box where the page does, under the title, with ticks inside the box", () => {
    const L = layoutExport(frame, thresholds, 21, [run("SGD")], measure);
    expect(L.width).toBe(MARGINS.left + 600 + MARGINS.right);
    expect(L.box).toEqual({ x: MARGINS.left, y: TITLE_HEIGHT + MARGINS.top, width: 600, height: 400 });
    expect(L.xTicks.map((t) => t.label)).toContain("0");
    for (const t of L.xTicks) expect(t.at).toBeGreaterThanOrEqual(0), expect(t.at).toBeLessThanOrEqual(600);
    for (const t of L.bar.ticks) expect(t.at).toBeGreaterThanOrEqual(0), expect(t.at).toBeLessThanOrEqual(L.bar.height);
    expect(L.height).toBe(L.box.y + 400 + MARGINS.bottom + 6 + LEGEND_ROW + 6);
  });

  it("wraps legend entries into rows that fit the width, every entry inside the image", () => {
    const names = Array.from({ length: 12 }, (_, i) => `Run number ${i + 1} with a long name`);
    const L = layoutExport(frame, thresholds, 21, names.map(run), measure);
    const rows = new Set(L.legend.map((e) => e.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const e of L.legend) expect(e.x + 34 + measure(e.name)).toBeLessThanOrEqual(L.width);
    expect(L.height).toBe(L.box.y + 400 + MARGINS.bottom + 6 + rows.size * LEGEND_ROW + 6);
  });
});
