import { expect, test, type Page } from "./fixtures";

/**
 * Global shortcuts (Space play/pause, → one step, R reset) after the mouse has used a
 * control, and standard keys for keyboard users on the control they tabbed to.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const transport = (page: Page) => page.getByRole("group", { name: "Playback" });
const button = (page: Page, name: string) => transport(page).getByRole("button", { name, exact: true });
const shownStep = async (page: Page) => Number(((await counter(page).textContent()) ?? "").split("/")[0].trim());

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "20 steps/s" });
  await page.evaluate("document.activeElement?.blur()");
});

test("after clicking Reset, Space plays and pauses instead of resetting again", async ({ page }) => {
  await button(page, "Step").click();
  await button(page, "Step").click();
  await expect(counter(page)).toHaveText(/^2\s*\//);
  await button(page, "Reset").click();
  await expect(counter(page)).toHaveText(/^0\s*\//);
  await page.keyboard.press(" ");
  await expect(button(page, "Pause")).toBeVisible();
  await expect.poll(() => shownStep(page)).toBeGreaterThan(2);
  await page.keyboard.press(" ");
  await expect(button(page, "Play")).toBeVisible();
  // → after clicking Step: one more step, taken by the shortcut, not a second click.
  const at = await shownStep(page);
  await button(page, "Step").click();
  await expect.poll(() => shownStep(page)).toBe(at + 1);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => shownStep(page)).toBe(at + 2);
  await page.keyboard.press("r");
  await expect(counter(page)).toHaveText(/^0\s*\//);
});

test("after dragging the timeline, R resets and Space plays", async ({ page }) => {
  await button(page, "Run to end").click();
  await expect(counter(page)).toHaveText(/^5000\s*\/\s*5000$/);
  const timeline = page.getByRole("slider", { name: "Timeline", exact: true });
  const box = (await timeline.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => shownStep(page)).toBeLessThan(5000);
  await expect(timeline).not.toBeFocused();

  await page.keyboard.press("r");
  await expect(counter(page)).toHaveText(/^0\s*\//);
  await page.keyboard.press(" ");
  await expect(button(page, "Pause")).toBeVisible();
  await page.keyboard.press(" ");
  await expect(button(page, "Play")).toBeVisible();
});

test("keyboard users keep standard keys: Space presses a tabbed-to button, arrows move a tabbed-to slider", async ({ page }) => {
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^2\s*\//);

  // Tab from Step lands on Reset; Space presses it (no play).
  await button(page, "Step").focus();
  await page.keyboard.press("Tab");
  await expect(button(page, "Reset")).toBeFocused();
  await page.keyboard.press(" ");
  await expect(counter(page)).toHaveText(/^0\s*\//);
  await expect(button(page, "Play")).toBeVisible();
  await expect(button(page, "Reset")).toBeFocused();

  // A slider reached by keyboard keeps its arrows: the lr moves, the race does not step.
  const lr = page.getByRole("slider", { name: "Learning rate", exact: true });
  await lr.focus();
  const before = await lr.inputValue();
  await page.keyboard.press("ArrowRight");
  await expect(lr).not.toHaveValue(before);
  await expect(lr).toBeFocused();
  await expect(counter(page)).toHaveText(/^0\s*\//);

  // Space in a text box types a space.
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.click();
  await page.keyboard.press("End");
  await page.keyboard.press(" ");
  await expect(name).toHaveValue("Adam ");
  await expect(button(page, "Play")).toBeVisible();
});

test("after clicking a run card's buttons or a checkbox, the shortcuts still work", async ({ page }) => {
  const runs = page.getByRole("complementary", { name: "Runs" });
  await runs.getByRole("button", { name: "Hide SGD", exact: true }).click();
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^1\s*\//);
  await runs.getByRole("checkbox", { name: "AMSGrad", exact: true }).click();
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^2\s*\//);
  // Its label, too (the label hands the focus to the checkbox).
  await runs.locator("label", { hasText: "AMSGrad" }).click();
  await expect(runs.getByRole("checkbox", { name: "AMSGrad", exact: true })).not.toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveText(/^3\s*\//);
  await page.getByRole("button", { name: "Sort by loss" }).click();
  await page.keyboard.press("r");
  await expect(counter(page)).toHaveText(/^0\s*\//);
});

test("menus opened with the mouse close on Escape: Share and Export", async ({ page }) => {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const copy = page.getByRole("button", { name: "Copy link" });
  await expect(copy).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(copy).toBeHidden();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const png = page.getByRole("menuitem", { name: "Plot as PNG" });
  await expect(png).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(png).toBeHidden();
});
