import { describe, expect, it, vi } from "vitest";

// A worker that has not loaded the formula compiler yet: the slot starts empty here.
vi.mock("../core/surfaces/formulaSupport", () => ({ formulaSupport: () => null, installFormulaSupport: () => {}, FORMULAS_LOADING: "loading" }));

const { gateFormulas } = await import("./formulaGate");
const { isFormula } = await import("../core/surfaces");

describe("gateFormulas", () => {
  it("handles built-in messages at once; one needing formulas waits for the compiler, and later ones wait behind it, in order", async () => {
    const handled: number[] = [];
    const gate = gateFormulas<{ id: number; surface: unknown }>((m) => isFormula(m.surface), (m) => handled.push(m.id));
    gate({ id: 1, surface: "bowl" });
    expect(handled).toEqual([1]);
    gate({ id: 2, surface: { expression: "x^2", domain: [[-1, 1], [-1, 1]] } });
    gate({ id: 3, surface: "bowl" });
    expect(handled).toEqual([1]);
    await vi.waitFor(() => expect(handled).toEqual([1, 2, 3]));
    gate({ id: 4, surface: "rosenbrock" });
    expect(handled).toEqual([1, 2, 3, 4]);
  });

  it("tells a typed surface from a name", () => {
    expect([isFormula("bowl"), isFormula({ expression: "x" }), isFormula(null)]).toEqual([false, true, false]);
  });
});
