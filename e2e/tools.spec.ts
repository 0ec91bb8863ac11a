/// <reference lib="dom" />
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { getOptimizer } from "../src/core/optim";
import { getSurface } from "../src/core/surfaces";
import { quadraticTheory } from "../src/core/tools/theory";
import { tuneLr } from "../src/core/tools/tune";
import { findCuts, TEXT } from "./textCuts";
import { axisValues, sweepableParams } from "../src/ui/tools/toolSettings";

/** The fair-comparison tools in the page: range test, Tune with progress and Cancel, sweep heatmap, basin map, theory. */

const panel = (page: Page) => page.getByRole("region", { name: "Fair comparison" });
const optimizerOf = (page: Page, id: string) =>
  page.evaluate((id) => (window as any).downhill.store.getState().experiment.runs.find((r: any) => r.id === id).optimizer, id);

async function open(page: Page, runId = "adam") {
  await page.goto("/");
  await page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
  await page.evaluate((id) => (window as any).downhill.store.getState().selectRun(id), runId);
  await expect(panel(page).getByText(`for ${runId === "adam" ? "Adam" : runId === "sgd" ? "SGD" : "Momentum"}`)).toBeVisible();
}

const choose = (page: Page, label: string, value: string) => panel(page).getByLabel(label, { exact: true }).selectOption(value);

test("Range test plots loss against lr and one click applies the suggested lr", async ({ page }) => {
  await open(page);
  await panel(page).getByRole("button", { name: "Range test", exact: true }).click();
  await expect(panel(page).getByRole("img", { name: /Loss against learning rate over \d+ steps; suggested lr/ })).toBeVisible();
  const apply = panel(page).getByRole("button", { name: /^Apply lr / });
  const suggested = Number(await apply.getAttribute("data-lr"));
  expect(suggested).toBeGreaterThan(1e-5);
  expect(suggested).not.toBe(0.01);
  await apply.click();
  expect((await optimizerOf(page, "adam")).lr).toBe(suggested);
});

test("Tune shows its progress, Cancel stops it at once with the lr unchanged; a tuning run to the end applies its lr and marks the run", async ({ page }) => {
  await open(page);
  // A long job: a 64-point grid of 100,000 Adam steps each (6.4 M steps).
  await choose(page, "Steps per run", "100000");
  await choose(page, "Tune by", "grid");
  await choose(page, "Tune points", "64");
  await panel(page).getByRole("button", { name: "Tune", exact: true }).click();
  const bar = page.getByRole("progressbar", { name: "Tune progress" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 40_000 }).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
  // The page stays responsive meanwhile: the store answers and a button still takes a click.
  const t0 = Date.now();
  await panel(page).getByRole("button", { name: "Cancel" }).click();
  await expect(bar).toBeHidden({ timeout: 2000 });
  expect(Date.now() - t0).toBeLessThan(1500);
  await expect(panel(page).getByRole("status").filter({ hasText: "Cancelled." })).toBeVisible();
  expect((await optimizerOf(page, "adam")).lr).toBe(0.01);
  await expect(panel(page).getByTestId("tuned")).toHaveCount(0);

  await choose(page, "Steps per run", "500");
  await choose(page, "Tune by", "halving");
  await choose(page, "Tune points", "16");
  await panel(page).getByRole("button", { name: "Tune", exact: true }).click();
  const mark = panel(page).getByTestId("tuned");
  await expect(mark).toBeVisible({ timeout: 30_000 });
  await expect(mark).toContainText("Tuned");
  await expect(mark).toContainText("successive halving of 16 lrs in [");
  await expect(mark).toContainText("final loss after 500 steps");
  const tunedLr = Number(await mark.getAttribute("data-lr"));
  expect((await optimizerOf(page, "adam")).lr).toBe(tunedLr);
  // Editing the lr by hand keeps the record of the search but says the run changed since.
  await page.evaluate(() => (window as any).downhill.store.getState().setOptimizerParam("adam", "lr", 0.0042));
  await expect(mark).toContainText("Changed since tuned");
  await expect(mark).toHaveAttribute("data-changed", "true");
  // Back to the tuned lr it reads Tuned again; on another surface it does not.
  await page.evaluate((lr) => (window as any).downhill.store.getState().setOptimizerParam("adam", "lr", lr), tunedLr);
  await expect(mark).toHaveAttribute("data-changed", "false");
  await page.getByRole("combobox", { name: "Surface" }).selectOption("bowl");
  await expect(mark).toContainText("Changed since tuned");
});

const DEFAULT_RUNS = [
  { id: "sgd", name: "SGD", optimizer: { name: "sgd", lr: 0.001 } },
  { id: "momentum", name: "Momentum", optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } },
  { id: "adam", name: "Adam", optimizer: { name: "adam", lr: 0.01 } },
];
const card = (page: Page, id: string) => page.locator(`li.run-card[data-run-id="${id}"]`);
const lrRange = (name: string) => (getOptimizer(name)!.params.lr as { slider: readonly [number, number] }).slider;

/**
 * Records in the page every value and text the "Tune all runs" bar shows, and when it goes
 * away after a click on Cancel. With `cancelWhen`, clicks Cancel as soon as the bar's text
 * contains it: a run of the default race tunes in a fraction of a second, quicker than a
 * click from the test could be aimed at it.
 */
function watchTuneAllBar(page: Page, cancelWhen?: string) {
  return page.evaluate((cancelWhen) => {
    const w = ((window as any).tuneAllBar = { values: [] as number[], texts: [] as string[], cancelAt: -1, goneAt: -1 });
    const look = () => {
      const b = document.querySelector('[role="progressbar"][aria-label="Tune all runs progress"]');
      if (b) {
        const v = Number(b.getAttribute("aria-valuenow"));
        if (w.values.at(-1) !== v) w.values.push(v);
        const t = b.getAttribute("aria-valuetext")!;
        if (w.texts.at(-1) !== t) w.texts.push(t);
        if (cancelWhen && t.includes(cancelWhen) && w.cancelAt < 0) [...document.querySelectorAll("button")].find((x) => x.textContent === "Cancel")!.click();
      } else if (w.cancelAt >= 0 && w.goneAt < 0) w.goneAt = performance.now();
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow", "aria-valuetext"] });
    // Capture phase: the time of the click itself, before the page handles it.
    document.addEventListener("click", (e) => (e.target as Element).closest("button")?.textContent === "Cancel" && (w.cancelAt = performance.now()), true);
  }, cancelWhen);
}
const barLog = (page: Page) => page.evaluate(() => (window as any).tuneAllBar as { values: number[]; texts: string[]; cancelAt: number; goneAt: number });

test("Tune all runs tunes every run of the race in turn under one progress bar, applies each lr in its range and marks every card", async ({ page }) => {
  await open(page);
  await choose(page, "Steps per run", "200");
  await watchTuneAllBar(page);
  await panel(page).getByRole("button", { name: "Tune all runs" }).click();
  await expect(panel(page).getByRole("status")).toHaveText("Tuned all 3 runs.", { timeout: 60_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const log = await barLog(page);
  // One bar over the whole job: it only goes forward, through values between the ends, naming each run in turn.
  for (let i = 1; i < log.values.length; i++) expect(log.values[i]).toBeGreaterThanOrEqual(log.values[i - 1]);
  expect(log.values.some((v) => v > 0 && v < 100)).toBe(true);
  expect(log.values.some((v) => v >= 34 && v < 67)).toBe(true);
  for (const [i, { name }] of DEFAULT_RUNS.entries()) expect(log.texts.some((t) => t.endsWith(`, Tuning ${name} (${i + 1} of 3)`))).toBe(true);
  for (const run of DEFAULT_RUNS) {
    const badge = card(page, run.id).getByTestId("tuned-badge");
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute("data-changed", "false");
    await expect(badge).toHaveText(/^tuned: lr = \S+ by successive halving of 16 lrs in \[.+\], final loss after 200 steps: \S+ \(\d+ runs\)$/);
    await expect(badge).toHaveAttribute("title", /^Tuned: lr = .* by successive halving of 16 lrs in \[/);
    const opt = await optimizerOf(page, run.id);
    const range = lrRange(run.optimizer.name);
    expect(opt.lr).toBe(Number(await badge.getAttribute("data-lr")));
    expect(opt.lr).toBeGreaterThanOrEqual(range[0] * (1 - 1e-12));
    expect(opt.lr).toBeLessThanOrEqual(range[1] * (1 + 1e-12));
    // The lr the same search finds here in Node (the page's Math.pow may differ in the last bit).
    // SGD and Adam move far from their defaults; Momentum's best on this budget is its default 1e-3.
    const expected = await tuneLr({ id: run.id, optimizer: run.optimizer }, { surface: "rosenbrock", start: [-2, 2], tolerance: 0.1 }, { range, points: 16, steps: 200, criterion: "finalLoss", method: "halving" });
    expect(opt.lr / expected.lr).toBeCloseTo(1, 12);
    if (run.id !== "momentum") expect(Math.abs(Math.log10(opt.lr / run.optimizer.lr))).toBeGreaterThan(0.3);
    // Only the lr changed.
    expect(opt).toEqual({ ...run.optimizer, lr: opt.lr });
    expect(Number(await card(page, run.id).getAttribute("data-lr"))).toBe(opt.lr);
  }
  // The run's own edit afterwards turns its badge to "changed since tuned", the others stay tuned.
  await page.evaluate(() => (window as any).downhill.store.getState().setOptimizerParam("momentum", "momentum", 0.5));
  await expect(card(page, "momentum").getByTestId("tuned-badge")).toHaveAttribute("data-changed", "true");
  await expect(card(page, "momentum").getByTestId("tuned-badge")).toHaveText(/^changed since tuned: /);
  await expect(card(page, "sgd").getByTestId("tuned-badge")).toHaveAttribute("data-changed", "false");
});

test("Cancel during Tune all runs, after the first run, keeps that run tuned and the others untouched; the bar is gone within 100 ms", async ({ page }) => {
  await open(page);
  await choose(page, "Steps per run", "20000");
  await choose(page, "Tune by", "grid");
  await choose(page, "Tune points", "64");
  // Cancel the moment the bar says the second run's search has begun (the first is done).
  await watchTuneAllBar(page, "Tuning Momentum (2 of 3)");
  await panel(page).getByRole("button", { name: "Tune all runs" }).click();
  await expect(panel(page).getByRole("status")).toHaveText("Cancelled. SGD tuned; Momentum and Adam left unchanged.", { timeout: 60_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  const log = await barLog(page);
  expect(log.texts.some((t) => t.endsWith("Tuning SGD (1 of 3)"))).toBe(true);
  expect(log.values.at(-1)).toBeGreaterThanOrEqual(33);
  expect(log.values.at(-1)).toBeLessThan(67);
  expect(log.cancelAt).toBeGreaterThan(0);
  expect(log.goneAt - log.cancelAt).toBeGreaterThanOrEqual(0);
  expect(log.goneAt - log.cancelAt).toBeLessThan(100);
  const sgd = await optimizerOf(page, "sgd");
  expect(sgd.lr).toBe(Number(await card(page, "sgd").getByTestId("tuned-badge").getAttribute("data-lr")));
  expect(sgd.lr).not.toBe(0.001);
  for (const run of DEFAULT_RUNS.slice(1)) {
    expect(await optimizerOf(page, run.id)).toEqual(run.optimizer);
    await expect(card(page, run.id).getByTestId("tuned-badge")).toHaveCount(0);
  }
  // Nothing is still working: a moment later no run has changed.
  await page.waitForTimeout(500);
  expect(await optimizerOf(page, "adam")).toEqual(DEFAULT_RUNS[2].optimizer);
  await expect(page.locator('[data-testid="tuned-badge"]')).toHaveCount(1);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
])
  test(`at ${size.width}×${size.height} the tuned badges, the runs list and the panel show whole, axe-clean light and dark`, async ({ page }) => {
    await page.setViewportSize(size);
    await open(page);
    await choose(page, "Steps per run", "200");
    await panel(page).getByRole("button", { name: "Tune all runs" }).click();
    await expect(panel(page).getByRole("status")).toHaveText("Tuned all 3 runs.", { timeout: 60_000 });
    // The longer badge too.
    await page.evaluate(() => (window as any).downhill.store.getState().setOptimizerParam("momentum", "momentum", 0.5));
    await expect(page.getByTestId("tuned-badge").filter({ hasText: "changed since tuned" })).toHaveCount(1);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(findCuts, `${TEXT}, .tuned-badge`), scheme).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(size.width);
      const result = await new AxeBuilder({ page }).include(".run-cards").include(".tools-panel").analyze();
      const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, scheme).toEqual([]);
    }
  });

test("the panel is editing chrome: hidden in lecture mode and absent from the embed view", async ({ page }) => {
  await open(page);
  await expect(panel(page)).toBeVisible();
  await page.getByRole("button", { name: "Lecture mode" }).click();
  await expect(panel(page)).toBeHidden();
  await page.goto("/?embed");
  await page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
  await expect(page.locator(".tools-panel")).toHaveCount(0);
});

test("Sweep draws a 32 × 32 heatmap with a legend; a click or Enter on a cell loads its two values into the run", async ({ page }) => {
  await open(page);
  await choose(page, "Steps per run", "200");
  await panel(page).getByRole("button", { name: "Sweep", exact: true }).click();
  await expect(page.getByRole("progressbar", { name: "Sweep progress" })).toBeVisible();
  const map = panel(page).getByRole("img", { name: /^Sweep heatmap, 32 × 32: Learning rate across, Beta 1 up/ });
  await expect(map).toBeVisible({ timeout: 30_000 });
  // The panel sits at the foot of the scrolling sidebar: the new heatmap is scrolled into view.
  await expect(map).toBeInViewport({ ratio: 0.95 });
  await expect(panel(page).getByText(/best .* worst \(by rank of final loss\)/)).toBeVisible();
  const params = sweepableParams(getOptimizer("adam")!);
  const lrs = axisValues(params.find(([k]) => k === "lr")![1], 32);
  const beta1s = axisValues(params.find(([k]) => k === "beta1")![1], 32);
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const [i, j] = [7, 20];
  await page.mouse.click(box.x + ((i + 0.5) / 32) * box.width, box.y + ((32 - 1 - j + 0.5) / 32) * box.height);
  // The page's Math.pow (Chromium's V8) may differ from Node's in the last bit: compare to 1e-13.
  const expectCell = (opt: { lr: number; beta1: number }, i: number, j: number) => {
    expect(opt.lr / lrs[i]).toBeCloseTo(1, 13);
    expect(opt.beta1).toBeCloseTo(beta1s[j], 13);
    expect(opt.lr).not.toBeCloseTo(lrs[i + 1], 8);
  };
  expectCell(await optimizerOf(page, "adam"), i, j);
  // Keyboard: from the clicked cell, one to the left and one up, then Enter.
  await map.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  expectCell(await optimizerOf(page, "adam"), i - 1, j + 1);
});

test("Basin map: a 128 × 128 overlay on the contour canvas with a legend, hidden by its box", async ({ page }) => {
  await open(page);
  await choose(page, "Steps per run", "200");
  const canvas = page.locator('canvas[data-layer="contours"]');
  const pixels = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await page.waitForTimeout(500);
  const before = await pixels();
  await panel(page).getByRole("button", { name: "Basin map", exact: true }).click();
  await expect(page.getByRole("progressbar", { name: "Basin map progress" })).toBeVisible();
  const legend = panel(page).getByRole("group", { name: "Basin map legend" });
  await expect(legend).toBeVisible({ timeout: 60_000 });
  await expect(legend).toContainText("128 × 128 starts");
  await expect(legend).toContainText(/global minimum \(1, 1\): \d+\.\d%/);
  await expect(canvas).toHaveAttribute("data-basin", "128x128");
  const withMap = await pixels();
  expect(withMap).not.toBe(before);
  await legend.getByRole("checkbox", { name: "Show basin map on the plot" }).uncheck();
  await expect(canvas).toHaveAttribute("data-basin", "");
  expect(await pixels()).toBe(before);
  // Another surface: the map belongs to Rosenbrock and is not drawn over it.
  await legend.getByRole("checkbox", { name: "Show basin map on the plot" }).check();
  await page.getByRole("combobox", { name: "Surface" }).selectOption("bowl");
  await expect(canvas).toHaveAttribute("data-basin", "");
  await expect(legend).toBeHidden();
});

test("on a typed surface the tool workers load the formula compiler when first asked: a basin map of x² + 10y²", async ({ page }) => {
  await open(page);
  // A convex bowl typed in: starts reach its one minimum (found numerically) or are still on their way; none diverges.
  const ok = await page.evaluate(() => (window as any).downhill.store.getState().setSurface({ expression: "x^2 + 10*y^2", domain: [[-2, 2], [-2, 2]] }));
  expect(ok).toBeNull();
  await choose(page, "Steps per run", "500");
  await panel(page).getByRole("button", { name: "Basin map", exact: true }).click();
  const legend = panel(page).getByRole("group", { name: "Basin map legend" });
  await expect(legend).toBeVisible({ timeout: 60_000 });
  await expect(legend).toContainText(/global minimum \(0, 0\): \d+\.\d%/);
  await expect(legend).not.toContainText("diverged");
});

test("on a quadratic the theory box and the loss panel give the rates, and the buttons apply the optimal settings", async ({ page }) => {
  await open(page);
  await page.getByRole("combobox", { name: "Surface" }).selectOption("quadratic");
  await panel(page).getByRole("button", { name: "Apply optimal GD" }).click();
  const q = quadraticTheory(getSurface("quadratic")!)!;
  expect(await optimizerOf(page, "adam")).toEqual({ name: "sgd", lr: q.gd.lr, momentum: 0 });
  await page.getByRole("combobox", { name: "Surface" }).selectOption("bowl");
  const b = quadraticTheory(getSurface("bowl")!)!;
  await expect(page.getByTestId("theory-note")).toContainText("(κ−1)/(κ+1) = 0.818");
  await expect(page.getByTestId("theory-note")).toContainText("(√κ−1)/(√κ+1) = 0.519");
  await panel(page).getByRole("button", { name: "Apply optimal heavy ball" }).click();
  expect(await optimizerOf(page, "adam")).toEqual({ name: "sgd", lr: b.heavyBall.lr, momentum: b.heavyBall.momentum });
  await page.getByRole("combobox", { name: "Surface" }).selectOption("rosenbrock");
  await expect(panel(page).getByRole("button", { name: "Apply optimal GD" })).toHaveCount(0);
  await expect(page.getByTestId("theory-note")).toHaveCount(0);
});

for (const colorScheme of ["light", "dark"] as const)
  test(`axe: no serious violations in the panel with every result shown (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await choose(page, "Steps per run", "200");
    await choose(page, "Sweep grid", "16");
    await panel(page).getByRole("button", { name: "Range test", exact: true }).click();
    await panel(page).getByRole("button", { name: "Sweep", exact: true }).click();
    await expect(panel(page).getByRole("img", { name: /^Sweep heatmap/ })).toBeVisible({ timeout: 30_000 });
    await panel(page).getByRole("button", { name: "Basin map", exact: true }).click();
    await expect(panel(page).getByRole("progressbar")).toBeVisible();
    // Axe while a tool works (progress bar and Cancel), then with the map done.
    let result = await new AxeBuilder({ page }).include(".tools-panel").analyze();
    const serious = (r: typeof result) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious(result)).toEqual([]);
    await expect(panel(page).getByRole("group", { name: "Basin map legend" })).toBeVisible({ timeout: 60_000 });
    result = await new AxeBuilder({ page }).include(".tools-panel").analyze();
    expect(serious(result)).toEqual([]);
  });
