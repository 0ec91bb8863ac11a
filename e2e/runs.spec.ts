import type { Locator } from "@playwright/test";
import { expect, test, type Page } from "./fixtures";

/**
 * Runs as the sidebar makes them: names of added and duplicated runs, twelve distinct
 * colours, schedule lengths that follow the horizon, the warmup's warning and "None"
 * with a warmup; the leaderboard's final status and the update rule at step 0.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const sidebar = (page: Page) => page.getByRole("complementary", { name: "Runs" });
const cards = (page: Page) => sidebar(page).locator("li.run-card");
const stepsBox = (page: Page) => page.getByRole("spinbutton", { name: "Steps", exact: true });
const schedule = (page: Page, id = "adam") =>
  page.evaluate((id) => (window as any).downhill.store.getState().experiment.runs.find((r: any) => r.id === id).schedule ?? null, id);

async function typeInto(page: Page, box: Locator, text: string) {
  await box.click();
  await box.press("ControlOrMeta+a");
  await page.keyboard.type(text, { delay: 20 });
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
});

test("added runs are named after their optimizer ('Adam 2'), copies 'Adam (copy)', 'Adam (copy 2)'", async ({ page }) => {
  await page.getByRole("button", { name: "Add run" }).click();
  await expect(sidebar(page).getByRole("button", { name: "Adam 2", exact: true })).toHaveAttribute("aria-expanded", "true");
  await expect(cards(page).last()).toHaveAttribute("data-run-id", "adam-2");
  await page.getByRole("button", { name: "Duplicate Adam", exact: true }).click();
  await page.getByRole("button", { name: "Duplicate Adam", exact: true }).click();
  await page.getByRole("button", { name: "Duplicate Adam (copy)", exact: true }).click();
  const names = await cards(page).locator(".run-card-name").allTextContents();
  expect(names).toEqual(["SGD", "Momentum", "Adam", "Adam (copy 2)", "Adam (copy)", "Adam (copy 3)", "Adam 2"]);
});

test("twelve runs get twelve distinct colours; runs 9 to 12 are drawn dashed", async ({ page }) => {
  // Record every dash pattern the path canvases stroke with, by colour.
  await page.addInitScript(() => {
    const seen: Record<string, string> = ((window as any).__dashes = {});
    const proto = CanvasRenderingContext2D.prototype;
    const stroke = proto.stroke;
    proto.stroke = function (this: CanvasRenderingContext2D, ...args: any[]) {
      const layer = this.canvas.dataset.layer;
      if ((layer === "paths" || layer === "selected-path") && typeof this.strokeStyle === "string" && this.globalCompositeOperation === "source-over")
        seen[this.strokeStyle] = this.getLineDash().join(",");
      return (stroke as any).apply(this, args);
    };
  });
  await page.reload();
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  const optimizers = ["SGD", "RMSprop", "AdaGrad", "Adamax", "NAdam", "RAdam", "Lion", "AdamW", "Rprop"];
  for (const label of optimizers) {
    await page.getByRole("combobox", { name: "New run optimizer" }).selectOption({ label });
    await page.getByRole("button", { name: "Add run" }).click();
  }
  await expect(cards(page)).toHaveCount(12);
  const colours = await cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).style.getPropertyValue("--run-color").toLowerCase()));
  expect(new Set(colours).size).toBe(12);
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
  await expect.poll(() => page.evaluate(() => Object.keys((window as any).__dashes).length)).toBeGreaterThanOrEqual(12);
  const dashes: Record<string, string> = await page.evaluate(() => (window as any).__dashes);
  colours.forEach((c, i) => {
    expect(dashes[c], `run ${i + 1} (${c}) drawn`).toBeDefined();
    if (i < 8) expect(dashes[c], `run ${i + 1} solid`).toBe("");
    else expect(dashes[c], `run ${i + 1} dashed`).not.toBe("");
  });
  expect(new Set(colours.slice(8).map((c) => dashes[c])).size).toBe(4);
});

test("a schedule length filled in from the horizon follows Steps and the warmup; a typed one stays", async ({ page }) => {
  await sidebar(page).getByRole("combobox", { name: "Schedule", exact: true }).selectOption({ label: "Cosine annealing" });
  const tMax = sidebar(page).getByRole("textbox", { name: "Half period value", exact: true });
  await expect(tMax).toHaveValue("5000");
  await typeInto(page, stepsBox(page), "6000");
  await page.keyboard.press("Enter");
  await expect(tMax).toHaveValue("6000");
  expect(await schedule(page)).toEqual({ name: "cosine", tMax: 6000 });

  const warmup = sidebar(page).getByRole("textbox", { name: "Warmup steps", exact: true });
  await typeInto(page, warmup, "500");
  await page.keyboard.press("Enter");
  await expect(tMax).toHaveValue("5500");
  expect(await schedule(page)).toEqual({ name: "cosine", tMax: 5500, warmup: 500 });

  await typeInto(page, tMax, "3000");
  await page.keyboard.press("Enter");
  await typeInto(page, stepsBox(page), "8000");
  await page.keyboard.press("Enter");
  await expect(counter(page)).toHaveText(/\/\s*8000$/);
  await expect(tMax).toHaveValue("3000");
  expect(await schedule(page)).toEqual({ name: "cosine", tMax: 3000, warmup: 500 });
});

test("a warmup longer than the race is flagged on its field", async ({ page }) => {
  const warmup = sidebar(page).getByRole("textbox", { name: "Warmup steps", exact: true });
  await typeInto(page, warmup, "6000");
  await page.keyboard.press("Enter");
  const ids = (await warmup.getAttribute("aria-describedby")) ?? "";
  expect(ids).not.toBe("");
  const note = page.locator(`[id="${ids.split(" ")[0]}"]`);
  await expect(note).toBeVisible();
  await expect(note).toContainText("The warmup (6,000 steps) is as long as the race or longer (5,000 steps)");
  // Lengthening the race clears it.
  await typeInto(page, stepsBox(page), "7000");
  await page.keyboard.press("Enter");
  await expect(note).toHaveCount(0);
  await expect(warmup).not.toHaveAttribute("aria-describedby");
});

test("'None' with a warmup reads 'Warmup then constant' and is None again at warmup 0", async ({ page }) => {
  const picker = sidebar(page).getByRole("combobox", { name: "Schedule", exact: true });
  await expect(picker.locator("option:checked")).toHaveText("None (constant lr)");
  // "Constant" is not offered twice.
  await expect(picker.locator("option", { hasText: /^Constant$/ })).toHaveCount(0);
  const warmup = sidebar(page).getByRole("textbox", { name: "Warmup steps", exact: true });
  await typeInto(page, warmup, "100");
  await expect(picker.locator("option:checked")).toHaveText("Warmup then constant");
  expect(await schedule(page)).toEqual({ name: "constant", warmup: 100 });
  await typeInto(page, warmup, "0");
  await expect(picker.locator("option:checked")).toHaveText("None (constant lr)");
  expect(await schedule(page)).toBeNull();
});

test("the leaderboard says live while racing and final once the race is over", async ({ page }) => {
  const note = page.locator(".leaderboard .panel-note");
  await expect(note).toHaveText("at the start");
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "100 steps/s" });
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(note).toHaveText("live");
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(note).toHaveText(/^paused at step [\d,]+$/);
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
  await expect(note).toHaveText("final, step 5,000");
});

test("the update rule lists η₀ once at step 0, and the lr in force from step 1", async ({ page }) => {
  const rule = page.locator("section.update-rule");
  await expect(rule.locator('[data-param="lr"] annotation')).toHaveText(String.raw`\eta_0 = 0.01`);
  await expect(rule.locator('[data-param="lrNow"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Step", exact: true }).first().click();
  await expect(counter(page)).toHaveText(/^1\s*\//);
  await expect(rule.locator('[data-param="lrNow"] annotation')).toHaveText(String.raw`\eta_{1} = 0.01`);
});
