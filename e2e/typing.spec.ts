import type { Locator } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";

/**
 * Typed numbers, one key at a time as a user types them: a value that ends invalid never
 * stays in force (the value from before the edit is back), and the message tied to the box
 * says exactly what is wrong.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const sidebar = (page: Page) => page.getByRole("complementary", { name: "Runs" });
const lrBox = (page: Page) => page.getByRole("textbox", { name: "Learning rate value", exact: true });
const stepsBox = (page: Page) => page.getByRole("spinbutton", { name: "Steps", exact: true });

/** The stored optimizer params of run `id`, as the engine is given them. */
const storedLr = (page: Page, id = "adam") =>
  page.evaluate((id) => (window as any).downhill.store.getState().experiment.runs.find((r: any) => r.id === id).optimizer.lr, id);
const adamLoss = (page: Page) => page.evaluate(() => { const r = (window as any).downhill.trajectories.runs.get("adam"); return r.count ? r.loss[r.count - 1] : null; });

/** Replaces the box's text by typing `text` key by key. */
async function typeInto(page: Page, box: Locator, text: string) {
  await box.click();
  await box.press("ControlOrMeta+a");
  await page.keyboard.type(text, { delay: 20 });
}

/** The message the box points at with aria-describedby. */
async function describedMessage(box: Locator): Promise<string> {
  const ids = (await box.getAttribute("aria-describedby")) ?? "";
  const texts = await Promise.all(ids.split(" ").filter(Boolean).map((id: string) => box.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
});

for (const [text, message] of [
  ["1e309", 'Learning rate: "1e309" is not a finite number'],
  ["5abc", 'Learning rate: "5abc" is not a number'],
  ["0x10", 'Learning rate: "0x10" is not allowed: only decimal numbers (like 0.01 or 1e-3)'],
  ["-1", 'Learning rate: "-1" must be a number > 0'],
] as const) {
  test(`typing ${text} key by key leaves the lr from before the edit in force, with "${message}"`, async ({ page }) => {
    const before = await adamLoss(page);
    await typeInto(page, lrBox(page), text);
    await expect(lrBox(page)).toHaveAttribute("aria-invalid", "true");
    await expect.poll(() => describedMessage(lrBox(page))).toBe(message);
    await expect(sidebar(page).getByRole("alert")).toHaveText(message);
    expect(await storedLr(page)).toBe(0.01);
    // The race ran again with lr 0.01 (1e30 or 5 passed through on the way): the same end.
    await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
    await expect.poll(() => adamLoss(page)).toBe(before);

    // Enter and leaving the box keep the message and the old value.
    await lrBox(page).press("Enter");
    await page.getByRole("heading", { name: "Leaderboard" }).click();
    await expect(lrBox(page)).toHaveValue(text);
    await expect(sidebar(page).getByRole("alert")).toHaveText(message);
    expect(await storedLr(page)).toBe(0.01);

    // Escape gives the edit up.
    await lrBox(page).press("Escape");
    await expect(lrBox(page)).toHaveValue("0.01");
    await expect(lrBox(page)).not.toHaveAttribute("aria-invalid");
    await expect(sidebar(page).getByRole("alert")).toHaveCount(0);
  });
}

test("giving up an edit of a parameter left at its default leaves it out again, not written in", async ({ page }) => {
  await page.getByRole("button", { name: "Add run" }).click();
  await expect(lrBox(page)).toHaveValue("1.0e-3");
  await typeInto(page, lrBox(page), "1e309");
  await page.keyboard.press("Enter");
  await expect(sidebar(page).getByRole("alert")).toHaveText('Learning rate: "1e309" is not a finite number');
  expect(await page.evaluate(() => (window as any).downhill.store.getState().experiment.runs[3].optimizer)).toEqual({ name: "adam" });
});

test("a valid lr applies live while typing, and a later invalid keystroke goes back to the value from before the edit", async ({ page }) => {
  await typeInto(page, lrBox(page), "0.05");
  await expect.poll(() => storedLr(page)).toBe(0.05);
  await expect(sidebar(page).getByRole("alert")).toHaveCount(0);
  await page.keyboard.type("x", { delay: 20 });
  await expect.poll(() => storedLr(page)).toBe(0.01);
  await page.keyboard.press("Backspace");
  await expect.poll(() => storedLr(page)).toBe(0.05);
  await page.keyboard.press("Enter");
  await expect(lrBox(page)).toHaveValue("0.05");
});

test("Steps typed key by key keeps the race until Enter; invalid text keeps the horizon and says why", async ({ page }) => {
  await typeInto(page, stepsBox(page), "6000");
  // Nothing stored yet: "6" on the way did not cut the race.
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
  await page.keyboard.press("Enter");
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*6000$/);

  for (const [text, message] of [
    ["1e309", 'Steps: "1e309" is not a finite number'],
    ["5abc", 'Steps: "5abc" is not a number'],
    ["0x10", 'Steps: "0x10" is not allowed: only decimal numbers (like 0.01 or 1e-3)'],
    ["2.5", 'Steps: "2.5" must be an integer ≥ 1 and ≤ 200000'],
  ]) {
    await typeInto(page, stepsBox(page), text);
    await page.keyboard.press("Enter");
    await expect(stepsBox(page)).toHaveAttribute("aria-invalid", "true");
    await expect.poll(() => describedMessage(stepsBox(page))).toBe(message);
    await expect(counter(page)).toHaveText(/^5000\s*\/\s*6000$/);
    await page.keyboard.press("Escape");
    await expect(stepsBox(page)).toHaveValue("6000");
  }
  // Arrow keys step the spinbutton by one.
  await stepsBox(page).press("ArrowUp");
  await expect(counter(page)).toHaveText(/\/\s*6001$/);
  await expect(stepsBox(page)).toHaveAttribute("aria-valuenow", "6001");
});

test("start coordinates, list parameters and the clip and noise boxes read only decimals", async ({ page }) => {
  const startX = sidebar(page).getByRole("textbox", { name: "Start x", exact: true });
  await typeInto(page, startX, "0x10");
  await expect.poll(() => describedMessage(startX)).toBe('Start x: "0x10" is not allowed: only decimal numbers (like 0.01 or 1e-3)');
  // Exactly what was stored before the edit: no start of its own ("0" passed through on the way).
  expect(await page.evaluate(() => "start" in (window as any).downhill.store.getState().experiment.runs[2])).toBe(false);
  await startX.press("Escape");

  await sidebar(page).getByRole("combobox", { name: "Schedule", exact: true }).selectOption({ label: "Multi-step decay" });
  const milestones = sidebar(page).getByRole("textbox", { name: "Milestones", exact: true });
  await typeInto(page, milestones, "100, 1e999");
  await expect.poll(() => describedMessage(milestones)).toBe('Milestones: "1e999" is not a finite number');
  const schedule = () => page.evaluate(() => (window as any).downhill.store.getState().experiment.runs[2].schedule);
  expect((await schedule()).milestones).toEqual([100, 200]);

  await sidebar(page).getByRole("combobox", { name: "Clipping", exact: true }).selectOption({ label: "By norm" });
  const maxNorm = sidebar(page).getByRole("textbox", { name: "Max norm value", exact: true });
  await typeInto(page, maxNorm, "1e3x");
  await expect.poll(() => describedMessage(maxNorm)).toBe('Max norm: "1e3x" is not a number');
  expect(await page.evaluate(() => (window as any).downhill.store.getState().experiment.runs[2].clip)).toEqual({ mode: "norm", maxNorm: 1 });
});
