import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { inspectRun, type StepRecord } from "../src/core/engine/inspect";
import type { Experiment } from "../src/core/experiment/types";
import { formatValue } from "../src/ui/format";

/**
 * The step inspector against the core: the page's numbers (computed in the engine worker)
 * equal inspectRun's, computed here in Node from the page's own experiment, and the update
 * equals the difference of the consecutive points the page holds.
 */

const inspector = (page: Page) => page.getByRole("region", { name: "Step inspector" });
const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });

type Debug = { downhill: { store: { getState(): { experiment: Experiment; selectedRunId: string; setClip(id: string, clip: unknown): void; selectRun?: (id: string) => void } }; trajectories: { runs: Map<string, { xy: Float64Array; count: number }> } } };

const experimentOf = (page: Page) => page.evaluate(() => (window as unknown as Debug).downhill.store.getState().experiment);

/** The shown step number from the transport's counter ("3 / 5000"). */
async function shownStep(page: Page): Promise<number> {
  return Number(((await counter(page).textContent()) ?? "").replace(/[\s,]/g, "").split("/")[0]);
}

async function openInspector(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Step inspector" }).click();
  await expect(inspector(page)).toBeVisible();
  await expect(inspector(page).locator(".run-tag")).toHaveText("Adam");
}

async function stepTimes(page: Page, n: number) {
  const step = page.getByRole("button", { name: "Step", exact: true });
  for (let i = 0; i < n; i++) await step.click();
  await expect.poll(() => shownStep(page)).toBe(n);
}

/** Every number row of the table: name → [x, y] as the cells' full-precision data-value, and as shown. */
async function table(page: Page): Promise<Record<string, { values: number[]; text: string[] }>> {
  return inspector(page)
    .locator("table.inspector-table tbody tr")
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => {
          const cells = [...r.querySelectorAll("td[data-value]")];
          return [r.getAttribute("data-row"), { values: cells.map((c) => Number(c.getAttribute("data-value"))), text: cells.map((c) => c.textContent ?? "") }];
        }),
      ),
    );
}

function expectTableIs(t: Awaited<ReturnType<typeof table>>, r: StepRecord) {
  const want: Record<string, readonly number[]> = {
    gradient: r.gradient,
    used: r.used,
    effective: r.effective!,
    update: r.update,
    ...Object.fromEntries([...r.state, ...r.derived].map((s) => [`state-${s.name}`, s.values])),
  };
  for (const [name, values] of Object.entries(want)) {
    expect(t[name]?.values, name).toEqual([...values]);
    expect(t[name]?.text, name).toEqual(values.map(formatValue));
  }
}

test("Adam after three steps: the inspector shows the core's numbers, and the update is the difference of the page's points", async ({ page }) => {
  await openInspector(page);
  await stepTimes(page, 3);
  await expect(inspector(page).locator(".inspector-where")).toHaveAttribute("data-t", "2");
  const exp = await experimentOf(page);
  const core = inspectRun(exp, "adam", 3);
  if (core.kind !== "step") throw new Error("expected a step");
  const t = await table(page);
  expectTableIs(t, core.record);
  // m, v, m̂, v̂ are all there for Adam.
  for (const name of ["state-m", "state-v", "state-mHat", "state-vHat"]) expect(Object.keys(t)).toContain(name);

  const diff = await page.evaluate(() => {
    const run = (window as unknown as Debug).downhill.trajectories.runs.get("adam")!;
    return [run.xy[6] - run.xy[4], run.xy[7] - run.xy[5]];
  });
  expect(t.update.values).toEqual(diff);

  // The substituted rule is typeset, with this step's numbers in it.
  const source = await inspector(page).locator(".inspector-rule annotation").textContent();
  expect(source).toContain(String.raw`m_{t+1}/(1-\beta_1^{t+1})`);
  expect(source).toContain("x_{t+1}");
  await expect(inspector(page).getByRole("img", { name: /Time series of the effective step/ })).toBeVisible();
});

test("scrubbing the timeline changes the inspected step and its numbers", async ({ page }) => {
  await openInspector(page);
  await stepTimes(page, 5);
  await expect(inspector(page).locator(".inspector-where")).toHaveAttribute("data-t", "4");
  const before = await table(page);
  const timeline = page.getByRole("slider", { name: "Timeline" });
  await timeline.focus();
  await timeline.press("ArrowLeft");
  await timeline.press("ArrowLeft");
  await expect(inspector(page).locator(".inspector-where")).toHaveAttribute("data-t", "2");
  const after = await table(page);
  expect(after.update.values).not.toEqual(before.update.values);
  const core = inspectRun(await experimentOf(page), "adam", 3);
  if (core.kind !== "step") throw new Error("expected a step");
  expectTableIs(after, core.record);
});

test("arrows on the plot follow the checkbox, and clipping draws its radius", async ({ page }) => {
  await openInspector(page);
  await stepTimes(page, 2);
  const arrows = page.locator("g.inspector-arrows");
  await expect(arrows.locator(".inspector-arrow")).toHaveCount(0);
  await inspector(page).getByRole("checkbox", { name: "Arrows on plot" }).check();
  await expect(arrows).toHaveAttribute("data-arrows", "gradient momentum update");
  await expect(arrows.locator(".inspector-arrow")).toHaveCount(3);
  await expect(arrows.locator(".inspector-legend")).toContainText("−∇f");
  await expect(arrows.locator(".inspector-clip")).toHaveCount(0);
  // The gradient arrow points along −∇f at x_t (screen y grows downwards).
  const core = inspectRun(await experimentOf(page), "adam", 2);
  if (core.kind !== "step") throw new Error("expected a step");
  const line = arrows.locator(".inspector-gradient line").last();
  const [x1, y1, x2, y2] = await Promise.all(["x1", "y1", "x2", "y2"].map(async (a) => Number(await line.getAttribute(a))));
  const [gx, gy] = core.record.gradient;
  expect(Math.sign(x2 - x1)).toBe(Math.sign(-gx));
  expect(Math.sign(y2 - y1)).toBe(Math.sign(gy));

  // Clipping on for Adam: the radius appears, scaled like the gradient arrow, and the clipped gradient too.
  await page.evaluate(() => (window as unknown as Debug).downhill.store.getState().setClip("adam", { mode: "norm", maxNorm: 1 }));
  await expect(arrows.locator("circle.inspector-clip")).toHaveCount(1);
  await expect(arrows).toHaveAttribute("data-arrows", "gradient momentum clipped update");
  const radius = Number(await arrows.locator("circle.inspector-clip").getAttribute("data-radius-px"));
  const clipped = inspectRun(await experimentOf(page), "adam", 2);
  if (clipped.kind !== "step") throw new Error("expected a step");
  const g = clipped.record;
  // With clipping on the shared scale is set by what the optimizer got (and the bound), so the bound shows.
  const longest = Math.max(Math.hypot(...g.used), Math.hypot(...g.state.find((s) => s.name === "m")!.values), 1);
  expect(radius).toBeCloseTo((1 / longest) * 70, 1);
  expect(radius).toBeGreaterThan(30);
  expect(Math.hypot(...g.used)).toBeLessThanOrEqual(1);

  await inspector(page).getByRole("checkbox", { name: "Arrows on plot" }).uncheck();
  await expect(arrows.locator(".inspector-arrow")).toHaveCount(0);
  await expect(arrows.locator(".inspector-clip")).toHaveCount(0);
});

test("the inspector is reachable and named: toggle, checkbox and chart quantity by keyboard; no serious axe violations", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Step inspector" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await stepTimes(page, 2);
  const quantity = inspector(page).getByRole("combobox", { name: "Over the steps:" });
  await expect(quantity.locator("option")).toContainText(["first moment m", "effective step"]);
  await quantity.selectOption({ label: "first moment m" });
  await expect(inspector(page).getByRole("img", { name: "Time series of the first moment m" })).toBeVisible();
  const box = inspector(page).getByRole("checkbox", { name: "Arrows on plot" });
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  const results = await new AxeBuilder({ page }).include(".step-inspector").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await toggle.click();
  await expect(inspector(page)).toHaveCount(0);
});
