import { readdirSync, readFileSync } from "node:fs";

const fixtureDir = new URL("../../tools/reference/fixtures/", import.meta.url);

/** Fixture files of the main reference run (tools/reference/generate.py), by URL. */
export function mainFixtureFiles(): URL[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".json") && f !== "index.json" && !f.startsWith("noise_"))
    .map((f) => new URL(f, fixtureDir));
}

/** The L-BFGS fixtures (tools/reference/lbfgs.py): each engine step one LBFGS.step(closure). */
export const LBFGS_FIXTURES = new URL("lbfgs/cases.json", fixtureDir);

/**
 * Optimizers with no torch.optim counterpart, so no PyTorch fixture: each names where it
 * is checked instead.
 */
export const ANALYTIC_ONLY: Readonly<Record<string, string>> = {
  newton: "src/core/optim/newton/newtonStep.test.ts (one step to the minimum of convex quadratics, quadratic convergence on Rosenbrock, a descent direction for any Hessian)",
};

/** Optimizer names some PyTorch fixture runs. */
export function optimizersWithFixtures(): Set<string> {
  const names = (url: URL) => (JSON.parse(readFileSync(url, "utf8")).cases as { optimizer: { name: string } }[]).map((c) => c.optimizer.name);
  return new Set([...mainFixtureFiles().flatMap(names), ...names(LBFGS_FIXTURES)]);
}
