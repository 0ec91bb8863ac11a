/**
 * The honest floor for Adam on Rosenbrock: torch.optim.Adam's arithmetic written out by
 * hand with scalars only and running products for β₁ᵗ and β₂ᵗ (no Math.pow, no arrays),
 * from (−2, 2) at lr 1e-3. Plain JavaScript so that, run as its own process
 * (`node bench/adamFloor.mjs STEPS`, as bench/cli.bench.ts does), its whole-process time
 * is the floor `race` is measured against; prints the end point as JSON.
 */
import { fileURLToPath } from "node:url";

export function adamFloor(steps) {
  let x = -2;
  let y = 2;
  let mx = 0, my = 0, vx = 0, vy = 0;
  let p1 = 1, p2 = 1;
  const lr = 1e-3, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  for (let t = 1; t <= steps; t++) {
    const b = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * b;
    const gy = 200 * b;
    mx = b1 * mx + (1 - b1) * gx;
    my = b1 * my + (1 - b1) * gy;
    vx = b2 * vx + (1 - b2) * gx * gx;
    vy = b2 * vy + (1 - b2) * gy * gy;
    p1 *= b1;
    p2 *= b2;
    const s = lr / (1 - p1);
    const c = Math.sqrt(1 - p2);
    x -= (s * mx) / (Math.sqrt(vx) / c + eps);
    y -= (s * my) / (Math.sqrt(vy) / c + eps);
  }
  return [x, y];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const steps = Number(process.argv[2]);
  if (!Number.isInteger(steps) || steps < 0) {
    process.stderr.write("usage: node bench/adamFloor.mjs STEPS\n");
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(adamFloor(steps))}\n`);
}
