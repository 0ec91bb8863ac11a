import { describe, expect, it } from "vitest";
import { inspectRun } from "../../core/engine/inspect";
import type { Experiment } from "../../core/experiment/types";
import { getOptimizer, optimizers } from "../../core/optim";
import { texNumber } from "../math/texNumber";
import { stateSymbol } from "./stateSymbols";
import { substitutedRows, texVec } from "./substitutedRule";

const exp = (name: string): Experiment => ({ surface: "himmelblau", start: [0.5, -1], steps: 10, runs: [{ id: "r", optimizer: { name, lr: 0.01 } }] });

describe("stateSymbol(name)", () => {
  it.each(Object.keys(optimizers))("%s: every state vector it keeps has a symbol of the rule", (name) => {
    const i = inspectRun(exp(name), "r", 3);
    if (i.kind === "start") throw new Error("expected a step");
    for (const s of [...i.record.state, ...i.record.derived]) expect(stateSymbol(s.name, name).tex, s.name).not.toContain(String.raw`\text{`);
  });
});

describe("substitutedRows(def, record)", () => {
  it("Adam: each quantity in the rule's symbols followed by the engine's numbers", () => {
    const i = inspectRun(exp("adam"), "r", 3);
    if (i.kind === "start") throw new Error("expected a step");
    const r = i.record;
    const rows = substitutedRows(getOptimizer("adam")!, r, false);
    const m = r.state.find((s) => s.name === "m")!.values;
    expect(rows).toContain(String.raw`m_{t+1} &= ${texVec(m)}`);
    expect(rows).toContain(String.raw`\eta_t &= ${texNumber(0.01)}`);
    expect(rows).toContain(String.raw`g_t &= ${texVec(r.used)}`);
    // The symbols the final step reads, threaded as for the rule: scale and den written in.
    const def = getOptimizer("adam")!;
    expect(rows).toContain(`${def.symbols.scale} &= ${texNumber(r.scale)}`);
    expect(rows).toContain(`${def.symbols.den} &= ${texVec(r.den!)}`);
    expect(rows.at(-2)).toBe(String.raw`&= ${texVec(r.to)}`);
    expect(rows.at(-1)).toBe(String.raw`\Delta x = x_{t+1} - x_t &= ${texVec(r.update)}`);
  });

  it("NAdam ends in a step of its own form: no scale/den rows, the new point written out", () => {
    const i = inspectRun(exp("nadam"), "r", 2);
    if (i.kind === "start") throw new Error("expected a step");
    expect(i.record.effective).toBeNull();
    const rows = substitutedRows(getOptimizer("nadam")!, i.record, false);
    expect(rows).toContain(String.raw`x_{t+1} &= ${texVec(i.record.to)}`);
  });
});
