import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { runExperiment } from "../src/core/engine";
import { defaultExperiment } from "../src/state/defaults";

/**
 * The panels under the plot: learning-rate and loss charts, the leaderboard and the
 * KaTeX update rule, checked as a user meets them (accessible names, rendered numbers,
 * pixels) against the headless engine the CLI runs.
 */

const panels = (page: Page) => page.getByRole("region", { name: "Panels" });
const leaderboard = (page: Page) => page.getByRole("table");
const bodyRows = (page: Page) => leaderboard(page).locator("tbody tr");
const rule = (page: Page) => page.locator("section.update-rule");
/** The LaTeX source KaTeX keeps in its MathML, which identifies a formula exactly. */
const formulaSource = (page: Page) => rule(page).locator(".rule-update .formula annotation").textContent();

/** The numbers the CLI (`npm run race -- file.json`) prints for the page's default race. */
const expected = runExperiment(defaultExperiment());
const expectedSummary = Object.fromEntries(expected.runs.map((r) => [r.id, r]));

async function runToEnd(page: Page) {
  const button = page.getByRole("button", { name: "Run to end", exact: true });
  if (await button.count()) await button.click();
  else await page.locator("body").press("Space"); // plays at full speed to the end
  for (const row of await bodyRows(page).all()) await expect(row.locator("td:nth-child(3)")).toHaveAttribute("data-value", String(expected.steps));
}

/** Number from a cell's data-value (the full-precision value behind the shown text). */
async function cellValue(page: Page, runId: string, column: number): Promise<number> {
  const v = await leaderboard(page).locator(`tbody tr[data-run="${runId}"] > :nth-child(${column})`).getAttribute("data-value");
  return v === null || v === "" ? NaN : Number(v);
}

const rowOrder = (page: Page) => bodyRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-run")));

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(bodyRows(page)).toHaveCount(3);
  // The engine has answered once the leaderboard shows a loss.
  await expect(leaderboard(page).locator('tbody tr[data-run="adam"] td:nth-child(4)')).toHaveAttribute("data-value", /\d/);
});


test("each panel is a section with a heading, and charts have accessible names", async ({ page }) => {
  for (const name of ["Learning rate", "Loss", "Leaderboard", "Update rule"]) {
    const heading = panels(page).getByRole("heading", { level: 2, name, exact: true });
    await expect(heading).toHaveCount(1);
    await expect(panels(page).getByRole("region", { name, exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole("img", { name: /^Learning rate by step/ })).toHaveCount(1);
  await expect(page.getByRole("img", { name: /^Loss by step.*f minus the surface's floor/ })).toHaveCount(1);
  await expect(leaderboard(page).locator("caption")).toHaveCount(1);
  const results = await new AxeBuilder({ page }).include(".panels").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("the update rule is the selected run's, typeset by KaTeX with its values written in", async ({ page }) => {
  await expect(rule(page).locator(".run-tag")).toHaveText("Adam");
  await expect(rule(page).locator(".rule-update .formula .katex").first()).toBeVisible();
  const adamFormula = await formulaSource(page);
  expect(adamFormula).toContain(String.raw`\hat v_t`);
  // The lr written in: the base lr η₀; at step 0 the lr in force is η₀ itself, listed once.
  const lr = rule(page).locator('[data-param="lr"]');
  await expect(lr).toHaveAttribute("data-value", "0.01");
  await expect(lr.locator(".katex")).toHaveCount(1);
  await expect(lr.locator("annotation")).toHaveText(String.raw`\eta_0 = 0.01`);
  await expect(rule(page).locator('[data-param="lrNow"]')).toHaveCount(0);
  await expect(rule(page).locator('[data-param="beta1"] annotation')).toHaveText(String.raw`\beta_1 = 0.9`);
  await expect(rule(page).locator('[data-param="eps"] annotation')).toHaveText(String.raw`\epsilon = 10^{-8}`);
  await expect(rule(page)).toContainText("Kingma & Ba 2015");
  await expect(rule(page).locator(".rule-schedule .katex").first()).toBeVisible();

  // Another run picked in the leaderboard: its rule and its lr.
  await leaderboard(page).getByRole("button", { name: "SGD: update rule", exact: true }).click();
  await expect(rule(page).locator(".run-tag")).toHaveText("SGD");
  await expect.poll(() => formulaSource(page)).not.toBe(adamFormula);
  expect(await formulaSource(page)).toContain(String.raw`\mu b_t + (1-\tau) g_t`);
  await expect(rule(page).locator('[data-param="lr"]')).toHaveAttribute("data-value", "0.001");
  await expect(rule(page).locator('[data-param="lr"] annotation')).toHaveText(String.raw`\eta_0 = 0.001`);
  await expect(leaderboard(page).getByRole("button", { name: "SGD: update rule", exact: true })).toHaveAttribute("aria-pressed", "true");
});

test("after Run to end the leaderboard shows the engine's numbers, and sorts", async ({ page }) => {
  await runToEnd(page);
  await expect(bodyRows(page)).toHaveCount(3);
  for (const run of expected.runs) {
    const row = leaderboard(page).locator(`tbody tr[data-run="${run.id}"]`);
    await expect(row.locator("td").nth(0)).toHaveText(run.status);
    for (const col of [3, 4, 5, 7]) expect(Number.isFinite(await cellValue(page, run.id, col))).toBe(true);
    const m = run.metrics;
    expect(await cellValue(page, run.id, 4)).toBeCloseTo(m.finalLoss, 12);
    expect(await cellValue(page, run.id, 5)).toBeCloseTo(m.distance!, 12);
    expect(await cellValue(page, run.id, 7)).toBeCloseTo(m.pathLength, 12);
    if (m.stepsToTolerance === null) await expect(row.locator("td").nth(4)).toHaveText("—not reached");
    else expect(await cellValue(page, run.id, 6)).toBe(m.stepsToTolerance);
    await expect(row.locator("td").nth(3)).toHaveAttribute("data-minimum", m.nearestMinimum!.kind);
  }
  // Adam (lr 0.01, 5000 steps from (−2, 2)) ends 0.967 from (1, 1), in agreement with
  // torch.optim.Adam; Momentum is the one that converges. The page shows what the engine computes.
  const adam = expectedSummary.adam.metrics;
  expect(adam.nearestMinimum!.point).toEqual([1, 1]);
  await expect(leaderboard(page).locator('tbody tr[data-run="adam"] td').nth(3)).toContainText(/^0\.967/);
  await expect(leaderboard(page).locator('tbody tr[data-run="momentum"] td').nth(0)).toHaveText("converged");

  // Sorting by loss, ascending then descending.
  const byLoss = [...expected.runs].sort((a, b) => a.metrics.finalLoss - b.metrics.finalLoss).map((r) => r.id);
  expect(await rowOrder(page)).toEqual(["sgd", "momentum", "adam"]);
  const sortByLoss = leaderboard(page).getByRole("button", { name: "Sort by loss", exact: true });
  await sortByLoss.click();
  await expect.poll(() => rowOrder(page)).toEqual(byLoss);
  await expect(leaderboard(page).getByRole("columnheader", { name: "Sort by loss" })).toHaveAttribute("aria-sort", "ascending");
  await sortByLoss.click();
  await expect.poll(() => rowOrder(page)).toEqual([...byLoss].reverse());
  await expect(leaderboard(page).getByRole("columnheader", { name: "Sort by loss" })).toHaveAttribute("aria-sort", "descending");
});

test("scrubbing shows every panel at that step, from the recorded arrays", async ({ page }) => {
  await runToEnd(page);
  const full = runExperiment(defaultExperiment());
  const box = (await page.getByRole("img", { name: /^Loss by step/ }).boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(panels(page).locator(".leaderboard .panel-note")).toHaveText(/^at step [\d,]+$/);
  const step = Number((await panels(page).locator(".leaderboard .panel-note").textContent())!.replace(/\D/g, ""));
  expect(step).toBeGreaterThan(1000);
  expect(step).toBeLessThan(4000);
  for (const run of full.runs) {
    await expect(leaderboard(page).locator(`tbody tr[data-run="${run.id}"] td:nth-child(3)`)).toHaveAttribute("data-value", String(step));
    expect(await cellValue(page, run.id, 4)).toBe(run.loss![step]);
  }
  await expect(page.getByRole("img", { name: /^Learning rate by step/ })).toHaveAccessibleDescription(new RegExp(`At step ${step} of 5000: SGD 0.001, Momentum 0.001, Adam 0.01`));
  await expect(rule(page).locator('[data-param="lrNow"] annotation')).toHaveText(`\\eta_{${step}} = 0.01`);
  // Double-click returns to the head of the race, which is over: the final standings.
  await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(panels(page).locator(".leaderboard .panel-note")).toHaveText("final, step 5,000");
});

test("the learning-rate chart draws each run's schedule; screenshots in both themes", async ({ page }, testInfo) => {
  await runToEnd(page);
  // Pixels in Adam's colour (#009988) and Momentum's (#d55e00) on the lr canvas.
  const counts = await page.getByRole("img", { name: /^Learning rate by step/ }).evaluate((canvas: any) => {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const near = (i: number, r: number, g: number, b: number) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200;
    let adam = 0;
    let momentum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, 0x00, 0x99, 0x88)) adam++;
      if (near(i, 0xd5, 0x5e, 0x00)) momentum++;
    }
    return { adam, momentum, width: canvas.width };
  });
  // A line across the plot: at least most of the canvas width in pixels.
  expect(counts.adam).toBeGreaterThan(counts.width * 0.6);
  expect(counts.momentum).toBeGreaterThan(counts.width * 0.6);
  await expect(page.getByRole("img", { name: /^Learning rate by step/ })).toHaveAccessibleDescription(/linear scale, 3 runs.*At step 5000 of 5000: SGD 0.001, Momentum 0.001, Adam 0.01/);

  await panels(page).screenshot({ path: testInfo.outputPath("panels-light.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(200);
  await panels(page).screenshot({ path: testInfo.outputPath("panels-dark.png") });
  await page.screenshot({ path: testInfo.outputPath("page-dark.png") });
});

test("a schedule shows dashed ahead of the cursor and switches the lr axis to log", async ({ page }) => {
  await page.getByRole("combobox", { name: "Schedule", exact: true }).selectOption("cosine");
  await expect(rule(page).locator(".rule-schedule h3")).toHaveText("Learning rate: Cosine annealing");
  // Picked in the app, the cosine spans the race: T_max is the horizon (5000), written in.
  await expect(rule(page).locator('.rule-schedule [data-param="tMax"] annotation')).toHaveText(String.raw`T_{\max} = 5000`);
  // Cosine down to η_min = 0 spans many decades: the axis goes log by itself.
  const toggle = page.getByRole("button", { name: "Log scale", exact: true });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("img", { name: /^Learning rate by step/ })).toHaveAccessibleDescription(/log scale.*dashed: planned schedule/);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("img", { name: /^Learning rate by step/ })).toHaveAccessibleDescription(/linear scale/);
});
