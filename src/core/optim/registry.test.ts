/**
 * The optimizer registry, table-driven: every row below is derived from the registry
 * itself (or the PyTorch fixtures), so adding an optimizer adds its checks.
 */
import fc from "fast-check";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { defaultValues, inRange, type NumberParam, type ParamSpec } from "../params";
import { Race } from "../engine/race";
import { validateExperiment } from "../experiment";
import { optimizers, SurfaceObjective } from "./index";
import { getSurface } from "../surfaces";
import { ANALYTIC_ONLY, optimizersWithFixtures } from "../../testing/referenceCoverage";

const defs = Object.values(optimizers);
const table = defs.map((d) => [d.name, d] as const);
const isNumeric = (s: ParamSpec): s is NumberParam => s.kind === "number" || s.kind === "integer";

/** Optimizer names the PyTorch reference fixtures cover (tools/reference/fixtures). */
const covered = optimizersWithFixtures();
/** Steps that evaluate the function themselves (Newton's Hessian, L-BFGS's line search) need it. */
const objective = new SurfaceObjective(getSurface("bowl")!);

describe("optimizers registry", () => {
  it.each(table)("%s: has PyTorch (or seed) reference fixtures, or no torch counterpart and its own checks", (name) => {
    expect(covered.has(name) !== Object.hasOwn(ANALYTIC_ONLY, name), `no fixture case runs "${name}" (or it has both)`).toBe(true);
  });

  it.each(table)("%s: its defaults pass the experiment schema, and every numeric default lies in its own range", (name, def) => {
    const result = validateExperiment({ surface: "bowl", steps: 10, runs: [{ id: "r", optimizer: { name, ...defaultValues(def.params) } }] });
    expect(result.ok, result.ok ? "" : JSON.stringify(result.errors)).toBe(true);
    for (const [key, spec] of Object.entries(def.params)) {
      if (!isNumeric(spec)) continue;
      expect(inRange(spec, spec.default), `${name}.${key} default`).toBe(true);
      expect(spec.slider[0]).toBeLessThan(spec.slider[1]);
      if (spec.scale === "log") expect(spec.slider[0]).toBeGreaterThan(0);
    }
  });

  it.each(table)("%s: every parameter's symbol appears in the update rule it runs", (_name, def) => {
    for (const [key, spec] of Object.entries(def.params)) if (spec.symbol) expect(def.latex, `${key} (${spec.symbol})`).toContain(spec.symbol);
  });

  it.each(table)("%s: one time index: step t reads x_t and writes x_{t+1}, nothing indexed t − 1", (_name, def) => {
    expect(def.latex.match(/x_\{t\+1\} &\\leftarrow x_t/g)).toHaveLength(1);
    expect(def.latex).not.toMatch(/_\{t-1\}/);
    expect(def.latex).toMatch(/\\eta_[t0]/);
  });

  it.each(table)("%s: its update rule is valid KaTeX", (_name, def) => {
    const tex = `\\begin{aligned}${def.latex}\\end{aligned}`;
    expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
  });

  it.each(table)("%s: with a small lr, descends the bowl from (10, 1)", (name) => {
    const race = new Race({ surface: "bowl", steps: 300, runs: [{ id: name, optimizer: { name, lr: name === "adadelta" ? 1 : 0.01 } }] }).finish();
    const run = race.runs[0];
    expect(run.status).not.toBe("diverged");
    const loss = run.trace.loss;
    expect(loss[run.trace.count - 1]).toBeLessThan(loss[0]);
  });

  it.each(table)("%s: a step never allocates state it did not declare, and inspect() names the step count", (_name, def) => {
    const s = def.create(defaultValues(def.params), 2, objective);
    const x = new Float64Array([1, -1]);
    const g = new Float64Array([0.5, -0.25]);
    s.step(x, g, 0.01);
    const state = s.inspect();
    expect(state.t).toBe(1);
    for (const [key, v] of Object.entries(state)) if (key !== "t") expect(v, key).toBeInstanceOf(Float64Array);
  });

  /**
   * Never frozen silently: whatever gradient comes in (huge, infinite, NaN), after the step
   * the iterate has moved, or is itself not finite, or finite() reports dead state. This is
   * what lets the engine end such a run as diverged rather than "finished".
   */
  it.each(table)("%s: a step from any gradient leaves x moved, x non-finite, or finite() false", (name, def) => {
    const gradient = fc.oneof(
      fc.double({ min: 1e-3, max: 1e308, noNaN: true }),
      fc.double({ min: -1e308, max: -1e-3, noNaN: true }),
      fc.constantFrom(Infinity, -Infinity, NaN),
    );
    fc.assert(
      fc.property(gradient, gradient, fc.integer({ min: 1, max: 5 }), (g0, g1, steps) => {
        const s = def.create({ ...defaultValues(def.params), lr: 1e-3 }, 2, objective);
        const x = new Float64Array([1, 1]);
        for (let k = 0; k < steps; k++) {
          const before = [x[0], x[1]];
          s.step(x, new Float64Array([g0, g1]), 1e-3);
          const moved = x[0] !== before[0] || x[1] !== before[1];
          const blown = !Number.isFinite(x[0]) || !Number.isFinite(x[1]);
          if (blown || !s.finite()) return true;
          if (!moved) throw new Error(`${name}: x frozen at step ${k} with finite state for g = (${g0}, ${g1})`);
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it("PyTorch 1.13 defaults (the values in the torch.optim documentation)", () => {
    const d = (n: string) => defaultValues(optimizers[n].params);
    expect(d("sgd")).toEqual({ lr: 0.01, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 });
    expect(d("adam")).toEqual({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(d("adamw").weightDecay).toBe(0.01);
    expect(d("nadam")).toMatchObject({ lr: 2e-3, momentumDecay: 4e-3 });
    expect(d("adagrad")).toMatchObject({ lr: 0.01, eps: 1e-10, initialAccumulatorValue: 0, lrDecay: 0 });
    expect(d("rmsprop")).toMatchObject({ lr: 0.01, alpha: 0.99, eps: 1e-8, centered: false });
    expect(d("adadelta")).toMatchObject({ lr: 1, rho: 0.9, eps: 1e-6 });
    expect(d("rprop")).toMatchObject({ lr: 0.01, etaMinus: 0.5, etaPlus: 1.2, stepSizeMin: 1e-6, stepSizeMax: 50 });
    expect(d("asgd")).toMatchObject({ lr: 0.01, lambd: 1e-4, alpha: 0.75, t0: 1e6 });
    expect(d("adamax")).toMatchObject({ lr: 2e-3 });
    expect(d("radam")).toMatchObject({ lr: 1e-3 });
  });
});
