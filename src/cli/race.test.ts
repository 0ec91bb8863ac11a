import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "downhill-cli-"));

function race(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/race.ts", ...args], { encoding: "utf8", input, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

const example = {
  surface: "rosenbrock", start: [-2, 2], steps: 50,
  runs: [{ id: "adam", start: [0, 1], optimizer: { name: "adam", lr: 0.01 }, schedule: { name: "cosine", tMax: 50 }, clip: { mode: "norm", maxNorm: 1 }, noise: { std: 0.1, seed: 7 } }],
};

describe("race CLI", () => {
  it("prints the race as JSON: steps + 1 points, the start first, lr per step", () => {
    const r = race([file("ok.json", example)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const run = out.runs[0];
    expect(run.id).toBe("adam");
    expect(run.points).toHaveLength(51);
    expect(run.points[0]).toEqual([0, 1]);
    expect(run.lr).toHaveLength(50);
    expect(run.lr[0]).toBe(0.01);
    expect(run.lr[25]).toBeCloseTo(0.005, 15);
    expect(run.metrics.steps).toBe(50);
  });

  it("--summary leaves out the per-step arrays", () => {
    const r = race([file("ok.json", example), "--summary"]);
    const run = JSON.parse(r.out).runs[0];
    expect(run.points).toBeUndefined();
    expect(run.lr).toBeUndefined();
    expect(run.metrics.finalPoint).toHaveLength(2);
  });

  it("reads stdin with -", () => {
    const r = race(["-", "--summary"], JSON.stringify(example));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{ nope", /not valid JSON/],
    ["unknown optimizer", { ...example, runs: [{ id: "a", optimizer: { name: "adamz" } }] }, /runs\[0\]\.optimizer\.name: "adamz" unknown optimizer; allowed: /],
    ["unknown surface", { ...example, surface: "moon" }, /surface: "moon" unknown surface; allowed: /],
    ["lr ≤ 0", { ...example, runs: [{ id: "a", optimizer: { name: "sgd", lr: -0.1 } }] }, /runs\[0\]\.optimizer\.lr: -0\.1 must be a number > 0/],
    ["beta1 ≥ 1", { ...example, runs: [{ id: "a", optimizer: { name: "adam", beta1: 1 } }] }, /runs\[0\]\.optimizer\.beta1: 1 must be a number ≥ 0 and < 1/],
    ["bad start", { ...example, start: [1, 2, 3] }, /start: \[1,2,3\] must be two numbers/],
    ["steps", { ...example, steps: -5 }, /steps: -5 must be a positive integer/],
    ["schedule parameter", { ...example, runs: [{ id: "a", optimizer: { name: "sgd" }, schedule: { name: "step", gamma: -1 } }] }, /runs\[0\]\.schedule\.gamma: -1 must be/],
  ])("a bad experiment (%s) exits non-zero with one line and no stack trace", (_what, content, pattern) => {
    const r = race([file("bad.json", content)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("a missing file is one line too", () => {
    const r = race([join(dir, "missing.json")]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("output matches runExperiment's (the streaming writer and the library agree)", async () => {
    const { runExperiment } = await import("../core/engine");
    const r = race([file("ok.json", example)]);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(runExperiment(example as never))));
  });

  it("a 10-million-step run stays under 200 MB, output and all", () => {
    const big = file("big.json", { surface: "bowl", steps: 10_000_000, runs: [{ id: "sgd", optimizer: { name: "sgd", lr: 1e-7 } }] });
    const r = spawnSync(process.execPath, ["--max-semi-space-size=2", "--import", "tsx", "src/cli/race.ts", big, "--stats"], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 30 });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.metrics.steps).toBe(10_000_000);
    expect(run.step.at(-1)).toBe(10_000_000);
    expect(run.points.length).toBeLessThanOrEqual((1 << 19) + 1);
    const mib = Number(/peak memory ([\d.]+) MiB/.exec(r.stderr)?.[1]);
    expect(mib).toBeGreaterThan(10);
    expect(mib).toBeLessThan(200);
  }, 120_000);
});
