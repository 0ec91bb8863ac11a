/**
 * The seeds' exercises (shared/seeds/003_*.txt, 001_*.txt), run through the engine with the
 * seeds' own settings, must print what the seeds' own Python printed
 * (tools/reference/seeds/*.py, their stdout in tools/reference/fixtures/seeds/*.txt).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pyFixed } from "../testing/pyFormat";
import { Race, runExperiment } from "./engine";
import type { Experiment, RunSpec } from "./experiment";
import { createSchedule } from "./schedules";

const printed = (name: string) => readFileSync(new URL(`../../tools/reference/fixtures/seeds/${name}.txt`, import.meta.url), "utf8");

/** The numbers on the first line that starts with `prefix`. */
function numbersOn(text: string, prefix: string | RegExp): string[] {
  const line = text.split("\n").find((l) => (typeof prefix === "string" ? l.trimStart().startsWith(prefix) : prefix.test(l)));
  if (!line) throw new Error(`no line starting with ${prefix}`);
  return line.match(/-?\d+\.\d+|-?\d+/g) ?? [];
}

describe("seed 003, exercise 1: Rosenbrock shootout from (−2, 2), 5000 steps", () => {
  const text = printed("optimizer_shootout");
  const exp: Experiment = {
    surface: "rosenbrock", start: [-2, 2], steps: 5000, tolerance: 0.1,
    runs: [
      { id: "SGD", optimizer: { name: "sgd", lr: 0.001 } },
      { id: "Momentum", optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } },
      { id: "Adam", optimizer: { name: "adam", lr: 0.01 } },
    ],
  };
  const out = runExperiment(exp);

  it.each(out.runs.map((r) => [r.id, r] as const))("%s: final point, distance and loss", (id, run) => {
    const [x, y, dist, loss] = numbersOn(text, `${id} `).slice(0, 4);
    const m = run.metrics;
    expect([pyFixed(m.finalPoint[0], 4), pyFixed(m.finalPoint[1], 4), pyFixed(m.distance!, 6), pyFixed(m.finalLoss, 6)]).toEqual([x, y, dist, loss]);
  });

  it.each(out.runs.map((r) => [r.id, r] as const))("%s: steps to distance < 0.1", (id, run) => {
    const line = text.split("\n").find((l) => l.trim().startsWith(`${id}:`) && /steps|Never/.test(l))!;
    if (/Never/.test(line)) {
      expect(run.metrics.stepsToTolerance).toBeNull();
      expect(line).toContain(`final dist: ${pyFixed(run.metrics.distance!, 4)}`);
    } else expect(`${run.metrics.stepsToTolerance} steps`).toBe(/(\d+ steps)/.exec(line)![1]);
  });

  it.each(out.runs.map((r) => [r.id, r] as const))("%s: path length over the first 1000 steps", (id, run) => {
    const lines = text.split("\n");
    const from = lines.findIndex((l) => l.includes("Path Length"));
    const line = lines.slice(from).find((l) => l.trim().startsWith(`${id}:`))!;
    const p = run.points!;
    let len = 0;
    for (let i = 0; i < 1000; i++) len += Math.hypot(p[i + 1][0] - p[i][0], p[i + 1][1] - p[i][1]);
    expect(pyFixed(len, 2)).toBe(/: (-?\d+\.\d+)/.exec(line)![1]);
  });
});

describe("seed 003: escape the trap (quartic, 20 steps from x = −3, lr 0.1)", () => {
  const text = printed("escape_the_trap");
  const run = (optimizer: RunSpec["optimizer"]) =>
    runExperiment({ surface: "quartic", start: [-3, 0], steps: 20, runs: [{ id: "r", optimizer }] }).runs[0].metrics.finalPoint[0];

  it("plain gradient descent", () => {
    expect(`x=${pyFixed(run({ name: "sgd", lr: 0.1 }), 2)}`).toBe(/SGD stuck at (x=-?\d+\.\d+)/.exec(text)![1]);
  });
  it("EMA momentum, β = 0.9", () => {
    expect(`x=${pyFixed(run({ name: "emaMomentum", lr: 0.1, beta: 0.9 }), 2)}`).toBe(/Momentum reached (x=-?\d+\.\d+)/.exec(text)![1]);
  });
});

describe("seed 003, exercise 2: schedules on (x − 5)², 500 steps from 0", () => {
  const text = printed("schedule_comparison");
  const cases: [string, RunSpec][] = [
    ["Constant (0.1)", { id: "c", optimizer: { name: "sgd", lr: 0.1 } }],
    ["Step Decay", { id: "s", optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "step", stepSize: 100, gamma: 0.5 } }],
    ["Exponential", { id: "e", optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "exponential", gamma: 0.99 } }],
    ["Cosine Annealing", { id: "k", optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "cosine", tMax: 500 } }],
    ["Warmup + Cosine", { id: "w", optimizer: { name: "sgd", lr: 0.5 }, schedule: { name: "warmupCosine", warmupSteps: 50, totalSteps: 500 } }],
  ];
  const out = runExperiment({ surface: "quadratic", start: [0, 0], steps: 500, tolerance: 0.01, runs: cases.map(([, r]) => r) });

  it.each(cases.map(([name], i) => [name, i] as const))("%s: final x, final loss, converged at", (name, i) => {
    const m = out.runs[i].metrics;
    const line = text.split("\n").find((l) => l.startsWith(name))!;
    const [x, loss, step] = line.slice(20).match(/-?\d+\.\d+|\d+/g)!;
    expect([pyFixed(m.finalPoint[0], 6), pyFixed(m.finalLoss, 8), String(m.stepsToTolerance)]).toEqual([x, loss, step]);
  });

  it("the learning-rate table", () => {
    const sched = cases.slice(0, 4).map(([, r]) => createSchedule(r.schedule ?? { name: "constant" }, r.optimizer.lr as number));
    for (const step of [0, 50, 100, 200, 300, 400, 499]) {
      const nums = numbersOn(text, new RegExp(`^\\s+${step} \\|`));
      expect(sched.map((s) => pyFixed(s.lr(step), 4))).toEqual(nums.slice(1));
    }
  });
});

describe("seed 003, exercise 4: Adam from scratch on the bowl 0.5x² + 5y² from (10, 1)", () => {
  const text = printed("adam_from_scratch");
  const exp: Experiment = {
    surface: "bowl", start: [10, 1], steps: 100,
    runs: [
      { id: "sgd", optimizer: { name: "sgd", lr: 0.1 } },
      { id: "adam", optimizer: { name: "adam", lr: 0.1 } },
    ],
  };
  const out = runExperiment(exp);
  const lines = text.split("\n");

  it.each([0, 10, 25, 50, 100])("positions at step %i", (step) => {
    const line = lines.find((l) => new RegExp(`^${step}\\s+\\(`).test(l))!;
    const nums = line.match(/-?\d+\.\d+/g)!;
    const [sx, sy] = out.runs[0].points![step];
    const [ax, ay] = out.runs[1].points![step];
    expect([sx, sy, ax, ay].map((v) => pyFixed(v, 4))).toEqual(nums);
  });

  it("Adam's moments m and v at steps 1, 5, 10, 25 (read from the optimizer's state)", () => {
    const from = lines.findIndex((l) => l.includes("Internal State"));
    for (const step of [1, 5, 10, 25]) {
      const race = new Race({ ...exp, steps: step, runs: [exp.runs[1]] }).finish();
      const st = race.runs[0].optimizerState()!;
      const m = st.m as Float64Array;
      const v = st.v as Float64Array;
      const line = lines.slice(from).find((l) => new RegExp(`^${step}\\s+\\(`).test(l))!;
      const nums = line.match(/-?\d+\.\d+/g)!;
      const g = out.runs[1].points![step - 1];
      expect([g[0], 10 * g[1]].map((x) => pyFixed(x, 2))).toEqual(nums.slice(0, 2));
      expect([m[0], m[1], v[0], v[1]].map((x) => pyFixed(x, 4))).toEqual(nums.slice(2));
    }
  });
});

describe("seed 001: warmup + cosine decay table (warmup 100, total 1000, peak 0.001)", () => {
  const text = printed("warmup_cosine_table");
  const s = createSchedule({ name: "warmupCosine", warmupSteps: 100, totalSteps: 1000 }, 0.001);
  it.each([0, 50, 100, 300, 700, 1000])("step %i", (step) => {
    const line = text.split("\n").find((l) => new RegExp(`^\\s*${step} \\|`).test(l))!;
    const sixDp = /\|\s+(\d+\.\d{6}) \|/.exec(line)![1];
    expect(pyFixed(s.lr(step), 6)).toBe(sixDp);
  });
});
