/**
 * `npm run bench`: steps per second of the engine for every optimizer on Rosenbrock,
 * and Adam's speed relative to a hand-written Adam loop run in the same process.
 * Budget (issue #2): the engine runs Adam at ≥ 0.5× the hand-written loop.
 */
import { Race } from "../src/core/engine";
import { optimizers } from "../src/core/optim";
import type { Experiment } from "../src/core/experiment";

const STEPS = Number(process.env.BENCH_STEPS ?? 1_000_000);
const REPEATS = 3;

/** Small enough lrs that no optimizer diverges from (−2, 2) over the whole run. */
const LR: Record<string, number> = { sgd: 1e-4, adagrad: 0.05, rmsprop: 1e-3, adadelta: 1, rprop: 1e-3, asgd: 1e-4, nag: 1e-4, emaMomentum: 1e-4 };

function engineStepsPerSecond(name: string): { sps: number; status: string } {
  const lr = LR[name] ?? optimizers[name].params.lr.default;
  const exp: Experiment = {
    surface: "rosenbrock",
    steps: STEPS,
    runs: [{ id: name, start: [-2, 2], optimizer: { name, lr } as never }],
  };
  let best = 0;
  let status = "";
  for (let r = 0; r < REPEATS; r++) {
    const race = new Race(exp);
    const t0 = performance.now();
    race.finish();
    const dt = (performance.now() - t0) / 1000;
    const run = race.runs[0];
    best = Math.max(best, run.stepsDone / dt);
    status = run.currentStatus(STEPS);
  }
  return { sps: best, status };
}

/** Adam on Rosenbrock written out by hand: the speed the engine is measured against. */
function handWrittenAdam(steps: number): { sps: number; x: number; y: number } {
  let best = 0;
  let x = 0;
  let y = 0;
  for (let r = 0; r < REPEATS; r++) {
    x = -2; y = 2;
    let mx = 0, my = 0, vx = 0, vy = 0;
    const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    const t0 = performance.now();
    for (let t = 1; t <= steps; t++) {
      const gx = -2 * (1 - x) - 400 * x * (y - x * x);
      const gy = 200 * (y - x * x);
      mx = b1 * mx + (1 - b1) * gx; my = b1 * my + (1 - b1) * gy;
      vx = b2 * vx + (1 - b2) * gx * gx; vy = b2 * vy + (1 - b2) * gy * gy;
      const s = lr / (1 - Math.pow(b1, t));
      const c = Math.sqrt(1 - Math.pow(b2, t));
      x -= (s * mx) / (Math.sqrt(vx) / c + eps);
      y -= (s * my) / (Math.sqrt(vy) / c + eps);
    }
    best = Math.max(best, steps / ((performance.now() - t0) / 1000));
  }
  return { sps: best, x, y };
}

const fmt = (n: number) => `${(n / 1e6).toFixed(2)} M steps/s`;
console.log(`engine, ${STEPS.toLocaleString("en")} steps on rosenbrock from (-2, 2), best of ${REPEATS}`);
for (const name of Object.keys(optimizers)) {
  const { sps, status } = engineStepsPerSecond(name);
  console.log(`  ${name.padEnd(12)} ${fmt(sps).padStart(16)}  (${status})`);
}
const engine = engineStepsPerSecond("adam").sps;
const hand = handWrittenAdam(STEPS);
const ratio = engine / hand.sps;
console.log(`adam: engine ${fmt(engine)}, hand-written loop ${fmt(hand.sps)}, ratio ${ratio.toFixed(2)} (budget ≥ 0.50) ${ratio >= 0.5 ? "OK" : "OVER BUDGET"}`);
