/**
 * `npm run bench` (whole-process part): the headless runner as a user starts it, each
 * measurement a fresh process timed from spawn to exit.
 *
 * - ready: a 1-step experiment, median of 5 launches. Budget ≤ 0.3 s for the command the
 *   README documents (`npm run --silent race -- FILE`); `node bin/race.cjs FILE` (the same
 *   program without npm's own start-up) and a bare `node -e 0` are printed beside it.
 * - 50 M Adam steps on Rosenbrock, `--summary`: whole-process time against the floor, the
 *   hand-written loop of bench/adamFloor.mjs run as its own process. Budget ≤ 2.5× for the
 *   README's command. Median of 3 back-to-back (race, floor) pairs, so a slow moment on
 *   the two shared cores hits both sides of a pair; the end points must agree.
 * - memory: 32 runs × 1,000,000 Adam steps with `--summary`, peak RSS as `--stats` reports
 *   it. Budget ≤ 200 MB.
 * Exit status 1 when a budget is over.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./measure";

const READY_BUDGET_S = 0.3;
const WHOLE_PROCESS_BUDGET = 2.5;
const MEMORY_BUDGET_MB = 200;
const STEPS = Number(process.env.BENCH_CLI_STEPS ?? 50_000_000);

const dir = mkdtempSync(join(tmpdir(), "downhill-cli-bench-"));
function experiment(name: string, exp: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(exp));
  return file;
}
const adam = { name: "adam", lr: 1e-3 };
const one = experiment("one.json", { surface: "bowl", steps: 1, runs: [{ id: "sgd", optimizer: { name: "sgd", lr: 0.1 } }] });
const long = experiment("adam.json", { surface: "rosenbrock", start: [-2, 2], steps: STEPS, runs: [{ id: "adam", optimizer: adam }] });
const wide = experiment("wide.json", {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 1_000_000,
  runs: Array.from({ length: 32 }, (_, i) => ({ id: `adam${i}`, optimizer: adam })),
});

const NPM = ["npm", "run", "--silent", "race", "--"];
// No V8 flags: the same command line as `npm run race` (and the README), so all share one code cache.
const NODE = [process.execPath, "bin/race.cjs"];

/** GNU time, when installed, adds each launch's CPU time (user + system, whole process tree). */
const GNU_TIME = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "\n@cpu %U %S"] : [];

/**
 * Runs a command to completion: wall seconds (the budgets), CPU seconds (printed beside
 * them: on two shared cores the wall clock also counts other people's work; 10 ms
 * resolution; NaN without GNU time) and its output. Throws when it fails.
 */
function timed(cmd: readonly string[]): { seconds: number; cpu: number; out: string; err: string } {
  const full = [...GNU_TIME, ...cmd];
  const t0 = performance.now();
  const r = spawnSync(full[0], full.slice(1), { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd.join(" ")} exited ${r.status}: ${r.stderr}`);
  const m = /\n@cpu ([\d.]+) ([\d.]+)\n?$/.exec(r.stderr);
  const err = m ? r.stderr.slice(0, m.index) : r.stderr;
  return { seconds, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, out: r.stdout, err };
}

const verdict = (ok: boolean) => (ok ? "OK" : "OVER");
let over = false;

// Build the bundle and its code cache now if they are stale, so no timed launch pays for it.
timed([...NODE, one]);

/** Median wall and CPU seconds of n launches. */
function launches(n: number, cmd: readonly string[]): { wall: number; cpu: number } {
  const runs = Array.from({ length: n }, () => timed(cmd));
  return { wall: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)) };
}
const secs = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(3)} s (cpu ${t.cpu.toFixed(2)} s)`;
const readyNpm = launches(5, [...NPM, one]);
const readyNode = launches(5, [...NODE, one]);
const bareNode = launches(5, [process.execPath, "-e", "0"]);
over ||= readyNpm.wall > READY_BUDGET_S;
console.log(
  `race ready (1-step experiment, median of 5 launches): npm run --silent race ${secs(readyNpm)} ` +
    `(budget ≤ ${READY_BUDGET_S} s) ${verdict(readyNpm.wall <= READY_BUDGET_S)}; node bin/race.cjs ${secs(readyNode)}; node -e 0 ${secs(bareNode)}`,
);

const endPoint = (json: string): number[] => JSON.parse(json).runs[0].metrics.finalPoint;
const pairs = Array.from({ length: 3 }, () => {
  const race = timed([...NPM, long, "--summary"]);
  const direct = timed([...NODE, long, "--summary"]);
  const floor = timed([process.execPath, "bench/adamFloor.mjs", String(STEPS)]);
  return { race, direct, floor, ratio: race.seconds / floor.seconds, directRatio: direct.seconds / floor.seconds };
});
const ratio = median(pairs.map((p) => p.ratio));
const [ex, ey] = endPoint(pairs[0].race.out);
const [fx, fy] = JSON.parse(pairs[0].floor.out) as number[];
// Same arithmetic up to running products vs pow: both must end at the same place.
const agree = Math.hypot(ex - fx, ey - fy) < 1e-6;
over ||= ratio > WHOLE_PROCESS_BUDGET || !agree;
console.log(
  `race whole process, ${STEPS.toLocaleString("en")} Adam steps --summary (median of 3 pairs): ` +
    `npm run --silent race ${median(pairs.map((p) => p.race.seconds)).toFixed(2)} s (cpu ${median(pairs.map((p) => p.race.cpu)).toFixed(2)} s), ` +
    `floor (node bench/adamFloor.mjs) ${median(pairs.map((p) => p.floor.seconds)).toFixed(2)} s (cpu ${median(pairs.map((p) => p.floor.cpu)).toFixed(2)} s), ` +
    `ratio ${ratio.toFixed(2)} (budget ≤ ${WHOLE_PROCESS_BUDGET}) ${verdict(ratio <= WHOLE_PROCESS_BUDGET)}; ` +
    `node bin/race.cjs ${median(pairs.map((p) => p.direct.seconds)).toFixed(2)} s, ratio ${median(pairs.map((p) => p.directRatio)).toFixed(2)}` +
    (agree ? "" : `  [end points differ: race (${ex}, ${ey}), floor (${fx}, ${fy})]`),
);

const stats = timed([...NODE, wide, "--summary", "--stats"]);
const mib = Number(/peak memory ([\d.]+) MiB/.exec(stats.err)?.[1]);
const mb = (mib * 2 ** 20) / 1e6;
over ||= !(mb <= MEMORY_BUDGET_MB);
console.log(
  `race --summary, 32 runs × 1,000,000 Adam steps: peak RSS ${mb.toFixed(1)} MB (budget ≤ ${MEMORY_BUDGET_MB} MB) ${verdict(mb <= MEMORY_BUDGET_MB)}, ${stats.seconds.toFixed(2)} s`,
);

if (over) process.exitCode = 1;
