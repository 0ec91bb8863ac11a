import { describe, expect, it } from "vitest";
import { getSurface } from "../../core/surfaces";
import type { Experiment } from "../../core/experiment/types";
import { fitView, frameRect } from "./frame";
import { CLICK_PX, domainRect, isClickGesture, MAX_ZOOM, MIN_ZOOM, roundRect, viewOf, zoomScaleExtent } from "./plotView";

const rosenbrock = getSurface("rosenbrock")!;
const exp = (view?: Experiment["view"]): Experiment => ({ surface: "rosenbrock", steps: 10, runs: [], ...(view ? { view } : {}) });

describe("viewOf", () => {
  it("is the experiment's view when it is a proper rectangle", () => {
    expect(viewOf(exp({ x: [-1, 1], y: [0, 2] }), rosenbrock)).toEqual({ x: [-1, 1], y: [0, 2] });
  });
  it("falls back to the surface's domain for no view, an empty one or a non-finite one", () => {
    const domain = domainRect(rosenbrock);
    for (const v of [undefined, { x: [1, 1], y: [0, 2] }, { x: [0, 1], y: [2, 0] }, { x: [0, Infinity], y: [0, 1] }] as Experiment["view"][])
      expect(viewOf(exp(v), rosenbrock)).toEqual(domain);
  });
});

describe("roundRect", () => {
  it("keeps five significant digits of the span", () => {
    expect(roundRect({ x: [-1.234567891, 2.345678912], y: [0.1000000001, 1.9] })).toEqual({ x: [-1.2346, 2.3457], y: [0.1, 1.9] });
  });
});

describe("zoomScaleExtent", () => {
  const domain = domainRect(rosenbrock);
  it("spans MIN_ZOOM to MAX_ZOOM of the domain when the base shows the domain", () => {
    const [lo, hi] = zoomScaleExtent(fitView(domain, 600, 400), domain);
    expect(lo).toBeCloseTo(MIN_ZOOM, 12);
    expect(hi).toBeCloseTo(MAX_ZOOM, 9);
  });
  it("shifts with the base's own zoom, so the limits stay relative to the domain", () => {
    const base = fitView(domain, 600, 400);
    const zoomed = fitView(frameRect({ ...base, k: base.k * 10 }), 600, 400);
    const [lo, hi] = zoomScaleExtent(zoomed, domain);
    expect(lo).toBeCloseTo(MIN_ZOOM / 10, 12);
    expect(hi).toBeCloseTo(MAX_ZOOM / 10, 9);
  });
});

describe("isClickGesture", () => {
  it("is a click within CLICK_PX without zooming, a pan beyond it or with any zoom", () => {
    expect(isClickGesture({ k: 1, x: 0, y: 0 })).toBe(true);
    expect(isClickGesture({ k: 1, x: 3, y: -2 })).toBe(true);
    expect(isClickGesture({ k: 1, x: CLICK_PX, y: 0.1 })).toBe(false);
    expect(isClickGesture({ k: 1.01, x: 0, y: 0 })).toBe(false);
  });
});
