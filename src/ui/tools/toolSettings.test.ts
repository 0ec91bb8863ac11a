import { describe, expect, it } from "vitest";
import type { RunSpec } from "../../core/experiment/types";
import { optimizers } from "../../core/optim";
import type { NumberParam } from "../../core/params";
import { tuneAllJobs } from "./toolSettings";

const settings = { points: 16, steps: 200, criterion: "finalLoss", method: "halving" } as const;

describe("tuneAllJobs", () => {
  it("gives every visible run, in order, a search over its own optimizer's lr slider with the shared settings", () => {
    const runs: RunSpec[] = [
      { id: "a", optimizer: { name: "sgd", lr: 0.001 } },
      { id: "b", optimizer: { name: "newton" }, hidden: true },
      { id: "c", optimizer: { name: "newton" } },
      { id: "d", optimizer: { name: "adam", lr: 0.01 } },
    ];
    const jobs = tuneAllJobs(runs, settings);
    expect(jobs.map((j) => j.spec.id)).toEqual(["a", "c", "d"]);
    expect(jobs[0].spec).toBe(runs[0]);
    // Today every optimizer's lr slider spans [1e-5, 10]; the next test ties each range to its own slider.
    expect(jobs.map((j) => j.options.range)).toEqual([[1e-5, 10], [1e-5, 10], [1e-5, 10]]);
    for (const j of jobs) expect(j.options).toEqual({ ...settings, range: j.options.range });
  });

  it("searches each optimizer of the registry over its lr slider", () => {
    for (const [name, def] of Object.entries(optimizers)) {
      const [job] = tuneAllJobs([{ id: name, optimizer: { name } }], settings);
      expect(job.options.range, name).toEqual((def.params.lr as NumberParam).slider);
    }
  });
});
