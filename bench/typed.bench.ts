/**
 * `npm run bench` (typed surfaces): the same Adam race on the built-in Rosenbrock and on
 * "(1 - x)^2 + 100*(y - x^2)^2" typed, i.e. mathjs' derivative printed to JavaScript
 * (src/core/surfaces/expression), both through the engine's Run. Budget: the typed one at
 * ≥ 0.25× the built-in's speed, ending at the same point. A process of its own: importing
 * mathjs slows the engine's other benchmarks by about a fifth (measured: Adam's in-process
 * ratio 0.48 without it, 0.38 with it, same machine, same run), and the app's engine worker
 * does not load it for built-in surfaces.
 */
import { cpuMillis, fmtSteps as fmt, median } from "./measure";
import { minimaOf, resolveRun, Run } from "../src/core/engine";
import { formulaSurface } from "../src/core/surfaces/expression/formulaSurface";

const STEPS = Number(process.env.BENCH_STEPS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 11);
const TYPED_BUDGET = 0.25;

const typed = formulaSurface({ expression: "(1 - x)^2 + 100*(y - x^2)^2", domain: [[-2.5, 2.5], [-1.5, 3.5]] });
if (!typed.ok) throw new Error(typed.error.message);
const spec = { id: "adam", start: [-2, 2] as [number, number], optimizer: { name: "adam", lr: 1e-3 } };

function once(useTyped: boolean) {
  const resolved = resolveRun(spec, { surface: "rosenbrock" });
  const surface = useTyped && typed.ok ? typed.surface : resolved.surface;
  const run = new Run({ ...resolved, surface }, minimaOf(surface), { expectedSteps: STEPS });
  const t0 = cpuMillis();
  for (let t = 0; t < STEPS; t++) run.step();
  return { sps: STEPS / ((cpuMillis() - t0) / 1000), point: run.point };
}

const pairs = Array.from({ length: REPEATS }, () => {
  const b = once(false);
  const t = once(true);
  return { b, t, ratio: t.sps / b.sps };
});
const ratio = median(pairs.map((p) => p.ratio));
const [b0, t0] = [pairs[0].b.point, pairs[0].t.point];
const same = b0.every((v, i) => Math.abs(v - t0[i]) <= 1e-9 * Math.max(1, Math.abs(v)));
const ok = ratio >= TYPED_BUDGET && same;
console.log(
  `typed rosenbrock (adam, ${STEPS.toLocaleString("en")} steps): ${fmt(median(pairs.map((p) => p.t.sps)))} against the built-in's ${fmt(median(pairs.map((p) => p.b.sps)))}` +
    `, ratio ${ratio.toFixed(2)} (median of ${REPEATS} pairs); budget ≥ ${TYPED_BUDGET.toFixed(2)}: ${ok ? "OK" : "OVER"}` +
    (same ? "; same end point" : `  [end points differ: ${t0} vs ${b0}]`),
);
if (!ok) process.exitCode = 1;
