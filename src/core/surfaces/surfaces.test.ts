import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getSurface, requireSurface, surfaceNames, surfaces, type Surface } from "./index";

const table = Object.values(surfaces).map((s) => [s.name, s] as const);

/** Deterministic, evenly spread points in the domain: the Halton sequence in bases 2 and 3. */
function haltonPoints(s: Surface, n: number): [number, number][] {
  const radical = (i: number, base: number) => {
    let r = 0;
    for (let f = 1 / base; i > 0; i = Math.floor(i / base), f /= base) r += f * (i % base);
    return r;
  };
  const [x0, x1] = s.domain.x;
  const [y0, y1] = s.domain.y;
  return Array.from({ length: n }, (_, i) => [
    x0 + (x1 - x0) * radical(i + 1, 2),
    y0 + (y1 - y0) * radical(i + 1, 3),
  ]);
}

/**
 * Points where a derivative is undefined (Ackley's cone tip). Finite differences skip the
 * point itself and shrink their step near it, since the curvature there grows like 1/distance;
 * `nearKinks` adds test points close to it on purpose.
 */
const kinks: Record<string, [number, number][]> = { ackley: [[0, 0]] };
const nearKinks: Record<string, [number, number][]> = {
  ackley: [[1e-3, 2e-3], [-5e-3, 2e-3], [2e-2, -1e-2]],
};
const kinkDistance = (name: string, x: number, y: number) =>
  Math.min(Infinity, ...(kinks[name] ?? []).map(([kx, ky]) => Math.hypot(x - kx, y - ky)));

const RTOL = 1e-6;

function expectClose(actual: number, expected: number, atol: number, what: string) {
  const tol = RTOL * Math.max(Math.abs(actual), Math.abs(expected)) + atol;
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`${what}: analytic ${actual} vs finite difference ${expected} (tolerance ${tol})`);
  }
}

describe.each(table)("surfaces.%s", (name, s) => {
  const points = [...haltonPoints(s, 300), ...(nearKinks[name] ?? [])].filter(
    ([x, y]) => kinkDistance(name, x, y) > 0,
  );
  const step = (x: number, y: number, t: number) =>
    1e-5 * Math.min(Math.max(1, Math.abs(t)), kinkDistance(name, x, y));
  const g = new Float64Array(2);
  const gp = new Float64Array(2);
  const gm = new Float64Array(2);
  const h = new Float64Array(3);

  it("grad(x, y) matches central differences of f", () => {
    for (const [x, y] of points) {
      s.grad(x, y, g);
      const hx = step(x, y, x);
      const hy = step(x, y, y);
      const fdx = (s.f(x + hx, y) - s.f(x - hx, y)) / (2 * hx);
      const fdy = (s.f(x, y + hy) - s.f(x, y - hy)) / (2 * hy);
      const atol = 1e-7 * Math.max(1, Math.abs(s.f(x, y)));
      expectClose(g[0], fdx, atol, `∂f/∂x at (${x}, ${y})`);
      expectClose(g[1], fdy, atol, `∂f/∂y at (${x}, ${y})`);
    }
  });

  it("hessian(x, y) matches central differences of grad", () => {
    for (const [x, y] of points) {
      s.grad(x, y, g);
      s.hessian(x, y, h);
      const atol = 1e-7 * Math.max(1, Math.abs(g[0]), Math.abs(g[1]));
      const hx = step(x, y, x);
      s.grad(x + hx, y, gp);
      s.grad(x - hx, y, gm);
      expectClose(h[0], (gp[0] - gm[0]) / (2 * hx), atol, `∂²f/∂x² at (${x}, ${y})`);
      expectClose(h[1], (gp[1] - gm[1]) / (2 * hx), atol, `∂²f/∂x∂y (from ∂f/∂y) at (${x}, ${y})`);
      const hy = step(x, y, y);
      s.grad(x, y + hy, gp);
      s.grad(x, y - hy, gm);
      expectClose(h[1], (gp[0] - gm[0]) / (2 * hy), atol, `∂²f/∂x∂y (from ∂f/∂x) at (${x}, ${y})`);
      expectClose(h[2], (gp[1] - gm[1]) / (2 * hy), atol, `∂²f/∂y² at (${x}, ${y})`);
    }
  });

  it("critical points are stationary, have their listed value and lie in the domain", () => {
    for (const c of s.critical) {
      const [x, y] = c.point;
      const scale = Math.max(1, Math.abs(c.value));
      s.grad(x, y, g);
      expect(Math.hypot(g[0], g[1]), `|∇f| at ${c.kind} (${x}, ${y})`).toBeLessThan(1e-9 * scale);
      expect(Math.abs(s.f(x, y) - c.value), `f at (${x}, ${y})`).toBeLessThanOrEqual(1e-9 * scale);
      expect(x).toBeGreaterThanOrEqual(s.domain.x[0]);
      expect(x).toBeLessThanOrEqual(s.domain.x[1]);
      expect(y).toBeGreaterThanOrEqual(s.domain.y[0]);
      expect(y).toBeLessThanOrEqual(s.domain.y[1]);
    }
  });

  it("critical points are distinct", () => {
    const keys = s.critical.map((c) => `${c.point[0].toFixed(6)},${c.point[1].toFixed(6)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("minima have a positive definite Hessian and saddles an indefinite one", () => {
    for (const c of s.critical) {
      s.hessian(c.point[0], c.point[1], h);
      const det = h[0] * h[2] - h[1] * h[1];
      if (c.kind === "saddle") expect(det, `det H at saddle ${c.point}`).toBeLessThan(0);
      else {
        expect(h[0], `∂²f/∂x² at minimum ${c.point}`).toBeGreaterThan(0);
        expect(det, `det H at minimum ${c.point}`).toBeGreaterThan(0);
      }
    }
  });

  it("global minima have the value floor, and no local minimum is lower", () => {
    const globals = s.critical.filter((c) => c.kind === "global");
    if (name !== "saddle") expect(globals.length).toBeGreaterThan(0);
    for (const c of globals) expect(c.value).toBe(s.floor);
    for (const c of s.critical) if (c.kind === "local") expect(c.value).toBeGreaterThan(s.floor);
  });

  it("f ≥ floor on a 101 × 101 grid over the domain", () => {
    const [x0, x1] = s.domain.x;
    const [y0, y1] = s.domain.y;
    for (let i = 0; i <= 100; i++) {
      for (let j = 0; j <= 100; j++) {
        const x = x0 + ((x1 - x0) * i) / 100;
        const y = y0 + ((y1 - y0) * j) / 100;
        const v = s.f(x, y);
        if (!(v >= s.floor)) expect.fail(`f(${x}, ${y}) = ${v} < floor ${s.floor}`);
      }
    }
  });

  it("start lies inside the domain, away from its edges and from any critical point", () => {
    const [x, y] = s.start;
    const mx = 0.02 * (s.domain.x[1] - s.domain.x[0]);
    const my = 0.02 * (s.domain.y[1] - s.domain.y[0]);
    expect(x).toBeGreaterThan(s.domain.x[0] + mx);
    expect(x).toBeLessThan(s.domain.x[1] - mx);
    expect(y).toBeGreaterThan(s.domain.y[0] + my);
    expect(y).toBeLessThan(s.domain.y[1] - my);
    s.grad(x, y, g);
    expect(Math.hypot(g[0], g[1])).toBeGreaterThan(1e-3);
  });

  it("has a display name, a LaTeX formula and a note", () => {
    expect(s.displayName.length).toBeGreaterThan(0);
    expect(s.latex.length).toBeGreaterThan(0);
    expect(s.note.length).toBeGreaterThan(20);
  });
});

describe("critical points against independent references (mpmath, 40 digits)", () => {
  const reference: [string, number, number, number][] = [
    ["quartic", -3.9537713245344415606, 0, -26.41379002346708],
    ["quartic", 3.7867942884047047883, 0, -18.669620757738212],
    ["quartic", 0.16697703612973677234, 0, 0.08341078120529545],
    ["himmelblau", -2.8051180869527448531, 3.1313125182505729658, 0],
    ["himmelblau", -3.7793102533777468919, -3.2831859912861694123, 0],
    ["himmelblau", 3.5844283403304917449, -1.8481265269644035535, 0],
    ["sixHumpCamel", 0.089842013100318062456, -0.7126564030207396334, -1.0316284534898774],
    ["sixHumpCamel", -1.703606714969980941, 0.79608356867262512314, -0.2154638243837184],
    ["sixHumpCamel", 1.6071047529201973852, 0.56865145488413135073, 2.1042503103112575],
    ["goldsteinPrice", -0.6, -0.4, 30],
    ["goldsteinPrice", 1.8, 0.2, 84],
    ["goldsteinPrice", 1.2, 0.8, 840],
    ["styblinskiTang", -2.9035340277711770951, -2.9035340277711770951, -78.33233140754282],
    ["styblinskiTang", 2.7468027709908369925, 2.7468027709908369925, -50.05889331056788],
  ];
  it.each(reference)("%s lists (%f, %f) with value %f", (name, x, y, value) => {
    const s = getSurface(name)!;
    const c = s.critical.find((p) => Math.hypot(p.point[0] - x, p.point[1] - y) < 1e-6);
    expect(c, `no critical point near (${x}, ${y})`).toBeDefined();
    expect(Math.abs(c!.point[0] - x)).toBeLessThan(1e-14 * Math.max(1, Math.abs(x)));
    expect(Math.abs(c!.point[1] - y)).toBeLessThan(1e-14 * Math.max(1, Math.abs(y)));
    expect(c!.value).toBeCloseTo(value, 12);
  });

  it("quartic: the global minimum is the left well, not x = 2", () => {
    const q = getSurface("quartic")!;
    const global = q.critical.find((c) => c.kind === "global")!;
    expect(global.point[0]).toBeLessThan(-3.9);
    expect(q.critical.find((c) => c.kind === "local")!.point[0]).toBeGreaterThan(3.7);
  });

  it.each([
    ["rastrigin", 1, 120, 0],
    ["styblinskiTang", 1, 3, 4],
    ["sixHumpCamel", 2, 4, 7],
    ["goldsteinPrice", 1, 3, 4],
    ["himmelblau", 4, 0, 4],
  ] as const)("%s lists %i global, %i local minima and %i saddles", (name, nGlobal, nLocal, nSaddle) => {
    const count = (kind: string) => getSurface(name)!.critical.filter((c) => c.kind === kind).length;
    expect([count("global"), count("local"), count("saddle")]).toEqual([nGlobal, nLocal, nSaddle]);
  });
});

describe("registry", () => {
  it("registers every surface defined in this folder, each once", async () => {
    const here = new URL("./", import.meta.url);
    const files = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts");
    const modules = await Promise.all(files.map((f) => import(/* @vite-ignore */ new URL(f, here).href) as Promise<Record<string, unknown>>));
    const defined = modules.flatMap((m) =>
      Object.values(m).filter((v): v is Surface => typeof v === "object" && v !== null && "f" in v && "grad" in v && "domain" in v),
    );
    expect(defined.length).toBeGreaterThan(0);
    for (const s of defined) expect(getSurface(s.name), `${s.name} is defined but not registered`).toBe(s);
    expect(new Set(defined.map((s) => s.name)).size, "two surfaces share a name").toBe(defined.length);
    // Besides this folder's surfaces, the two data surfaces (src/core/data), built from their seeded datasets.
    const data = Object.values(surfaces).filter((s) => s.batches).map((s) => s.name);
    expect(data).toEqual(["linearRegression", "logisticRegression"]);
    expect(new Set(surfaceNames)).toEqual(new Set([...defined.map((s) => s.name), ...data]));
  });

  it("requireSurface says why there is no surface: an unknown name, or what is wrong with a formula", () => {
    expect(requireSurface("bowl")).toBe(surfaces.bowl);
    expect(() => requireSurface("moon")).toThrow('unknown surface "moon"');
    expect(() => requireSurface({ expression: "x + foo(y)", domain: [[-1, 1], [-1, 1]] })).toThrow(/^the typed surface "x \+ foo\(y\)" the function "foo" is not allowed/);
  });

  it("getSurface(name) returns the entry, and undefined for unknown or inherited names", () => {
    expect(getSurface("rosenbrock")).toBe(surfaces.rosenbrock);
    expect(getSurface("nope")).toBeUndefined();
    expect(getSurface("toString")).toBeUndefined();
  });

  it("ackley at the origin: gradient 0 and a finite Hessian 2π²e·I", () => {
    const a = getSurface("ackley")!;
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    a.grad(0, 0, g);
    a.hessian(0, 0, h);
    expect(a.f(0, 0)).toBe(0);
    expect([...g]).toEqual([0, 0]);
    const c = 2 * Math.PI * Math.PI * Math.E;
    expect(h[0]).toBeCloseTo(c, 10);
    expect(Math.abs(h[1])).toBe(0);
    expect(h[2]).toBeCloseTo(c, 10);
  });
});
