import { expect, test, type Page } from "./fixtures";

/**
 * The engine session as the page meets it: changing the horizon keeps the steps already
 * computed, and a start far outside the domain is drawn without errors and shown diverged.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const stepsBox = (page: Page) => page.getByRole("spinbutton", { name: "Steps", exact: true });

async function runToEnd(page: Page) {
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
});

test("after Run to end at 5000, typing 6000 into Steps key by key shows 5000 / 6000", async ({ page }) => {
  await runToEnd(page);
  await stepsBox(page).fill("");
  await stepsBox(page).pressSequentially("6000", { delay: 40 });
  await stepsBox(page).press("Enter");
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*6000$/);
  // The kept steps are drawn: 5001 points per run, the race not finished.
  const counts = await page.evaluate(() => [...(window as any).downhill.trajectories.runs.values()].map((r: any) => r.count));
  expect(counts).toEqual([5001, 5001, 5001]);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeEnabled();
});

test("a horizon committed at every keystroke (6, 60, 600, 6000) still ends at 5000 / 6000; shrinking keeps the steps that fit", async ({ page }) => {
  await runToEnd(page);
  // The store path any live edit takes: each value reloads the race in the worker.
  for (const steps of [6, 60, 600, 6000])
    await page.evaluate((n) => (window as any).downhill.store.getState().setSteps(n), steps);
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*6000$/);
  await page.evaluate(() => (window as any).downhill.store.getState().setSteps(1200));
  await expect(counter(page)).toHaveText(/^1200\s*\/\s*1200$/);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeDisabled();
});

/** Translations of the start marks (box pixels). */
async function startMarkPositions(page: Page): Promise<[number, number][]> {
  const transforms = await page.locator("g.plot-start").evaluateAll((gs) => gs.map((g) => g.getAttribute("transform") ?? ""));
  return transforms.map((t) => /translate\(([^,]+),([^)]+)\)/.exec(t)!.slice(1).map(Number) as [number, number]);
}

test("a start typed at 1e300 is refused naming the start, and its mark is drawn clamped without a console error", async ({ page }) => {
  const startX = page.getByRole("complementary", { name: "Runs" }).getByRole("textbox", { name: "Start x" });
  await startX.fill("1e300");
  await startX.press("Enter");
  await expect(page.locator("p.message")).toContainText("start");
  await expect(page.locator("p.message")).toContainText("not finite");
  // An SVG transform of 1e302 px is an error in the console (the fixture fails the test on one).
  await expect.poll(async () => (await startMarkPositions(page)).length).toBe(2);
  for (const [x, y] of await startMarkPositions(page)) {
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1e5);
  }
  // Its title names the start as typed, in exponent form.
  await expect(page.locator("g.plot-start title").nth(1)).toHaveText("Start of Adam (1e300, 2)");
});

test("a start beyond the divergence limit (x = 2e6, f finite) shows diverged at step 0 and stays there", async ({ page }) => {
  const startX = page.getByRole("complementary", { name: "Runs" }).getByRole("textbox", { name: "Start x" });
  await startX.fill("2e6");
  await startX.press("Enter");
  const row = page.getByRole("table").locator('tbody tr[data-run="adam"]');
  await expect(row.locator("td:nth-child(2)")).toHaveAttribute("data-value", "diverged");
  await expect(row.locator("td:nth-child(3)")).toHaveAttribute("data-value", "0");
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
  await expect(row.locator("td:nth-child(3)")).toHaveAttribute("data-value", "0");
  const adam = await page.evaluate(() => (window as any).downhill.trajectories.runs.get("adam").count);
  expect(adam).toBe(1);
});
