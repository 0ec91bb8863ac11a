import { describe, expect, it } from "vitest";
import { formatCoordinate, formatCount, formatLevels, formatMetric, formatParam, formatPoint, formatRange, formatValue } from "./format";

describe("formatParam", () => {
  const log = { kind: "number", scale: "log" } as const;
  const linear = { kind: "number", scale: "linear" } as const;

  it("writes log-scale values in the shortest exponent form once small or large, others plainly", () => {
    expect([formatParam(log, 0.001), formatParam(log, 0.05), formatParam(log, 1e6), formatParam(log, 1.25e-7)]).toEqual(["1.0e-3", "0.05", "1.0e6", "1.25e-7"]);
    expect([formatParam(linear, 0.9), formatParam(linear, 0.999), formatParam(linear, 1e-5)]).toEqual(["0.9", "0.999", "1.0e-5"]);
    expect(formatParam({ kind: "integer", scale: "linear" }, 5000)).toBe("5000");
  });

  it("reads back as the same number (what a typed box shows can be typed back)", () => {
    for (const v of [0.001, 3e-4, 0.123456, 1234.5, 2.5e-9, 7.77e12, -0.0042]) expect(Number(formatParam(log, v))).toBe(v);
  });
});

describe("formatMetric", () => {
  it("gives three significant digits, two beside an exponent far from 1", () => {
    expect([formatMetric(0.0123456), formatMetric(0.96749), formatMetric(1.234e-19), formatMetric(456_000), formatMetric(0)]).toEqual([
      "0.0123", "0.967", "1.2e-19", "4.6e5", "0",
    ]);
  });
  it("names what is not a number", () => {
    expect([formatMetric(NaN), formatMetric(Infinity), formatMetric(-Infinity)]).toEqual(["NaN", "∞", "−∞"]);
  });
});

describe("formatCount / formatValue / formatCoordinate / formatPoint / formatRange", () => {
  it("write counts with separators, readouts to four digits, coordinates to what a pixel resolves", () => {
    expect(formatCount(200000)).toBe("200,000");
    expect([formatValue(3.14159265), formatValue(2.5e-7), formatValue(123456)]).toEqual(["3.142", "2.5e-7", "1.235e5"]);
    expect([formatCoordinate(-1.23456, 0.01), formatCoordinate(2, 0.5)]).toEqual(["−1.23", "2.0"]);
    expect(formatPoint([-2, 2])).toBe("(−2, 2)");
    expect(formatRange([-2.5, 2.5])).toBe("−2.5 to 2.5");
    expect(formatPoint([-1.23456, 0.5])).toBe("(−1.235, 0.5)");
  });

  it("write far coordinates in exponent form (a start typed at 1e300 is not three hundred digits)", () => {
    expect(formatPoint([1e300, -2e-7])).toBe("(1e300, −2e-7)");
    expect(formatRange([-5e6, 5e6])).toBe("−5e6 to 5e6");
    expect(formatPoint([123456, 1.5e7])).toBe("(123500, 1.5e7)");
  });
});

describe("formatLevels", () => {
  it("uses two significant digits when they tell the levels apart", () => {
    expect(formatLevels([0.34, 2.9, 76, 5900, 88000])).toEqual(["0.34", "2.9", "76", "5900", "8.8e4"]);
  });
  it("adds digits where neighbours would read the same (levels just above a negative floor)", () => {
    const labels = formatLevels([-26.4137, -26.41, -26.39, -26.2, -25]);
    expect(new Set(labels).size).toBe(5);
    expect(labels[4]).toBe("−25");
  });
});
