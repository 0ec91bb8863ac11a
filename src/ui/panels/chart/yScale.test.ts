import { describe, expect, it } from "vitest";
import { yScale } from "./yScale";

describe("yScale log ticks", () => {
  it("a loss falling to 1e-300 on a short chart gets a few labelled decades, not hundreds", () => {
    const y = yScale("log", 1e-300, 100, 20, 90, 2);
    expect(y.ticks.length).toBeGreaterThanOrEqual(2);
    expect(y.ticks.length).toBeLessThanOrEqual(4);
  });
  it("a few decades on a short chart still label every decade", () => {
    expect(yScale("log", 1e-3, 1, 20, 90, 2).ticks).toEqual([1e-3, 1e-2, 1e-1, 1]);
  });
});
