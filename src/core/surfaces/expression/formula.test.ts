import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getSurface } from "..";
import { compileFormula } from "./compileFormula";
import { formulaSurface } from "./formulaSurface";
import { parseFormula } from "./parseFormula";

const FORMULAS = [
  "sin(x)*cos(y) + 0.1*(x^2 + y^2)",
  "log(1 + (1-x)^2 + 100*(y-x^2)^2)",
  "exp(-(x^2 + y^2)) * (x - y) + sqrt(1 + x^2 + y^2)",
  "tanh(x*y) + atan(x - 2y) + cosh(0.3x)",
  "x^4/4 - x^2 + 2y^2 + pi*e/10",
  "cbrt(2 + x^2) * sec(0.1 y) + log10(3 + y^2)",
];

/** Central difference with a step scaled to the point: error O(h²) ≈ 1e-10 relative. */
function fd(f: (x: number, y: number) => number, x: number, y: number): [number, number] {
  const hx = 1e-5 * Math.max(1, Math.abs(x));
  const hy = 1e-5 * Math.max(1, Math.abs(y));
  return [(f(x + hx, y) - f(x - hx, y)) / (2 * hx), (f(x, y + hy) - f(x, y - hy)) / (2 * hy)];
}

const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.max(1, Math.abs(a), Math.abs(b));

describe("typed formulas: values and derivatives", () => {
  const point = fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }));
  for (const text of FORMULAS)
    it(`${text}: the gradient and Hessian agree with finite differences`, () => {
      const c = compileFormula(text);
      if (!c.ok) throw new Error(c.error.message);
      const { f, grad, hessian } = c.formula;
      fc.assert(
        fc.property(point, ([x, y]) => {
          const g = new Float64Array(2);
          grad(x, y, g);
          const [gx, gy] = fd(f, x, y);
          expect(close(g[0], gx, 1e-6) && close(g[1], gy, 1e-6), `∇f(${x}, ${y}) = ${[...g]} vs ${[gx, gy]}`).toBe(true);
          const h = new Float64Array(3);
          hessian(x, y, h);
          const gradX = (u: number, v: number) => (grad(u, v, g), g[0]);
          const gradY = (u: number, v: number) => (grad(u, v, g), g[1]);
          const [hxx, hxy] = fd(gradX, x, y);
          const [, hyy] = fd(gradY, x, y);
          expect(close(h[0], hxx, 1e-5) && close(h[1], hxy, 1e-5) && close(h[2], hyy, 1e-5), `H(${x}, ${y}) = ${[...h]} vs ${[hxx, hxy, hyy]}`).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

  it("evaluates what it was typed as (spot values)", () => {
    const c = compileFormula("sin(x)*cos(y) + 0.1*(x^2 + y^2)");
    if (!c.ok) throw new Error(c.error.message);
    expect(c.formula.f(1, 2)).toBe(Math.sin(1) * Math.cos(2) + 0.1 * (1 + 4));
    expect(compileFormula("2x + 3y").ok && (compileFormula("2x + 3y") as { ok: true; formula: { f: (x: number, y: number) => number } }).formula.f(1, 2)).toBe(8);
  });

  it("a typed Rosenbrock has the built-in's gradient bit for bit", () => {
    const c = compileFormula("(1 - x)^2 + 100*(y - x^2)^2");
    if (!c.ok) throw new Error(c.error.message);
    const r = getSurface("rosenbrock")!;
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -2, max: 4, noNaN: true }), (x, y) => {
        c.formula.grad(x, y, a);
        r.grad(x, y, b);
        expect([...a]).toEqual([...b]);
        // f itself may round differently ((100·b)·b against 100·(b·b)); only the gradient moves a run.
        expect(Math.abs(c.formula.f(x, y) - r.f(x, y))).toBeLessThanOrEqual(4e-16 * Math.max(1, r.f(x, y)));
      }),
    );
  });
});

describe("typed formulas: minima found numerically", () => {
  it("finds the quartic's two minima and calls the lower one global (seed 003's trap, told truly)", () => {
    const s = formulaSurface({ expression: "0.1*x^4 - 3*x^2 + x + y^2", domain: [[-5, 5], [-3, 3]] });
    if (!s.ok) throw new Error(s.error.message);
    const [global, local] = s.surface.critical;
    expect(global.kind).toBe("global");
    expect(global.point[0]).toBeCloseTo(-3.9538, 4);
    expect(global.value).toBeCloseTo(-26.414, 3);
    expect(local.kind).toBe("local");
    expect(local.point[0]).toBeCloseTo(3.7868, 4);
    expect(s.surface.critical).toHaveLength(2);
  });
  it("finds Himmelblau's four global minima", () => {
    const s = formulaSurface({ expression: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", domain: [[-5, 5], [-5, 5]] });
    if (!s.ok) throw new Error(s.error.message);
    expect(s.surface.critical.map((c) => c.kind)).toEqual(["global", "global", "global", "global"]);
    const known = getSurface("himmelblau")!.critical.filter((c) => c.kind !== "saddle");
    for (const k of known) expect(s.surface.critical.some((c) => Math.hypot(c.point[0] - k.point[0], c.point[1] - k.point[1]) < 1e-6)).toBe(true);
  });
  it("uses the domain it is given, and its start or a default inside it", () => {
    const s = formulaSurface({ expression: "x^2 + y^2", domain: [[-2, 2], [-1, 3]], start: [1.5, 2.5] });
    expect(s.ok && s.surface.domain).toEqual({ x: [-2, 2], y: [-1, 3] });
    expect(s.ok && s.surface.start).toEqual([1.5, 2.5]);
    const d = formulaSurface({ expression: "x^2 + y^2", domain: [[-2, 2], [-1, 3]] });
    expect(d.ok && d.surface.start).toEqual([-1.2, -0.19999999999999996]);
  });
});

describe("typed formulas: hostile input is refused with a message and runs nothing", () => {
  const HOSTILE: [string, RegExp][] = [
    ["constructor", /unknown name "constructor"/],
    ["__proto__", /unknown name "__proto__"/],
    ["x.constructor", /property access \(a dot after a name\) is not allowed/],
    ['import("fs")', /strings are not allowed/],
    ["import(x)", /the function "import" is not allowed/],
    ["globalThis", /unknown name "globalThis"/],
    ["eval(x)", /the function "eval" is not allowed/],
    ["require(x)", /the function "require" is not allowed/],
    ["x = 1", /assignments and function definitions are not allowed/],
    ["f(x) = x^2", /assignments and function definitions are not allowed/],
    ['"abc"', /strings are not allowed/],
    ["'abc'", /strings are not allowed/],
    ["[1, 2]", /matrices and indexing are not allowed/],
    ["{a: 1}", /objects are not allowed/],
    ["x ? 1 : 2", /conditionals are not allowed/],
    ["1:3", /ranges are not allowed/],
    ["x; y", /only one expression is allowed/],
    ["x!", /factorials are not allowed/],
    ["x % 2", /modulo/],
    ["x & y", /unexpected "&"/],
    ["x".repeat(100_000), /is 100,000 characters long; at most 500/],
    ["(".repeat(5000) + "x" + ")".repeat(5000), /is 10,001 characters long/],
    ["(".repeat(40) + "x" + ")".repeat(40), /parentheses nest deeper than 32 levels/],
    ["x+".repeat(200) + "x", /too large: more than 400/],
    ["1e999 * x", /too large \(it overflows/],
    ["log(x, 2)", /takes exactly one argument/],
    ["sin x", /write sin\(…\) with parentheses/],
    ["x +", /ends too early/],
    ["", /is empty/],
    ["x\u2028+ y", /unexpected U\+2028/],
  ];
  for (const [text, message] of HOSTILE)
    it(`refuses ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`, () => {
      const marker = globalThis as { pwned?: unknown };
      const r = compileFormula(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
      expect(marker.pwned).toBeUndefined();
    });

  it("takes a long flat sum (the parser nests it 100 deep)", () => {
    const r = compileFormula(`${"x+".repeat(100)}y^2`);
    expect(r.ok && r.formula.f(1, 2)).toBe(104);
  });

  it("points at where the problem is", () => {
    expect(parseFormula("x^2 + foo(y)")).toMatchObject({ ok: false, error: { position: 7 } });
    expect(parseFormula("x^2 + y =")).toMatchObject({ ok: false, error: { position: 9 } });
    expect(parseFormula("1.5 * x.constructor")).toMatchObject({ ok: false, error: { position: 8 } });
    expect(parseFormula("(x + y")).toMatchObject({ ok: false, error: { message: expect.stringMatching(/\)/) } });
  });

  it("never throws, whatever the text (fast-check)", () => {
    const alphabet = fc.constantFrom(..."xy0123456789.+-*/^(),e pi sin cos log exp sqrt abs = \" [ ] { } ; : ? ! % & | ' ` __proto__ constructor".split(" "));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const r = compileFormula(parts.join(""));
        if (r.ok) {
          const v = r.formula.f(0.5, -0.25);
          expect(typeof v).toBe("number");
        } else expect(r.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
