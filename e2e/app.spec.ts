/// <reference lib="dom" />
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { runExperiment } from "../src/core/engine";
import { surfaceNames } from "../src/core/surfaces";
import "../src/core/surfaces/typedSurfaces";

const stepCounter = (page: Page) => page.getByRole("status", { name: "Step" }).or(page.locator('output[aria-label="Step"]'));

test("opens on Rosenbrock with three optimizers ready to race, contours on screen within a second", async ({ page }) => {
  const t0 = Date.now();
  await page.goto("/");
  await page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
  expect(Date.now() - t0).toBeLessThan(2000); // generous on a loaded CI machine; bench:browser holds the real budget
  await expect(page.getByRole("combobox", { name: "Surface" })).toHaveValue("rosenbrock");
  const board = page.locator("table").filter({ hasText: "Status" });
  await expect(board.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Play" })).toBeEnabled();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violations on the whole page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await page.getByRole("button", { name: "Run to end" }).click();
    await expect(stepCounter(page)).toContainText("5000");
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("every surface races to the end without an error, and its numbers match the engine's", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Surface" });
  const names = await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // Every built-in (the data surfaces among them), then the typed surface's entry.
  expect(names).toEqual([...surfaceNames, "formula"]);
  for (const name of names) {
    await picker.selectOption(name);
    await page.getByRole("button", { name: "Run to end" }).click();
    await page.waitForFunction(() => (window as any).downhill.trajectories.done);
    const state = await page.evaluate(() => {
      const d = (window as any).downhill;
      return { experiment: d.store.getState().experiment, metrics: [...d.trajectories.runs.values()].map((r: any) => r.metrics) };
    });
    if (name === "formula") expect(state.experiment.surface).toMatchObject({ expression: expect.any(String) });
    else expect(state.experiment.surface).toBe(name);
    // The worker's race is the engine's race: the final points of the library run in Node
    // (Chromium's Math.cos/exp may differ from Node's by an ulp, hence a tolerance).
    const expected = runExperiment(state.experiment, { summary: true }).runs.map((r) => r.metrics);
    state.metrics.forEach((m: any, i: number) =>
      m.finalPoint.forEach((v: number, k: number) => {
        const want = expected[i].finalPoint[k];
        expect(Math.abs(v - want), `${name} run ${i} coordinate ${k}: ${v} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }),
    );
    expect(state.metrics.map((m: any) => m.status)).toEqual(expected.map((m) => m.status));
    await page.getByRole("button", { name: "Reset", exact: true }).click();
  }
});

test("a playing race continues from the same step when a setting changes", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ index: 3 }); // 100 steps/s
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForFunction(() => (window as any).downhill.trajectories.step > 50);
  const before = await page.evaluate(() => (window as any).downhill.trajectories.step);
  await page.getByRole("textbox", { name: "Learning rate value" }).fill("0.02");
  await page.waitForFunction((g) => (window as any).downhill.engine().generation > g && (window as any).downhill.trajectories.generation > g, 1);
  const after = await page.evaluate(() => ({ step: (window as any).downhill.trajectories.step, playing: (window as any).downhill.store.getState().playing }));
  expect(after.step).toBeGreaterThanOrEqual(before);
  expect(after.playing).toBe(true);
  await page.getByRole("button", { name: "Pause" }).click();
});
