/// <reference lib="dom" />
/**
 * Every preset from the Presets control: it loads (the caption shows its lesson, the
 * leaderboard its runs, the plot redraws), races to the end in the worker, and every claim
 * its caption makes holds in the browser, checked by the same code the unit test uses.
 */
import { presets } from "../src/presets";
import { checkPreset, type RaceResults } from "../src/presets/claims";
import { expect, test, type Page } from "./fixtures";

const contoursDrawn = (page: Page) => page.evaluate(() => performance.getEntriesByName("downhill:contours-drawn").length);

/** Each run's metrics, path and lrs as the page holds them once the race is done. */
const pageResults = (page: Page): Promise<RaceResults> =>
  page.evaluate(() => {
    const d = (window as any).downhill;
    const out: Record<string, unknown> = {};
    for (const [id, r] of d.trajectories.runs as Map<string, any>)
      out[id] = { metrics: r.metrics, count: r.count, xy: Array.from(r.xy.subarray(0, 2 * r.count)), lr: Array.from(r.lr.subarray(0, r.count)) };
    return out as RaceResults;
  });

for (const preset of presets) {
  test(`preset "${preset.title}" loads, races to the end and its caption's claims hold`, async ({ page }) => {
    await page.goto("/");
    await page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
    const drawnBefore = await contoursDrawn(page);

    await page.getByRole("combobox", { name: "Presets" }).selectOption({ label: preset.title });

    const caption = page.getByRole("region", { name: preset.title });
    await expect(caption).toBeVisible();
    await expect(caption.getByRole("heading", { name: preset.title })).toBeVisible();
    await expect(caption).toContainText(preset.caption);
    await expect(page.getByRole("combobox", { name: "Presets" })).toHaveValue(preset.id);

    const labels = preset.experiment.runs.map((r) => r.label ?? r.id);
    await expect(page.getByRole("table").locator("tbody tr .name-text")).toHaveText(labels);
    await expect(page.getByRole("combobox", { name: "Surface" })).toHaveValue(preset.experiment.surface as string);
    // The plot redrew its contours for the preset's surface and view (the page opens on
    // Rosenbrock's own view, so a Rosenbrock preset without a view needs none).
    const opening = await page.evaluate(() => (window as any).downhill.store.getInitialState().experiment.surface);
    if (preset.experiment.surface !== opening || preset.experiment.view) await expect.poll(() => contoursDrawn(page)).toBeGreaterThan(drawnBefore);

    await page.getByRole("button", { name: "Run to end" }).click();
    await page.waitForFunction(
      (steps) => {
        const t = (window as any).downhill.trajectories;
        return t.done && t.steps === steps;
      },
      preset.experiment.steps,
      { timeout: 30_000 },
    );
    const results = await pageResults(page);
    expect(Object.keys(results)).toEqual(preset.experiment.runs.map((r) => r.id));
    expect(checkPreset(preset, results)).toEqual([]);
  });
}

test("the caption's × drops the lesson text and leaves the race as it is", async ({ page }) => {
  await page.goto("/");
  const preset = presets[1];
  await page.getByRole("combobox", { name: "Presets" }).selectOption({ label: preset.title });
  const caption = page.getByRole("region", { name: preset.title });
  await expect(caption).toBeVisible();
  await caption.getByRole("button", { name: "Dismiss caption" }).click();
  await expect(caption).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Presets" })).toHaveValue("");
  const e = await page.evaluate(() => (window as any).downhill.store.getState().experiment);
  expect(e.title).toBeUndefined();
  expect(e.caption).toBeUndefined();
  expect(e.surface).toBe(preset.experiment.surface);
  expect(e.runs.map((r: { id: string }) => r.id)).toEqual(preset.experiment.runs.map((r) => r.id));
});

test("the Presets control is keyboard operable", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Presets" });
  await picker.focus();
  // Arrow keys on a focused closed select choose the next option, as in every native select.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("region", { name: presets[0].title })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("region", { name: presets[1].title })).toBeVisible();
  await expect(picker).toHaveValue(presets[1].id);
});

test("a caption is text, never markup", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => {
    const s = (window as any).downhill.store;
    s.setState({ experiment: { ...s.getState().experiment, title: "<b>bold</b>", caption: '<img src=x onerror="window.__pwned=1">' } });
  });
  const caption = page.getByRole("region", { name: "<b>bold</b>" });
  await expect(caption).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(caption.locator("img, b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});
