import { describe, expect, it } from "vitest";
import { Race } from "../core/engine/race";
import { runExperiment } from "../core/engine/output";
import type { Experiment } from "../core/experiment/types";
import { writeRaceJson } from "./writeJson";

function written(exp: Experiment, summary = false): string {
  let text = "";
  writeRaceJson((chunk) => (text += chunk), new Race(exp, { trace: !summary }).finish(), summary);
  return text;
}

describe("writeRaceJson", () => {
  it("writes what runExperiment returns, in the same shape", () => {
    const exp: Experiment = { surface: "himmelblau", steps: 300, runs: [{ id: "a", optimizer: { name: "adam", lr: 0.05 } }, { id: "s", optimizer: { name: "sgd", lr: 0.01 } }] };
    expect(JSON.parse(written(exp))).toEqual(JSON.parse(JSON.stringify(runExperiment(exp))));
    expect(JSON.parse(written(exp, true))).toEqual(JSON.parse(JSON.stringify(runExperiment(exp, { summary: true }))));
  });

  it("writes the lr that blew up as \"Infinity\", never null", () => {
    // At the minimum the gradient is 0, so only the lr goes wrong: 1e300² overflows at step 2.
    const text = written({ surface: "bowl", start: [0, 0], steps: 10, runs: [{ id: "r", optimizer: { name: "sgd", lr: 1 }, schedule: { name: "exponential", gamma: 1e300 } }] });
    const run = JSON.parse(text).runs[0];
    expect(run.status).toBe("diverged");
    expect(run.lr).toEqual([1, 1e300, "Infinity"]);
    expect(run.lr.map(Number)).toEqual([1, 1e300, Infinity]);
    expect(run.points).toEqual([[0, 0], [0, 0], [0, 0]]);
    expect(run.metrics.stepsToTolerance).toBe(0);
    expect(text).not.toMatch(/null/);
  });
});
