import { describe, expect, it } from "vitest";
import { ColumnSummary } from "./columnSummary";
import { seriesExtent } from "./yScale";

const summary = (values: number[]) => {
  const s = new ColumnSummary(10, values.length - 1);
  s.add(Float64Array.from(values), values.length);
  return s;
};

describe("seriesExtent", () => {
  it("spans every value, and only the positive ones for a log axis", () => {
    const { positive, all } = seriesExtent([{ actual: summary([0, 0.5, 2, -1]), plan: null, diverged: false }]);
    expect(all).toEqual({ lo: -1, hi: 2 });
    expect(positive).toEqual({ lo: 0.5, hi: 2 });
  });

  it("leaves a diverged run out while another is still on the surface, but keeps every plan", () => {
    const alive = { actual: summary([3, 2, 1]), plan: null, diverged: false };
    const blewUp = { actual: summary([3, 1e61]), plan: summary([0.01, 0.005]), diverged: true };
    expect(seriesExtent([alive, blewUp]).all).toEqual({ lo: 0.005, hi: 3 });
  });

  it("follows the diverged runs when every run diverged (nothing else to show)", () => {
    const a = { actual: summary([3, 1e61]), plan: null, diverged: true };
    const b = { actual: summary([1, 1e30]), plan: null, diverged: true };
    expect(seriesExtent([a, b]).all).toEqual({ lo: 1, hi: 1e61 });
  });
});
