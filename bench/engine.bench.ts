/**
 * `npm run bench` (in-process part): steps per second of the engine for every optimizer
 * on Rosenbrock, and Adam's speed against the honest floor: Adam on Rosenbrock written
 * out by hand, with scalars only and running products for β₁ᵗ and β₂ᵗ (no Math.pow, no
 * arrays), run in the same process. Budget: the engine runs Adam at ≥ 0.5× that floor.
 *
 * Timings are CPU time of this process (process.cpuUsage: the machine's two cores are
 * shared, and wall time mostly measured the neighbours), medians of several runs; the
 * ratio is the median of ratios of back-to-back engine/floor pairs. The engine is timed
 * from building the race (its arrays) to the last step, with every per-step record kept,
 * as the app runs it; the same race without records (the CLI's --summary) is printed too.
 */
import { Race } from "../src/core/engine";
import { optimizers } from "../src/core/optim";
import { rosenbrock } from "../src/core/surfaces/rosenbrock";
import type { Experiment } from "../src/core/experiment";
import { adamFloor } from "./adamFloor.mjs";
import { cpuMillis, fmtSteps as fmt, median } from "./measure";

const STEPS = Number(process.env.BENCH_STEPS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 11);
const IN_PROCESS_BUDGET = 0.5;

/** Small enough lrs that no optimizer diverges from (−2, 2) over the whole run. */
const LR: Record<string, number> = { newton: 1, lbfgs: 1, sgd: 1e-4, adagrad: 0.05, rmsprop: 1e-3, adadelta: 1, rprop: 1e-3, asgd: 1e-4, nag: 1e-4, emaMomentum: 1e-4 };

function experiment(name: string): Experiment {
  const lr = LR[name] ?? optimizers[name].params.lr.default;
  return { surface: "rosenbrock", steps: STEPS, runs: [{ id: name, start: [-2, 2], optimizer: { name, lr } }] };
}

/** One timed engine race: steps per second, the run's status and end point. */
function engineOnce(name: string, records = true): { sps: number; status: string; x: number; y: number } {
  const t0 = cpuMillis();
  const race = new Race(experiment(name), { trace: records });
  race.finish();
  const dt = (cpuMillis() - t0) / 1000;
  const run = race.runs[0];
  const [x, y] = run.point;
  return { sps: run.stepsDone / dt, status: run.currentStatus(STEPS), x, y };
}

/** The floor (bench/adamFloor.mjs, also the whole-process floor of cli.bench.ts), timed here in-process. */
function floorOnce(steps: number): { sps: number; x: number; y: number } {
  const t0 = cpuMillis();
  const [x, y] = adamFloor(steps);
  return { sps: steps / ((cpuMillis() - t0) / 1000), x, y };
}

/**
 * The fused Adam chain alone: the surface's gradient and the optimizer's step, none of the
 * engine's per-step bookkeeping (loss, norms, checks, records). What composition costs.
 */
function chainOnce(steps: number): { sps: number; x: number; y: number } {
  const state = optimizers.adam.create({ lr: 1e-3 }, 2);
  const x = new Float64Array([-2, 2]);
  const g = new Float64Array(2);
  const t0 = cpuMillis();
  for (let t = 0; t < steps; t++) {
    rosenbrock.grad(x[0], x[1], g);
    state.step(x, g, 1e-3);
  }
  return { sps: steps / ((cpuMillis() - t0) / 1000), x: x[0], y: x[1] };
}

console.log(`engine, ${STEPS.toLocaleString("en")} steps on rosenbrock from (-2, 2), median of ${REPEATS}`);
for (const name of Object.keys(optimizers)) {
  const runs = Array.from({ length: REPEATS }, () => engineOnce(name));
  console.log(`  ${name.padEnd(12)} ${fmt(median(runs.map((r) => r.sps))).padStart(16)}  (${runs[0].status})`);
}

function pairs(records: boolean) {
  return Array.from({ length: REPEATS }, () => {
    const e = engineOnce("adam", records);
    const f = floorOnce(STEPS);
    return { e, f, ratio: e.sps / f.sps };
  });
}

let ok = true;
for (const [records, label] of [[true, "every step recorded (the app)"], [false, "no records (--summary)"]] as const) {
  const ps = pairs(records);
  const ratio = median(ps.map((p) => p.ratio));
  const { e, f } = ps[0];
  // Same arithmetic up to the rounding of running products vs pow: both must end at the same place.
  const agree = Math.hypot(e.x - f.x, e.y - f.y) < 1e-6;
  const budgeted = records;
  const verdict = ratio >= IN_PROCESS_BUDGET ? "OK" : "OVER";
  if (budgeted && (verdict === "OVER" || !agree)) ok = false;
  console.log(
    `adam in-process, ${label}: engine ${fmt(median(ps.map((p) => p.e.sps)))}, floor ${fmt(median(ps.map((p) => p.f.sps)))}` +
      `, ratio ${ratio.toFixed(2)} (median of ${REPEATS} pairs)` +
      (budgeted ? `; budget ≥ ${IN_PROCESS_BUDGET.toFixed(2)}: ${verdict}` : "") +
      (agree ? "" : `  [end points differ: engine (${e.x}, ${e.y}), floor (${f.x}, ${f.y})]`),
  );
}
{
  const ps = Array.from({ length: REPEATS }, () => {
    const c = chainOnce(STEPS);
    const f = floorOnce(STEPS);
    return { c, f, ratio: c.sps / f.sps };
  });
  console.log(
    `adam's fused transform chain alone (gradient + step, no engine bookkeeping): ${fmt(median(ps.map((p) => p.c.sps)))}` +
      `, ratio ${median(ps.map((p) => p.ratio)).toFixed(2)} of the floor (printed)`,
  );
}
if (!ok) process.exitCode = 1;
