import { describe, expect, it } from "vitest";
import { assignments, currentLrAssignment } from "./assignments";

describe("currentLrAssignment", () => {
  it("writes the step as η's subscript past step 0", () => {
    expect(currentLrAssignment({ t: 1200, lr: 0.005 }, 0.01)).toEqual({ key: "lrNow", tex: String.raw`\eta_{1200} = 0.005`, value: "0.005" });
  });

  it("leaves η at step 0 out when it is the base lr η₀ already listed", () => {
    expect(currentLrAssignment({ t: 0, lr: 0.01 }, 0.01)).toBeNull();
  });

  it("spells out step 0 when a warmup makes it differ from η₀", () => {
    const a = currentLrAssignment({ t: 0, lr: 0 }, 0.01)!;
    expect(a.value).toBe("0");
    expect(a.tex).toContain(String.raw`\text{at}\ t = 0`);
    expect(a.tex).not.toContain(String.raw`\eta_{0}`);
  });
});

describe("assignments", () => {
  it("lists the lr once, under the symbol the formulas give it", () => {
    const specs = { lr: { kind: "number", label: "Learning rate", symbol: "\\eta", default: 0.001, min: 0, scale: "log", slider: [1e-4, 1] } } as const;
    const out = assignments(specs, { lr: 0.01 }, { lr: String.raw`\eta_0` });
    expect(out).toEqual([{ key: "lr", tex: String.raw`\eta_0 = 0.01`, value: "0.01" }]);
  });
});
