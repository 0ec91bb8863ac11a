/// <reference lib="dom" />
import { Race } from "../src/core/engine/race";
import type { Experiment } from "../src/core/experiment/types";
import { defaultExperiment } from "../src/state/defaults";
import { expect, test, type Page } from "./fixtures";

/**
 * "Stop when settled": playing pauses at the first step where every visible run has
 * converged or diverged, and Play then says so instead of starting a race that would stop
 * again at once. The expected step comes from the core engine stepped one step at a time
 * in this test (each run's own status), not from the page's rule.
 */

function firstSettledByEngine(e: Experiment): number | null {
  const race = new Race(e);
  const visible = race.runs.filter((_, i) => !e.runs[i].hidden);
  for (let k = 0; k <= e.steps; k++) {
    if (visible.every((r) => ["converged", "diverged"].includes(r.currentStatus(e.steps)))) return k;
    race.advance(1);
  }
  return null;
}

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const play = (page: Page) => page.getByRole("button", { name: "Play", exact: true });
const stopBox = (page: Page) => page.getByRole("checkbox", { name: "Stop when settled" });
const storeStep = (page: Page) => page.evaluate(() => (window as unknown as { downhill: { store: { getState(): { step: number } } } }).downhill.store.getState().step);

async function setSpeed(page: Page, label: string): Promise<void> {
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label });
}

test("Rosenbrock at 100 steps/s with only Momentum shown stops where Momentum reaches the tolerance", async ({ page }) => {
  const e = defaultExperiment();
  const expected = firstSettledByEngine({ ...e, runs: e.runs.map((r) => (r.id === "momentum" ? r : { ...r, hidden: true })) });
  expect(expected).not.toBeNull();
  expect(expected!).toBeLessThan(e.steps);

  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("button", { name: "Hide SGD" }).click();
  await page.getByRole("button", { name: "Hide Adam" }).click();
  await stopBox(page).check();
  await setSpeed(page, "100 steps/s");
  await play(page).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();

  await expect(play(page)).toBeDisabled({ timeout: 30_000 });
  await expect(counter(page)).toHaveText(new RegExp(`^${expected}\\s*/\\s*5000$`));
  expect(await storeStep(page)).toBe(expected);
  await expect(play(page)).toHaveAttribute("title", /converged or diverged/);
  await expect(page.locator(".transport").getByRole("status").filter({ hasText: "Settled" })).toHaveText("Settled: every visible run has converged or diverged");
  await expect(page.getByRole("region", { name: "Leaderboard" }).getByRole("row", { name: /Momentum/ })).toContainText("converged");

  // Nothing moves afterwards, Space does not start it either, and unticking the box lets the race play on.
  await page.keyboard.press("Space");
  await page.waitForTimeout(500);
  expect(await storeStep(page)).toBe(expected);
  await expect(play(page)).toBeDisabled();
  await stopBox(page).uncheck();
  await expect(play(page)).toBeEnabled();
  await expect(page.locator(".transport").getByRole("status").filter({ hasText: "Settled" })).toHaveCount(0);
});

test("a race where every run converges stops before its horizon even at Max speed, and plays to the horizon without the option", async ({ page }) => {
  const e: Experiment = {
    surface: "bowl",
    steps: 3000,
    tolerance: 0.05,
    runs: [
      { id: "adam", label: "Adam", optimizer: { name: "adam", lr: 0.1 } },
      { id: "sgd", label: "SGD", optimizer: { name: "sgd", lr: 0.1 } },
      { id: "blown", label: "Blown", optimizer: { name: "sgd", lr: 1e306 } },
    ],
  };
  const expected = firstSettledByEngine(e)!;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(e.steps);

  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.evaluate((exp) => (window as unknown as { downhill: { store: { getState(): { setExperiment(e: unknown): void } } } }).downhill.store.getState().setExperiment(exp), { ...e, stopWhenSettled: true });
  await expect(counter(page)).toHaveText(/^0\s*\/\s*3000$/);
  await expect(stopBox(page)).toBeChecked();
  await setSpeed(page, "Max");
  await play(page).click();
  await expect(play(page)).toBeDisabled({ timeout: 30_000 });
  await expect(counter(page)).toHaveText(new RegExp(`^${expected}\\s*/\\s*3000$`));
  expect(await storeStep(page)).toBe(expected);

  // The same race without the option: Reset, untick, Play runs to the horizon.
  await page.getByRole("button", { name: "Reset", exact: true }).click();
  await stopBox(page).uncheck();
  await play(page).click();
  await expect(counter(page)).toHaveText(/^3000\s*\/\s*3000$/, { timeout: 30_000 });
});
