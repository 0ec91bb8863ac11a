import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "downhill-cli-"));

/**
 * The command `npm run race` runs: the compiled bundle through its launcher, which
 * rebuilds it first when any source is newer, so these tests always run the current code.
 */
const LAUNCH = [process.execPath, "bin/race.cjs"] as const;

function race(args: string[], input?: string) {
  const r = spawnSync(LAUNCH[0], [...LAUNCH.slice(1), ...args], { encoding: "utf8", input, timeout: 60_000 });
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

  it("loads files from any editor: a UTF-8 byte-order mark and CRLF, or UTF-16 with a BOM", () => {
    const text = JSON.stringify({ surface: "bowl", steps: 3, runs: [{ optimizer: { name: "adam" } }, { optimizer: { name: "adam" } }] }, null, 2).replace(/\n/g, "\r\n");
    const viaStdin = race(["-", "--summary"], `\uFEFF${text}\r\n`);
    expect(viaStdin.err).toBe("");
    expect(JSON.parse(viaStdin.out).runs.map((r: { id: string }) => r.id)).toEqual(["adam", "adam-2"]);
    const utf16 = join(dir, "utf16.json");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(race([utf16, "--summary"]).code).toBe(0);
    const binary = join(dir, "binary.json");
    writeFileSync(binary, Buffer.from([0x7b, 0xff, 0xfe, 0xfd]));
    expect(race([binary]).err).toMatch(/^race: .*binary\.json is not text \(expected UTF-8, or UTF-16 with a byte-order mark\)\n$/);
  });

  it("names wrong types, unknown keys and numbers as written, one line each", () => {
    const cases: [string, string][] = [
      ['{"surface":"bowl","steps":3,"runs":[{"id":7,"optimizer":{"name":"adam"}}]}', "race: runs[0].id: 7 must be a non-empty string"],
      ['{"surface":"bowl","steps":3,"runs":["adam"]}', 'race: runs[0]: "adam" must be a run: an object with an "optimizer"'],
      ['{"surface":"bowl","steps":3,"runs":[{"optimizer":{"name":"adam"},"noize":{}}]}', "race: runs[0].noize: unknown field; a run takes id, label, color, hidden, start, optimizer, schedule, clip, noise, batchSize, batchSeed"],
      ['{"surface":"bowl","steps":3,"runs":[{"optimizer":{"name":"adam","lr":1e400}}]}', "race: runs[0].optimizer.lr: 1e400 is not a finite number; must be a number > 0"],
      ['{"surface":"bowl","steps":3,"runs":[{"optimizer":{"name":"sgd","lr":0.1},"schedule":{"name":"cosine","etaMin":0.5}}]}', "race: runs[0].schedule.etaMin: 0.5 must be ≤ the run's lr (0.1)"],
      ['{"surface":"rosenbrock","steps":3,"runs":[{"start":[1e300, 0],"optimizer":{"name":"sgd"}}]}', "race: runs[0].start: [1e300, 0] gives a loss that is not finite on rosenbrock"],
    ];
    for (const [input, line] of cases) {
      const r = race(["-"], input);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`${line}\n`);
      expect(r.out).toBe("");
    }
  });

  it.each([
    ["constructor", "constructor"],
    ["__proto__", "__proto__"],
    ["import(…)", 'import("fs")'],
    ["globalThis", "globalThis.process"],
    ["eval(…)", 'eval("1")'],
    ["require(…)", 'require("child_process")'],
    ["an assignment", "x = 1"],
    ["a function definition", "f(x) = x^2"],
    ["a string", '"x"'],
    ["a matrix", "[x, y]"],
    ["a 100 kB input", "x+".repeat(50_000) + "y"],
    ["5,000 nested parentheses", "(".repeat(5000) + "x" + ")".repeat(5000)],
  ])("a hostile formula (%s) exits 2 with one line naming the expression, and runs nothing", (_what, expression) => {
    const r = race(["-"], JSON.stringify({ surface: { expression, domain: [[-2, 2], [-2, 2]] }, steps: 3, runs: [{ optimizer: { name: "sgd" } }] }));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^race: surface\.expression: .+ (at character \d+: |is [\d,]+ characters long)/);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("a typed formula races like the built-in surface it spells out, to 1e-9", () => {
    const runs = [{ optimizer: { name: "adam", lr: 0.01 } }, { optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } }];
    const typed = race(["-"], JSON.stringify({ surface: { expression: "(1 - x)^2 + 100*(y - x^2)^2", domain: [[-2, 2], [-1, 3]] }, start: [-1.5, 2], steps: 300, runs }));
    const builtIn = race(["-"], JSON.stringify({ surface: "rosenbrock", start: [-1.5, 2], steps: 300, runs }));
    expect(typed.err).toBe("");
    const a = JSON.parse(typed.out).runs as { points: number[][] }[];
    const b = JSON.parse(builtIn.out).runs as { points: number[][] }[];
    expect(a.map((r) => r.points.length)).toEqual(b.map((r) => r.points.length));
    a.forEach((run, i) => run.points.forEach((p, t) => p.forEach((v, k) => expect(Math.abs(v - b[i].points[t][k])).toBeLessThanOrEqual(1e-9))));
  });

  it("--all-errors lists every problem in the file's order", () => {
    const input = '{"zz":1,"surface":"bowl","steps":"x","runs":[{"optimizer":{"name":"sgd","lr":-1,"foo":2}}]}';
    expect(race(["-"], input).err.trim().split("\n")).toHaveLength(1);
    const r = race(["-", "--all-errors"], input);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toEqual([
      "race: zz: unknown field; an experiment takes version, title, caption, surface, start, steps, tolerance, runs, view, selected, step, stopWhenSettled",
      'race: steps: "x" must be a positive integer ≤ 100000000',
      "race: runs[0].optimizer.lr: -1 must be a number > 0",
      "race: runs[0].optimizer.foo: unknown field; the sgd optimizer takes name, lr, momentum, dampening, nesterov, weightDecay",
    ]);
  });

  it.each([6000, 20000])("JSON nested %i deep exits 2 with a message, not a stack overflow", (depth) => {
    const r = race([file(`deep${depth}.json`, "[".repeat(depth) + "]".repeat(depth))]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("race: [0][0][0][0][0][0]…: is nested deeper than 64 levels; an experiment nests 5 at most (line 1, column 65)\n");
  });

  it("a 24 MB start array is refused in under 5 s and 300 MB", () => {
    const big = file("big24.json", `{"surface":"bowl","steps":3,"runs":[{"optimizer":{"name":"sgd"},"start":[${"0,".repeat(12_000_000 - 1)}0]}]}`);
    // Reports the child's own peak memory as it exits (spawnSync cannot read the child's rusage).
    const rss = file("rss.mjs", 'process.on("exit", () => process.stdout.write(`peak ${process.resourceUsage().maxRSS}`));');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--import", "tsx", "--import", rss, "src/cli/race.ts", big], { encoding: "utf8", timeout: 60_000 });
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("race: runs[0].start: an array of 12,000,000 items is longer than any list in an experiment (at most 10,000 items); it opens at line 1, column 73\n");
    expect(seconds).toBeLessThan(5);
    const mib = Number(/peak (\d+)/.exec(r.stdout)?.[1]) / 1024;
    expect(mib).toBeGreaterThan(20);
    expect(mib).toBeLessThan(300);
  }, 60_000);

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
    const r = spawnSync(LAUNCH[0], [...LAUNCH.slice(1), big, "--stats"], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 30 });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.metrics.steps).toBe(10_000_000);
    expect(run.step.at(-1)).toBe(10_000_000);
    expect(run.points.length).toBeLessThanOrEqual((1 << 19) + 1);
    const mib = Number(/peak memory ([\d.]+) MiB/.exec(r.stderr)?.[1]);
    expect(mib).toBeGreaterThan(10);
    expect(mib).toBeLessThan(200);
  }, 120_000);

  it("--summary keeps no per-step records: 16 runs × 300,000 steps stay far below the 230 MB their traces would take", () => {
    const runs = Array.from({ length: 16 }, (_, i) => ({ id: `r${i}`, optimizer: { name: "sgd", lr: 1e-7 } }));
    const many = file("many.json", { surface: "bowl", steps: 300_000, runs });
    const r = race([many, "--summary", "--stats"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.runs).toHaveLength(16);
    for (const run of out.runs) {
      expect(run.metrics.steps).toBe(300_000);
      expect(run).not.toHaveProperty("points");
    }
    const mib = Number(/peak memory ([\d.]+) MiB/.exec(r.err)?.[1]);
    expect(mib).toBeGreaterThan(10);
    expect(mib).toBeLessThan(120);
  }, 120_000);

  it("stops quietly when the reader goes away (race … | head)", async () => {
    const big = file("pipe.json", { surface: "bowl", steps: 2_000_000, runs: [{ id: "sgd", optimizer: { name: "sgd", lr: 1e-7 } }] });
    const child = spawn(LAUNCH[0], [...LAUNCH.slice(1), big], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (d) => resolve(String(d))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(first.startsWith('{"surface":"bowl"')).toBe(true);
    expect(err).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
