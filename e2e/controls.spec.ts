import { expect, test, type Page } from "./fixtures";

/**
 * The controls as a user meets them: transport under the plot, the surface picker and the
 * run list with its editor. Every check goes through accessible names, as a screen reader would.
 */

const transport = (page: Page) => page.getByRole("group", { name: "Playback" });
const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const sidebar = (page: Page) => page.getByRole("complementary", { name: "Runs" });
const cards = (page: Page) => sidebar(page).locator("li.run-card");
const card = (page: Page, id: string) => sidebar(page).locator(`li.run-card[data-run-id="${id}"]`);

async function shownStep(page: Page): Promise<number> {
  const text = (await counter(page).textContent()) ?? "";
  return Number(text.split("/")[0].trim());
}

async function expectStep(page: Page, step: number) {
  await expect.poll(() => shownStep(page)).toBe(step);
}

/** Loss the run's card shows (written from the trajectory buffers). */
async function cardLoss(page: Page, id: string): Promise<number> {
  return Number(await card(page, id).locator(".run-readout").getAttribute("data-loss"));
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  // The engine has answered once the cards show a loss.
  await expect(card(page, "adam").locator(".run-readout")).toHaveAttribute("data-loss", /\d/);
});


test("transport and editor controls have unique accessible names", async ({ page }) => {
  for (const name of ["Play", "Reset", "Run to end"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(1);
  await expect(transport(page).getByRole("button", { name: "Step", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Timeline", exact: true })).toHaveCount(1);
  await expect(counter(page)).toHaveCount(1);
  for (const name of ["Speed", "Surface", "Optimizer", "Schedule", "Clipping"]) await expect(page.getByRole("combobox", { name, exact: true })).toHaveCount(1);
  await expect(page.getByRole("spinbutton", { name: "Steps", exact: true })).toHaveCount(1);

  // The selected run is Adam.
  await expect(page.getByRole("slider", { name: "Learning rate", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Beta 1", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Beta 2", exact: true })).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Learning rate value", exact: true })).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "AMSGrad", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Momentum", exact: true })).toHaveCount(0);

  // SGD's editor: momentum instead of betas.
  await sidebar(page).getByRole("button", { name: "Momentum", exact: true }).click();
  await expect(page.getByRole("slider", { name: "Momentum", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Momentum", exact: true })).toHaveValue("0.9");
  await expect(page.getByRole("slider", { name: "Beta 1", exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Nesterov", exact: true })).toHaveCount(1);
});

test("the Step button's name is unique on the whole page", async ({ page }) => {
  await expect(page.getByRole("button", { name: "Step", exact: true })).toHaveCount(1);
});

test("Play advances the counter and becomes Pause; Pause stops it", async ({ page }) => {
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "100 steps/s" });
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toHaveCount(0);
  await expect.poll(() => shownStep(page)).toBeGreaterThan(10);

  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  const paused = await shownStep(page);
  await page.waitForTimeout(600);
  expect(await shownStep(page)).toBe(paused);
  expect(paused).toBeLessThan(5000);
});

test("Step takes exactly one step, Reset returns to 0, Run to end reaches the horizon", async ({ page }) => {
  const step = transport(page).getByRole("button", { name: "Step", exact: true });
  await step.click();
  await expectStep(page, 1);
  await step.click();
  await expectStep(page, 2);
  await page.waitForTimeout(300);
  expect(await shownStep(page)).toBe(2);

  await page.getByRole("button", { name: "Reset", exact: true }).click();
  await expectStep(page, 0);

  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 5000);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeDisabled();
});

test("keyboard: Space plays and pauses, ArrowRight steps, R resets", async ({ page }) => {
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "20 steps/s" });
  await page.evaluate("document.activeElement?.blur()");

  await page.keyboard.press("ArrowRight");
  await expectStep(page, 1);
  await page.keyboard.press("ArrowRight");
  await expectStep(page, 2);

  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(3);
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();

  await page.keyboard.press("r");
  await expectStep(page, 0);
});

test("the Timeline scrubs back through the race and follows the head again at its end", async ({ page }) => {
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 5000);
  const timeline = page.getByRole("slider", { name: "Timeline" });
  await expect(timeline).toHaveAttribute("max", "5000");
  const endLoss = await cardLoss(page, "sgd");

  await timeline.fill("1000");
  await expectStep(page, 1000);
  await expect.poll(() => cardLoss(page, "sgd")).not.toBe(endLoss);
  await timeline.fill("10");
  await expectStep(page, 10);

  await timeline.fill("5000");
  await expectStep(page, 5000);
  await expect.poll(() => cardLoss(page, "sgd")).toBe(endLoss);
});

test("moving the learning-rate slider re-runs the race live, without a reload", async ({ page }) => {
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 5000);
  await page.evaluate("window.marker = 42");
  const before = await cardLoss(page, "adam");
  await expect(card(page, "adam")).toHaveAttribute("data-lr", "0.01");

  // Drag the thumb left with the mouse: a smaller lr on a log scale.
  const slider = page.getByRole("slider", { name: "Learning rate", exact: true });
  const box = (await slider.boundingBox())!;
  const [value, min, max] = [await slider.inputValue(), await slider.getAttribute("min"), await slider.getAttribute("max")].map(Number);
  const x0 = box.x + (box.width * (value - min)) / (max - min);
  const y = box.y + box.height / 2;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x0 - i * 5, y);
  await page.mouse.up();

  const lr = Number(await card(page, "adam").getAttribute("data-lr"));
  expect(lr).toBeGreaterThan(0);
  expect(lr).toBeLessThan(0.01);
  await expect(page.getByRole("textbox", { name: "Learning rate value" })).not.toHaveValue("0.01");
  await expect.poll(() => cardLoss(page, "adam")).not.toBe(before);
  await expectStep(page, 5000);

  // Keyboard on the slider: one position is a hundredth of a decade.
  await slider.fill("200");
  await expect(card(page, "adam")).toHaveAttribute("data-lr", "0.001");
  await expect(page.getByRole("textbox", { name: "Learning rate value" })).toHaveValue("1.0e-3");
  await expect(slider).toHaveAttribute("aria-valuetext", "1.0e-3");
  expect(await page.evaluate("window.marker")).toBe(42);
});

test("an invalid typed learning rate shows a message and keeps the previous value", async ({ page }) => {
  const box = page.getByRole("textbox", { name: "Learning rate value", exact: true });
  const slider = page.getByRole("slider", { name: "Learning rate", exact: true });
  await box.fill("-1");
  const alert = sidebar(page).getByRole("alert");
  await expect(alert).toContainText("Learning rate");
  await expect(alert).toContainText("> 0");
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(box).toHaveValue("-1");
  await expect(card(page, "adam")).toHaveAttribute("data-lr", "0.01");
  await expect(slider).toHaveAttribute("aria-valuetext", "0.01");
  await expect(page.getByRole("banner").getByRole("status")).toHaveText("");

  await box.fill("abc");
  await expect(alert).toHaveText('Learning rate: "abc" is not a number');
  await box.fill("0.05");
  await expect(alert).toHaveCount(0);
  await expect(card(page, "adam")).toHaveAttribute("data-lr", "0.05");
  // Enter ends the edit with 0.05 in force (Escape would give the whole edit up).
  await box.press("Enter");

  // Escape after a bad value brings the stored one back.
  await box.fill("0");
  await expect(alert).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveValue("0.05");
  await expect(alert).toHaveCount(0);
});

test("the Steps horizon is validated inline", async ({ page }) => {
  const steps = page.getByRole("spinbutton", { name: "Steps", exact: true });
  await steps.fill("0");
  await steps.press("Enter");
  await expect(transport(page).getByRole("alert")).toHaveText('Steps: "0" must be an integer ≥ 1 and ≤ 200000');
  await expect(counter(page)).toHaveText(/\/\s*5000$/);
  await steps.fill("1200");
  await expect(transport(page).getByRole("alert")).toHaveCount(0);
  // Stored on Enter (or on leaving the box), not at every keystroke.
  await expect(counter(page)).toHaveText(/\/\s*5000$/);
  await steps.press("Enter");
  await expect(counter(page)).toHaveText(/\/\s*1200$/);
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 1200);
});

test("runs: add up to 10 and more, duplicate, remove, hide, rename, recolour, select", async ({ page }) => {
  await expect(cards(page)).toHaveCount(3);
  const add = page.getByRole("button", { name: "Add run" });
  await page.getByRole("combobox", { name: "New run optimizer" }).selectOption({ label: "RMSprop" });
  for (let i = 0; i < 7; i++) await add.click();
  await expect(cards(page)).toHaveCount(10);
  // The new run is selected and edited; only one editor is open.
  await expect(page.getByRole("combobox", { name: "Optimizer", exact: true })).toHaveValue("rmsprop");
  await expect(page.getByRole("slider", { name: "Alpha", exact: true })).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveCount(1);
  for (const c of await cards(page).all()) await expect(c).toBeInViewport({ ratio: 0.01 });
  await add.click();
  await add.click();
  await expect(cards(page)).toHaveCount(12);
  await expect(add).toBeDisabled();

  await page.getByRole("button", { name: "Remove RMSprop 2", exact: true }).click();
  await expect(cards(page)).toHaveCount(11);
  await expect(add).toBeEnabled();

  await page.getByRole("button", { name: "Duplicate Adam", exact: true }).click();
  await expect(cards(page)).toHaveCount(12);
  await expect(sidebar(page).getByRole("button", { name: "Adam (copy)", exact: true })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Remove Adam (copy)", exact: true }).click();
  await expect(cards(page)).toHaveCount(11);

  await page.getByRole("button", { name: "Hide SGD", exact: true }).click();
  await expect(page.getByRole("button", { name: "Show SGD", exact: true })).toBeVisible();
  await expect(card(page, "sgd")).toHaveClass(/hidden-run/);
  await page.getByRole("button", { name: "Show SGD", exact: true }).click();
  await expect(page.getByRole("button", { name: "Hide SGD", exact: true })).toBeVisible();

  // Selecting by clicking the card's summary line.
  await card(page, "momentum").locator(".run-summary").click();
  await expect(sidebar(page).getByRole("button", { name: "Momentum", exact: true })).toHaveAttribute("aria-expanded", "true");
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("Heavy ball");
  await name.press("Enter");
  await expect(sidebar(page).getByRole("button", { name: "Heavy ball", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Heavy ball", exact: true })).toBeVisible();
  await name.fill("");
  await expect(sidebar(page).getByRole("alert")).toContainText("Name must not be empty");
  await expect(sidebar(page).getByRole("button", { name: "Heavy ball", exact: true })).toBeVisible();

  await page.getByRole("textbox", { name: "Name", exact: true }).press("Escape");
  await page.getByLabel("Colour", { exact: true }).fill("#ff0000");
  await expect(card(page, "momentum")).toHaveAttribute("style", /--run-color:\s*#ff0000/);
});

test("optimizer, schedule, clipping and noise editors follow the registries", async ({ page }) => {
  await page.getByRole("combobox", { name: "Optimizer", exact: true }).selectOption({ label: "SGD" });
  await expect(page.getByRole("slider", { name: "Momentum", exact: true })).toHaveCount(1);
  await expect(page.getByRole("slider", { name: "Beta 1", exact: true })).toHaveCount(0);
  // The lr is kept across optimizers.
  await expect(page.getByRole("textbox", { name: "Learning rate value" })).toHaveValue("0.01");

  const schedule = page.getByRole("combobox", { name: "Schedule", exact: true });
  await schedule.selectOption({ label: "Cosine annealing" });
  await expect(page.getByRole("slider", { name: "Half period", exact: true })).toHaveCount(1);
  await schedule.selectOption({ label: "Multi-step decay" });
  const milestones = page.getByRole("textbox", { name: "Milestones", exact: true });
  await expect(milestones).toHaveValue("100, 200");
  await milestones.fill("300, 200");
  await expect(sidebar(page).getByRole("alert")).toContainText("Milestones must be");
  await milestones.fill("300, 900");
  await expect(sidebar(page).getByRole("alert")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Warmup steps", exact: true }).fill("50");
  await expect(page.getByRole("banner").getByRole("status")).toHaveText("");

  // Piecewise: the cross-field rule (one more rate than boundaries) is explained, not stored.
  await schedule.selectOption({ label: "Piecewise constant" });
  await page.getByRole("textbox", { name: "Boundaries", exact: true }).fill("100");
  await expect(sidebar(page).getByRole("alert")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("status")).toHaveText("");

  await page.getByRole("combobox", { name: "Clipping", exact: true }).selectOption({ label: "By norm" });
  await expect(page.getByRole("slider", { name: "Max norm", exact: true })).toHaveCount(1);
  await page.getByRole("combobox", { name: "Norm type", exact: true }).selectOption("inf");
  await page.getByRole("combobox", { name: "Clipping", exact: true }).selectOption({ label: "By value" });
  await expect(page.getByRole("slider", { name: "Clip value", exact: true })).toHaveCount(1);

  await page.getByRole("checkbox", { name: "Gradient noise", exact: true }).check();
  await expect(page.getByRole("slider", { name: "Noise std", exact: true })).toHaveCount(1);
  await page.getByRole("textbox", { name: "Noise seed", exact: true }).fill("7");
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 5000);
  await expect(page.getByRole("banner").getByRole("status")).toHaveText("");
});

test("the surface picker lists every surface and switches the race", async ({ page }) => {
  const surface = page.getByRole("combobox", { name: "Surface", exact: true });
  // 18 built-ins (16 functions, 2 data surfaces) and "Your own f(x, y)…".
  await expect(surface.locator("option")).toHaveCount(19);
  await expect(surface.locator("option").last()).toHaveText("Your own f(x, y)…");
  await expect(surface).toHaveValue("rosenbrock");
  await surface.selectOption("bowl");
  await expect(surface).toHaveValue("bowl");
  await expect(page.getByRole("banner")).toContainText("Curvature 10 times steeper");
  await expect(page.getByRole("region", { name: "Race track" })).toContainText("Bowl");
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expectStep(page, 5000);
  // On the bowl every default run gets near its minimum at 0.
  await expect.poll(() => cardLoss(page, "adam")).toBeLessThan(0.1);
});

test("the start can be typed: this run only, then every run", async ({ page }) => {
  const runs = page.getByRole("complementary", { name: "Runs" });
  await runs.getByRole("textbox", { name: "Start x" }).fill("-1.5");
  await runs.getByRole("textbox", { name: "Start y" }).fill("2.5");
  await expect
    .poll(() => page.evaluate(() => { const d = (window as any).downhill; return [...d.trajectories.runs.values()].map((r: any) => [r.xy[0], r.xy[1]]); }))
    .toEqual([[-2, 2], [-2, 2], [-1.5, 2.5]]);
  await runs.getByRole("textbox", { name: "Start x" }).fill("abc");
  await expect(runs.getByRole("alert")).toHaveText('Start x: "abc" is not a number');
  await runs.getByRole("textbox", { name: "Start x" }).fill("-1.5");
  await runs.getByRole("button", { name: "Use for all runs" }).click();
  await expect
    .poll(() => page.evaluate(() => { const d = (window as any).downhill; return [...d.trajectories.runs.values()].map((r: any) => [r.xy[0], r.xy[1]]); }))
    .toEqual([[-1.5, 2.5], [-1.5, 2.5], [-1.5, 2.5]]);
});

test("picking a schedule spans it over the race: cosine's tMax is the horizon", async ({ page }) => {
  const runs = page.getByRole("complementary", { name: "Runs" });
  await runs.getByRole("combobox", { name: "Schedule" }).selectOption("cosine");
  const schedule = await page.evaluate(() => (window as any).downhill.store.getState().experiment.runs.find((r: any) => r.id === "adam").schedule);
  expect(schedule).toEqual({ name: "cosine", tMax: 5000 });
  await expect.poll(() => page.evaluate(() => { const lr = (window as any).downhill.trajectories.runs.get("adam").plan; return [lr[0], lr[2500], lr[4999]]; })).toEqual([
    0.01, expect.closeTo(0.005, 12), expect.closeTo(0.01 * (1 + Math.cos((Math.PI * 4999) / 5000)) / 2, 15),
  ]);
});
