import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNumber, parseDecimal } from "./typedNumber";

const lr = { label: "Learning rate", kind: "number", min: 0, minExclusive: true } as const;
const steps = { label: "Steps", kind: "integer", min: 1, max: 200000 } as const;

describe("parseDecimal", () => {
  it("reads back String(v) of any finite double exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const r = parseDecimal(String(v));
        expect(r).toEqual({ value: v === 0 ? 0 : v });
        // -0 prints as "0": the sign of zero is the one thing String() loses.
        if ("value" in r && v !== 0) expect(Object.is(r.value, v)).toBe(true);
      }),
    );
  });

  it("reads toExponential and toFixed forms, with spaces around and a typographic minus", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: 0, max: 20 }), (v, d) => {
        expect(parseDecimal(` ${v.toExponential(d)} `)).toEqual({ value: Number(v.toExponential(d)) });
        if (Math.abs(v) < 1e20) expect(parseDecimal(v.toFixed(d))).toEqual({ value: Number(v.toFixed(d)) });
      }),
    );
    expect(parseDecimal("\u22120.5")).toEqual({ value: -0.5 });
    expect(parseDecimal(".5")).toEqual({ value: 0.5 });
    expect(parseDecimal("1.")).toEqual({ value: 1 });
    expect(parseDecimal("+3E-2")).toEqual({ value: 0.03 });
  });

  it("says what is wrong with the text", () => {
    expect(parseDecimal("1e309")).toEqual({ error: "is not a finite number" });
    expect(parseDecimal("-1e309")).toEqual({ error: "is not a finite number" });
    expect(parseDecimal("Infinity")).toEqual({ error: "is not a finite number" });
    expect(parseDecimal("5abc")).toEqual({ error: "is not a number" });
    expect(parseDecimal("1e")).toEqual({ error: "is not a number" });
    expect(parseDecimal("NaN")).toEqual({ error: "is not a number" });
    expect(parseDecimal("")).toEqual({ error: "is empty: type a number" });
    expect(parseDecimal("   ")).toEqual({ error: "is empty: type a number" });
    for (const t of ["0x10", "0b11", "0o17", "0X1f"]) expect(parseDecimal(t)).toEqual({ error: "is not allowed: only decimal numbers (like 0.01 or 1e-3)" });
  });

  it("refuses hex, binary, octal and any text with a character outside a decimal", () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom("0x", "0X", "0b", "0o"), (n, prefix) => {
        const digits = prefix.toLowerCase() === "0x" ? n.toString(16) : prefix === "0b" ? n.toString(2) : n.toString(8);
        expect("error" in parseDecimal(prefix + digits)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDecimal(s);
        const t = s.trim().replace(/^\u2212/, "-");
        if ("value" in r) {
          // Accepted text is made of a decimal's characters only, and means what Number() says.
          expect(t).toMatch(/^[+\-0-9.eE]+$/);
          expect(r.value).toBe(Number(t));
          expect(Number.isFinite(r.value)).toBe(true);
        }
      }),
    );
  });
});

describe("checkNumber", () => {
  it("names the field, quotes the text and says what is allowed", () => {
    expect(checkNumber(lr, "0.01")).toEqual({ value: 0.01 });
    expect(checkNumber(lr, "1e309")).toEqual({ error: 'Learning rate: "1e309" is not a finite number' });
    expect(checkNumber(lr, "5abc")).toEqual({ error: 'Learning rate: "5abc" is not a number' });
    expect(checkNumber(lr, "0x10")).toEqual({ error: 'Learning rate: "0x10" is not allowed: only decimal numbers (like 0.01 or 1e-3)' });
    expect(checkNumber(lr, "0")).toEqual({ error: 'Learning rate: "0" must be a number > 0' });
    expect(checkNumber(steps, "6.5")).toEqual({ error: 'Steps: "6.5" must be an integer ≥ 1 and ≤ 200000' });
    expect(checkNumber(steps, "6000")).toEqual({ value: 6000 });
  });

  it("accepts exactly the in-range values, for any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const r = checkNumber(steps, String(v));
        expect("value" in r).toBe(Number.isInteger(v) && v >= 1 && v <= 200000);
      }),
    );
  });

  it("cuts a long pasted text short in the message", () => {
    const r = checkNumber(lr, "x".repeat(10000));
    expect("error" in r && r.error.length).toBeLessThan(80);
  });
});
