/// <reference lib="dom" />
import { expect, test, type Page } from "./fixtures";

/**
 * Golden screenshots: the pictures themselves, compared with committed PNGs in e2e/golden/
 * (playwright.config.ts's snapshotPathTemplate). Counting elements cannot tell a path that
 * vanished into the contours or a formula typeset in the wrong font; a picture can.
 *
 * The default race (seed 003's Rosenbrock shootout) run to its horizon, at 1440×900, in
 * both colour schemes: the plot (contours, colour bar, paths, markers), the learning-rate
 * and loss panels, and the selected run's update rule.
 *
 * Determinism: the race is computed in float64 by the same code in every browser; we wait
 * for the full-resolution contours, the race at its horizon, KaTeX and the web fonts, move
 * the pointer off the plot (no crosshair), and let Playwright disable animations and hide
 * the caret. The tolerance absorbs anti-aliasing noise only: a run recoloured, a path
 * shifted by a few pixels, or a contour palette changed moves more pixels than it allows
 * (checked by recolouring SGD through the store and watching the shots fail).
 */

/**
 * Tolerances. On one machine the shots are pixel-identical run to run (measured: 3 repeats
 * at maxDiffPixels 0, threshold 0), so the slack only absorbs a stray anti-aliased pixel.
 * The plot (1044 × 494 px since the projector layout) allows ~51 differing pixels, a panel
 * (about 258 × 224 px) ~29. Measured on the shots of 04:55 UTC: recolouring SGD through the
 * store to a near blue (#0077bb → #1a6fd0) changes 72 (light) / 64 (dark) pixels of the
 * plot and 108 / 100 of the loss panel; each of those fails.
 * `threshold` is the per-pixel colour distance (YIQ, 0–1) below which pixels count as equal.
 */
const plotTolerance = { maxDiffPixelRatio: 0.0001, threshold: 0.05 };
const panelTolerance = { maxDiffPixelRatio: 0.0005, threshold: 0.05 };

const horizon = 5000;

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const plot = (page: Page) => page.locator("figure.plot");
const panel = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function raceToEnd(page: Page): Promise<void> {
  await page.goto("/");
  await expect(counter(page)).toHaveText(new RegExp(`^0\\s*/\\s*${horizon}$`));
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(new RegExp(`^${horizon}\\s*/\\s*${horizon}$`), { timeout: 30_000 });
  // Full-resolution contours (the draft grid comes first), KaTeX and its fonts.
  await expect(page.locator(".plot-image")).toHaveAttribute("data-contour-grid", /^400x\d+$|^\d+x400$/);
  await expect(panel(page, "Update rule").locator(".katex").first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // No hover crosshair or readout, and no focus ring on a shot.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await raceToEnd(page);
    });

    test("the plot: contours, colour bar, the three paths and the markers", async ({ page }) => {
      await expect(plot(page)).toHaveScreenshot(`plot-${colorScheme}.png`, plotTolerance);
    });

    for (const [name, file] of [
      ["Learning rate", "lr-panel"],
      ["Loss", "loss-panel"],
      ["Update rule", "update-rule"],
    ] as const) {
      test(`the ${name} panel`, async ({ page }) => {
        await expect(panel(page, name)).toHaveScreenshot(`${file}-${colorScheme}.png`, panelTolerance);
      });
    }
  });
}
