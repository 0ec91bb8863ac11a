import { beforeEach, describe, expect, it } from "vitest";
import { validateExperiment } from "../core/experiment";
import { compileSurface, type FormulaRef } from "../core/surfaces";
import { defaultExperiment } from "./defaults";
import { useStore } from "./store";

const state = () => useStore.getState();
const wave: FormulaRef = { expression: "sin(x)*cos(y) + 0.1*(x^2 + y^2)", domain: [[-4, 4], [-4, 4]] };

beforeEach(() => useStore.setState({ ...useStore.getState(), lastFormula: null, experiment: defaultExperiment() }));

describe("setSurface with a typed formula", () => {
  it("races the formula from its default start, the view reset to its domain, and remembers it", () => {
    state().setView({ x: [0, 1], y: [0, 1] });
    state().setStart([0.5, 0.5], false);
    expect(state().setSurface(wave)).toBeNull();
    const e = state().experiment;
    expect(e.surface).toEqual(wave);
    expect(e.view).toBeUndefined();
    // A fifth of the way in from the lower-left corner of [-4, 4]².
    expect(e.start).toEqual([-2.4, -2.4]);
    expect(e.runs.every((r) => r.start === undefined)).toBe(true);
    expect(state().lastFormula).toEqual(wave);
    expect(validateExperiment(e).ok).toBe(true);
  });

  it("keeps starts inside the domain, and the view, while the formula is edited; a new domain resets what falls outside", () => {
    state().setSurface(wave);
    state().setStart([1, 1], true);
    state().selectRun("adam");
    state().setStart([3.5, 3.5], false);
    state().setView({ x: [-1, 1], y: [-1, 1] });

    expect(state().setSurface({ ...wave, expression: "x^2 + y^2" })).toBeNull();
    let e = state().experiment;
    expect(e.start).toEqual([1, 1]);
    expect(e.runs.find((r) => r.id === "adam")!.start).toEqual([3.5, 3.5]);
    expect(e.view).toEqual({ x: [-1, 1], y: [-1, 1] });

    expect(state().setSurface({ expression: "x^2 + y^2", domain: [[-3, 3], [-2, 2]] })).toBeNull();
    e = state().experiment;
    expect(e.view).toBeUndefined();
    expect(e.start).toEqual([1, 1]);
    // (3.5, 3.5) is outside [-3, 3] × [-2, 2]: the run goes back to the shared start.
    expect(e.runs.find((r) => r.id === "adam")!.start).toBeUndefined();
  });

  it("refuses a formula that does not compile, saying where, and keeps the surface", () => {
    state().setSurface(wave);
    const before = state().experiment;
    expect(state().setSurface({ ...wave, expression: "x^2 + constructor" })).toMatch(/^at character 7: .*constructor/);
    expect(state().setSurface({ ...wave, expression: 'eval("window.pwned=1")' })).toMatch(/^at character \d+: /);
    expect(state().experiment).toBe(before);
  });

  it("refuses a formula undefined at the start (log of a negative x) with the start and the value", () => {
    state().setSurface(wave);
    const before = state().experiment;
    expect(state().setSurface({ ...wave, expression: "log(x) + y^2" })).toBe(
      "is not defined at the start (-2.4, -2.4): it gives NaN there. Change the formula, or the domain (runs start a fifth of the way in from its lower-left corner)",
    );
    expect(state().experiment).toBe(before);
    // On a domain where x > 0 it is fine.
    expect(state().setSurface({ expression: "log(x) + y^2", domain: [[0.5, 4], [-2, 2]] })).toBeNull();
  });

  it("going back to a built-in resets every start to the built-in's, as between built-ins", () => {
    state().setSurface(wave);
    state().selectRun("sgd");
    state().setStart([2, 2], false);
    expect(state().setSurface("rosenbrock")).toBeNull();
    const e = state().experiment;
    expect(e.surface).toBe("rosenbrock");
    expect(e.start).toEqual([-2, 2]);
    expect(e.runs.every((r) => r.start === undefined)).toBe(true);
    expect(state().lastFormula).toEqual(wave);
    expect(state().setSurface("toString")).toBe('unknown surface "toString"');
  });
});

describe("compiling a typed surface is quick enough for the page's main thread", () => {
  it("compiles the README's example (derivatives, minima) in under 50 ms once warm", () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A new domain each time: compileSurface caches by formula and domain.
      const ref: FormulaRef = { expression: wave.expression, domain: [[-4 - i, 4], [-4, 4]] };
      const t = performance.now();
      expect(compileSurface(ref).ok).toBe(true);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(50);
  });
});
