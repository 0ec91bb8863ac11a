/// <reference lib="dom" />
import AxeBuilder from "@axe-core/playwright";
import lzString from "lz-string";
import { expect, test, type Page } from "./fixtures";
import { runExperiment } from "../src/core/engine/output";
import { validateExperiment } from "../src/core/experiment/validate";
import { findCuts, TEXT } from "./textCuts";

/** Stochastic surfaces in the page: a run on mini-batches, its epochs, its reproducible path, the variance panel. */

const ready = (page: Page) => page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
const store = (page: Page) => page.evaluate(() => (window as any).downhill.store.getState().experiment);
/** Every point of a run's path in the page, as the worker sent it. */
const path = (page: Page, id: string) =>
  page.evaluate((id) => {
    const run = (window as any).downhill.trajectories.runs.get(id);
    return Array.from(run.xy.subarray(0, 2 * run.count)) as number[];
  }, id);
const batchBox = (page: Page) => page.getByRole("textbox", { name: "Batch size value" });
const runToEnd = async (page: Page) => {
  await page.getByRole("button", { name: "Run to end" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).downhill.trajectories.done)).toBe(true);
};

/** Linear regression with Adam and a copy of it on batches of 8 (the copy is selected). */
async function batchedRace(page: Page) {
  await page.goto("/");
  await ready(page);
  await page.getByLabel("Surface", { exact: true }).selectOption("linearRegression");
  await page.getByRole("button", { name: "Duplicate Adam" }).click();
  await batchBox(page).fill("8");
  // Enter ends the edit: 8 is now the value a later bad edit falls back to.
  await batchBox(page).press("Enter");
  await expect.poll(async () => (await store(page)).runs.find((r: any) => r.id === "adam-copy").batchSize).toBe(8);
}

test("a run on batches of 8 takes another path than at full batch, counts its epochs, and races as the engine does", async ({ page }) => {
  await batchedRace(page);
  await expect(page.getByTestId("batch-note")).toHaveText("32 steps per epoch of 256 examples");
  await runToEnd(page);
  const experiment = await store(page);
  const steps = experiment.steps;
  const [noisy, full] = [await path(page, "adam-copy"), await path(page, "adam")];
  expect(noisy).toHaveLength(2 * (steps + 1));
  expect(noisy).not.toEqual(full);

  // The page's path is the engine's (the CLI's numbers) to 1e-9: the same batches in the same
  // order. Not bit for bit: Node's and Chromium's Math.pow (Adam's bias correction) may differ by an ulp.
  const v = validateExperiment(experiment);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const cli = runExperiment(v.experiment).runs.find((r) => r.id === "adam-copy")!.points!.flat();
  expect(cli).toHaveLength(noisy.length);
  expect(Math.max(...noisy.map((p, i) => Math.abs(p - cli[i])))).toBeLessThan(1e-9);

  // Epochs: steps · 8 / 256 for the batched run, none for the full-batch one.
  const row = page.locator('.leaderboard tr[data-run="adam-copy"]');
  const epochs = (steps * 8) / 256;
  await expect(row.locator(".epochs")).toHaveAttribute("data-epochs", String(epochs));
  await expect(row.locator(".epochs")).toHaveText(`${epochs} epochs`);
  await expect(page.locator('.leaderboard tr[data-run="adam"] .epochs')).toHaveCount(0);

  // Scrubbed back to step 100, the leaderboard shows the epochs at that step.
  await page.evaluate(() => (window as any).downhill.store.getState().setScrub(100));
  await expect(row.locator(".epochs")).toHaveAttribute("data-epochs", String((100 * 8) / 256));
});

test("the link restores the same noisy path exactly after a reload", async ({ page }) => {
  await batchedRace(page);
  await runToEnd(page);
  const before = await path(page, "adam-copy");
  const steps = (await store(page)).steps;
  // The link is written 300 ms after the last change: wait for the one holding the batch size and the last step.
  const linked = () => page.evaluate(() => location.hash).then((h) => (h.startsWith("#e=") ? JSON.parse(lzString.decompressFromEncodedURIComponent(h.slice(3)) ?? "null") : null));
  await expect.poll(async () => {
    const e = await linked();
    return e && [e.runs.find((r: any) => r.id === "adam-copy")?.batchSize, e.step];
  }).toEqual([8, steps]);
  await page.reload();
  await ready(page);
  expect((await store(page)).runs.find((r: any) => r.id === "adam-copy").batchSize).toBe(8);
  // The link restores the race up to its step: the whole race, recomputed in the worker.
  await expect.poll(() => page.evaluate(() => (window as any).downhill.trajectories.done)).toBe(true);
  expect(await path(page, "adam-copy")).toEqual(before);
});

test("the variance panel falls with the batch size, exact and sampled, at the selected run's point", async ({ page }) => {
  await batchedRace(page);
  await page.getByRole("button", { name: "Step", exact: true }).click();
  const panel = page.getByRole("region", { name: "Gradient variance by batch size" });
  await expect(panel.getByRole("img", { name: /^Variance of the mini-batch gradient against batch size, log-log/ })).toBeVisible();
  await expect(panel).toContainText("Adam (copy) at step 1");
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(9);
  const read = async (attr: string) => (await rows.evaluateAll((trs, a) => trs.map((tr) => Number(tr.getAttribute(a))), attr)) as number[];
  expect(await read("data-batch")).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
  for (const key of ["data-exact", "data-sampled"]) {
    const v = await read(key);
    for (let i = 1; i < v.length; i++) expect(v[i], `${key} at B = ${2 ** i}`).toBeLessThan(v[i - 1]);
    expect(v.at(-1)).toBe(0);
  }
  // The run's own batch size is marked.
  await expect(panel.locator('tbody tr[aria-current="true"]')).toHaveAttribute("data-batch", "8");
  // Not on a surface with no dataset.
  await page.getByLabel("Surface", { exact: true }).selectOption("rosenbrock");
  await expect(panel).toHaveCount(0);
  await expect(batchBox(page)).toHaveCount(0);
  expect((await store(page)).runs.every((r: any) => r.batchSize === undefined)).toBe(true);
});

test("a bad batch size says what is allowed and keeps the last good value; axe finds nothing serious", async ({ page }) => {
  await batchedRace(page);
  const box = batchBox(page);
  for (const [text, why] of [
    ["0", /^Batch size: "0" must be an integer ≥ 1 and ≤ 256$/],
    ["300", /^Batch size: "300" must be an integer ≥ 1 and ≤ 256$/],
    ["2.5", /^Batch size: "2.5" must be an integer ≥ 1 and ≤ 256$/],
    ["abc", /^Batch size: "abc" is not a number$/],
  ] as const) {
    await box.fill(text);
    await expect(page.getByRole("alert").filter({ hasText: "Batch size" })).toHaveText(why);
    await expect(box).toHaveAttribute("aria-invalid", "true");
    expect((await store(page)).runs.find((r: any) => r.id === "adam-copy").batchSize).toBe(8);
    await box.press("Escape");
    await expect(box).toHaveValue("8");
  }
  // Empty: the full batch again.
  await box.fill("");
  await expect.poll(async () => (await store(page)).runs.find((r: any) => r.id === "adam-copy").batchSize).toBeUndefined();
  await box.fill("16");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).include(".run-editor").include(".variance-panel").include(".leaderboard").analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, scheme).toEqual([]);
  }
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width}×${size.height} the batch fields, epochs and variance panel show whole, light and dark`, async ({ page }) => {
    await page.setViewportSize(size);
    await batchedRace(page);
    await runToEnd(page);
    await expect(page.getByRole("region", { name: "Gradient variance by batch size" }).locator("tbody tr")).toHaveCount(9);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(findCuts, TEXT), scheme).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(size.width);
    }
  });
}
