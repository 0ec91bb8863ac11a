import { describe, expect, it } from "vitest";
import { clampPx, FAR_PX, fitView, frameRect, roundToPixel, toDataX, toDataY, toPxX, toPxY, transformFrame, translateTo } from "./frame";

describe("fitView", () => {
  it("keeps equal scales and widens the view along the box's longer side", () => {
    const f = fitView({ x: [-2.5, 2.5], y: [-1.5, 3.5] }, 1000, 500);
    expect(f.k).toBe(100);
    expect(frameRect(f)).toEqual({ x: [-5, 5], y: [-1.5, 3.5] });
  });

  it("widens y instead when the box is tall", () => {
    const r = frameRect(fitView({ x: [0, 2], y: [0, 1] }, 200, 400));
    expect(r.x).toEqual([0, 2]);
    expect(r.y[0]).toBeCloseTo(-1.5);
    expect(r.y[1]).toBeCloseTo(2.5);
  });

  it("is stable: fitting the rectangle a frame shows gives the same frame", () => {
    const f = fitView({ x: [-1, 3], y: [0.5, 0.7] }, 640, 480);
    const g = fitView(frameRect(f), 640, 480);
    expect(g.k).toBeCloseTo(f.k, 9);
    expect(g.x0).toBeCloseTo(f.x0, 9);
    expect(g.y1).toBeCloseTo(f.y1, 9);
  });
});

describe("toPx / toData", () => {
  it("puts the top-left corner at (0, 0) with y growing upwards in data", () => {
    const f = fitView({ x: [0, 4], y: [0, 2] }, 400, 200);
    expect([toPxX(f, 0), toPxY(f, 2)]).toEqual([0, 0]);
    expect([toPxX(f, 4), toPxY(f, 0)]).toEqual([400, 200]);
    expect([toDataX(f, 200), toDataY(f, 50)]).toEqual([2, 1.5]);
  });
});

describe("translateTo / clampPx", () => {
  const f = fitView({ x: [-2, 2], y: [-1, 3] }, 400, 400);

  it("places a point in view at its pixel position", () => {
    expect(translateTo(f, [0, 1])).toBe(`translate(${toPxX(f, 0)},${toPxY(f, 1)})`);
  });

  it("clamps what is drawn for a point far outside the domain (1e300) to a finite attribute", () => {
    expect(translateTo(f, [1e300, -1e300])).toBe(`translate(${FAR_PX},${FAR_PX})`);
    expect(translateTo(f, [-Number.MAX_VALUE, 1e300])).toBe(`translate(${-FAR_PX},${-FAR_PX})`);
    expect([clampPx(Infinity), clampPx(-Infinity), clampPx(12.5)]).toEqual([FAR_PX, -FAR_PX, 12.5]);
  });
});

describe("transformFrame", () => {
  const base = fitView({ x: [0, 10], y: [0, 10] }, 100, 100);

  it("with the identity is the base frame", () => {
    expect(transformFrame(base, { k: 1, x: 0, y: 0 })).toEqual(base);
  });

  it("maps screen = k · base + t, as d3-zoom does", () => {
    const t = { k: 2, x: -30, y: 10 };
    const f = transformFrame(base, t);
    for (const [x, y] of [
      [1, 2],
      [7.5, 3.25],
    ]) {
      expect(toPxX(f, x)).toBeCloseTo(t.k * toPxX(base, x) + t.x, 9);
      expect(toPxY(f, y)).toBeCloseTo(t.k * toPxY(base, y) + t.y, 9);
    }
  });
});

describe("roundToPixel", () => {
  it("keeps the digits one pixel resolves", () => {
    expect(roundToPixel(-1.2498731, 0.013)).toBe(-1.25);
    expect(roundToPixel(0.123456, 0.0004)).toBe(0.1235);
    expect(roundToPixel(1234.5678, 3)).toBe(1235);
  });
});
