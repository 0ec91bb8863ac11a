/**
 * Every preset is a valid experiment whose caption tells what the engine computes: each claim
 * holds when the preset is raced, and every number the caption writes is checked by a claim.
 */
import { describe, expect, it } from "vitest";
import { runExperiment } from "../core/engine";
import { validateExperiment, formatError } from "../core/experiment";
import { PALETTE } from "../state/palette";
import { captionNumbers, checkClaim, checkPreset } from "./claims";
import { presets } from "./index";
import { resultsOfOutput } from "./results";
import type { Claim } from "./types";

const table = presets.map((p) => [p.title, p] as const);

describe.each(table)("preset %s", (_title, p) => {
  it("validates as an experiment of format 1 carrying its title and caption", () => {
    const v = validateExperiment(JSON.parse(JSON.stringify(p.experiment)));
    expect(v.ok ? [] : v.errors.map(formatError)).toEqual([]);
    expect(p.experiment).toMatchObject({ version: 1, title: p.title, caption: p.caption });
    expect(p.caption).not.toMatch(/\n/);
    expect(p.experiment.runs.every((r) => (PALETTE as readonly string[]).includes(r.color ?? ""))).toBe(true);
  });

  it("holds every claim when raced, and writes no number without a claim", () => {
    const results = resultsOfOutput(runExperiment(p.experiment));
    expect(checkPreset(p, results)).toEqual([]);
  });
});

describe("the list", () => {
  it("holds the eleven lessons of the issue, in its order, then issue 8's mini-batch lesson, with distinct ids", () => {
    expect(presets.map((p) => p.title)).toEqual([
      "Rosenbrock shootout",
      "Escape the trap",
      "Adam from scratch",
      "Schedule comparison",
      "Ravine: SGD zig-zags, Adam goes straight",
      "Warmup + cosine",
      "Nadam with Keras schedules",
      "Clipping tames a cliff",
      "AdamW versus Adam + L2",
      "Momentum escapes a local minimum",
      "Momentum and the saddle",
      "Mini-batch noise",
    ]);
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
  });
});

describe("captionNumbers", () => {
  it.each([
    ["from (−2, 2) at lr 0.001", ["−2", "2", "0.001"]],
    ["the minimum of (x − 5)² and x−5", ["5", "5"]],
    ["Adam + L2 and seeds 001 and 003, exercise 4, seed 002", []],
    ["x = −3.95, y = -0.5; 5.000000", ["−3.95", "−0.5", "5.000000"]],
  ])("%s", (text, want) => {
    expect(captionNumbers(text)).toEqual(want);
  });
});

describe("checkClaim reports a claim the race contradicts", () => {
  const p = presets[0];
  const results = resultsOfOutput(runExperiment(p.experiment));
  it.each<[string, Claim]>([
    ["a setting with another value", { kind: "setting", path: "runs.adam.optimizer.lr", shown: "0.001" }],
    ["a setting that does not exist", { kind: "setting", path: "runs.nadam.optimizer.lr", shown: "0.01" }],
    ["a minimum the surface does not have", { kind: "minimum", coord: 0, shown: "2" }],
    ["denying a minimum it has", { kind: "notMinimum", coord: 0, shown: "1" }],
    ["a rounded metric off by one in its last digit", { kind: "metric", run: "sgd", metric: "distance", shown: "0.157" }],
    ["a bound the run breaks", { kind: "metric", run: "adam", metric: "distance", below: 0.5 }],
    ["a status", { kind: "status", run: "adam", is: "converged" }],
    ["never arriving, for a run that arrives", { kind: "never", run: "momentum" }],
    ["arriving sooner, for a run that never arrives", { kind: "sooner", run: "sgd", than: "momentum" }],
    ["an lr at a step", { kind: "lr", run: "sgd", step: 10, shown: "0.01" }],
    ["a point at a step", { kind: "pointAt", run: "sgd", step: 0, coord: 0, shown: "2" }],
    ["settling, for a run still moving", { kind: "metric", run: "sgd", metric: "drift", below: 1e-3 }],
    ["leaving the view, for a run that stays in it", { kind: "metric", run: "sgd", metric: "leavesView", above: 0 }],
    ["a run that is not in the race", { kind: "status", run: "lion", is: "finished" }],
  ])("%s", (_what, claim) => {
    expect(checkClaim(claim, p.experiment, results)).toMatch(/\S/);
  });

  it("and a caption number no claim checks", () => {
    const edited = { ...p, caption: `${p.caption} It took 42 seconds.` };
    expect(checkPreset(edited, results)).toEqual(["the caption writes 42, and no claim checks it"]);
  });
});
