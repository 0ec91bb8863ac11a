/// <reference lib="dom" />
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

/** The visible rectangle the plot reports: x0 x1 y0 y1. */
async function view(page: Page): Promise<[number, number, number, number]> {
  const v = await page.locator(".plot-image").getAttribute("data-view");
  const [x0, x1, y0, y1] = v!.split(" ").map(Number);
  return [x0, x1, y0, y1];
}

/** Page coordinates of the data point (x, y). */
async function pagePoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const [x0, x1, y0, y1] = await view(page);
  const box = (await page.locator(".plot-overlay").boundingBox())!;
  return { x: box.x + ((x - x0) / (x1 - x0)) * box.width, y: box.y + ((y1 - y) / (y1 - y0)) * box.height };
}

/** Counts of opaque pixels per colour (hex, alpha ≥ 200) in a square of radius r (CSS px) around data point (x, y) of a canvas layer. */
async function colorsNear(page: Page, layer: string, x: number, y: number, r: number): Promise<Record<string, number>> {
  const [x0, x1, y0, y1] = await view(page);
  return page.evaluate(
    ({ layer, x, y, r, x0, x1, y0, y1 }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-layer="${layer}"]`)!;
      const scale = canvas.width / canvas.clientWidth;
      const cx = ((x - x0) / (x1 - x0)) * canvas.width;
      const cy = ((y1 - y) / (y1 - y0)) * canvas.height;
      const R = Math.round(r * scale);
      const left = Math.max(0, Math.round(cx) - R);
      const top = Math.max(0, Math.round(cy) - R);
      const img = canvas.getContext("2d")!.getImageData(left, top, 2 * R + 1, 2 * R + 1).data;
      const out: Record<string, number> = {};
      for (let i = 0; i < img.length; i += 4) {
        if (img[i + 3] < 200) continue;
        const hex = "#" + [img[i], img[i + 1], img[i + 2]].map((v) => v.toString(16).padStart(2, "0")).join("");
        out[hex] = (out[hex] ?? 0) + 1;
      }
      return out;
    },
    { layer, x, y, r, x0, x1, y0, y1 },
  );
}

/** Centroid (canvas px) of the opaque pixels of one colour on a layer, or null. */
async function centroid(page: Page, layer: string, color: string): Promise<[number, number] | null> {
  return page.evaluate(
    ({ layer, color }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-layer="${layer}"]`)!;
      const { data, width } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 200 && Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8) {
          const p = i / 4;
          sx += p % width;
          sy += Math.floor(p / width);
          n++;
        }
      }
      return n ? [sx / n, sy / n] : null;
    },
    { layer, color },
  );
}

const RUN_COLORS = ["#0077bb", "#d55e00", "#009988"];
const near = (hex: string, target: string) => {
  const a = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const b = [1, 3, 5].map((i) => parseInt(target.slice(i, i + 2), 16));
  return a.every((v, i) => Math.abs(v - b[i]) < 12);
};
const runPixels = (counts: Record<string, number>) =>
  Object.entries(counts).reduce((sum, [hex, n]) => sum + (RUN_COLORS.some((c) => near(hex, c)) ? n : 0), 0);

async function open(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.locator(".plot-image")).toHaveAttribute("data-contours", /\d+/);
}


test("the plot is a named image of the surface with a caption", async ({ page }) => {
  await open(page);
  const img = page.getByRole("img", { name: /Contour plot of the Rosenbrock surface/ });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute("aria-label", /global minimum at \(1, 1\)/);
  await expect(page.locator(".plot-caption")).toContainText("Rosenbrock");
  await expect(page.locator(".plot .katex").first()).toBeVisible();
});

test("filled contours show many distinct colours and a legend of f values", async ({ page }) => {
  await open(page);
  const distinct = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-layer="contours"]')!;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      if (data[i + 3] === 255) opaque++;
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { colors: seen.size, opaqueShare: opaque / (data.length / 28) };
  });
  expect(distinct.opaqueShare).toBeGreaterThan(0.99);
  expect(distinct.colors).toBeGreaterThan(15);
  const labels = await page.locator(".plot-legend-axis .tick text").allTextContents();
  expect(labels.length).toBeGreaterThan(4);
  // Log-spaced levels: the labels span several orders of magnitude.
  const values = labels.map((t) => Number(t.replace("−", "-")));
  expect(Math.max(...values) / Math.min(...values)).toBeGreaterThan(1000);
  // Known minimum drawn as a star with a title.
  await expect(page.locator(".plot-mark-global title")).toHaveText(/Global minimum \(1, 1\)/);
});

test("paths appear near the start after Play, and the heads move", async ({ page }) => {
  await open(page);
  const before = await centroid(page, "heads", "#009988");
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => Number(await page.getByRole("status", { name: "Step" }).textContent().then((t) => t!.split("/")[0].replace(/[^\d]/g, ""))), { timeout: 15_000 }).toBeGreaterThan(50);
  await expect.poll(async () => runPixels(await colorsNear(page, "paths", -2, 2, 12)) + runPixels(await colorsNear(page, "selected-path", -2, 2, 12))).toBeGreaterThan(20);
  const after = await centroid(page, "heads", "#009988");
  expect(before).not.toBeNull();
  expect(after).not.toBeNull();
  expect(Math.hypot(after![0] - before![0], after![1] - before![1])).toBeGreaterThan(20);
});

test("zoom in changes the ticks and brings new contours", async ({ page }) => {
  await open(page);
  const ticksBefore = await page.locator(".plot-axis-x .tick text").allTextContents();
  const shownBefore = Number(await page.locator(".plot-image").getAttribute("data-contours"));
  const [x0, x1] = await view(page);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => (await page.locator(".plot-axis-x .tick text").allTextContents()).join("|")).not.toBe(ticksBefore.join("|"));
  await expect.poll(async () => Number(await page.locator(".plot-image").getAttribute("data-contours"))).toBeGreaterThan(shownBefore);
  const [z0, z1] = await view(page);
  expect((z1 - z0) / (x1 - x0)).toBeCloseTo(1 / 1.6, 2);
  // Reset view brings the domain back.
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(async () => (await view(page))[1] - (await view(page))[0]).toBeCloseTo(x1 - x0, 3);
});

test("wheel zooms and dragging pans without moving the start", async ({ page }) => {
  await open(page);
  const start = await page.locator(".plot-image").getAttribute("data-start");
  const [x0, x1] = await view(page);
  const c = await pagePoint(page, 0, 1);
  await page.mouse.move(c.x, c.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => { const [a, b] = await view(page); return b - a; }).toBeLessThan((x1 - x0) * 0.9);
  const [a0] = await view(page);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 60, c.y + 10, { steps: 6 });
  await page.mouse.move(c.x + 120, c.y + 20, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await view(page))[0]).toBeLessThan(a0 - 0.1);
  await page.waitForTimeout(300);
  await expect(page.locator(".plot-image")).toHaveAttribute("data-start", start!);
});

test("clicking the plot moves the start of every run", async ({ page }) => {
  await open(page);
  await expect(page.locator(".plot-image")).toHaveAttribute("data-start", "-2,2");
  const p = await pagePoint(page, 0.5, -0.5);
  await page.mouse.click(p.x, p.y);
  await expect.poll(async () => (await page.locator(".plot-image").getAttribute("data-start"))!.split(",").map(Number)).toEqual([
    expect.closeTo(0.5, 1),
    expect.closeTo(-0.5, 1),
  ]);
  const [sx, sy] = (await page.locator(".plot-image").getAttribute("data-start"))!.split(",").map(Number);
  await expect(page.locator(".plot-start title")).toHaveText(/^Start \(/);
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => runPixels(await colorsNear(page, "paths", sx, sy, 10)) + runPixels(await colorsNear(page, "selected-path", sx, sy, 10))).toBeGreaterThan(10);
  // Nothing is left at the old start.
  expect(runPixels(await colorsNear(page, "paths", -2, 2, 4)) + runPixels(await colorsNear(page, "selected-path", -2, 2, 4))).toBe(0);
});

test("shift-click moves only the selected run's start", async ({ page }) => {
  await open(page);
  const p = await pagePoint(page, -1, 0);
  await page.keyboard.down("Shift");
  await page.mouse.click(p.x, p.y);
  await page.keyboard.up("Shift");
  await expect(page.locator(".plot-start")).toHaveCount(2);
  await expect(page.locator(".plot-start title").nth(1)).toHaveText(/^Start of Adam \(/);
  await expect(page.locator(".plot-image")).toHaveAttribute("data-start", "-2,2");
});

test("drag start mode moves the start continuously", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Drag start" }).click();
  await expect(page.getByRole("button", { name: "Drag start" })).toHaveAttribute("aria-pressed", "true");
  const [x0] = await view(page);
  const a = await pagePoint(page, -1, 2);
  const b = await pagePoint(page, 1, 2.5);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await expect.poll(async () => Number((await page.locator(".plot-image").getAttribute("data-start"))!.split(",")[0])).toBeGreaterThan(-0.5);
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await page.locator(".plot-image").getAttribute("data-start"))!.split(",").map(Number)).toEqual([
    expect.closeTo(1, 1),
    expect.closeTo(2.5, 1),
  ]);
  // The drag did not pan.
  expect((await view(page))[0]).toBeCloseTo(x0, 6);
});

test("hovering reads f and |∇f| at the pointer: zero at Rosenbrock's minimum", async ({ page }) => {
  await open(page);
  const p = await pagePoint(page, 1, 1);
  await page.mouse.move(p.x, p.y);
  const readout = page.locator(".plot-readout");
  await expect(readout.locator("b").nth(0)).toHaveText(/^1\.0\d*$|^0\.99\d*$/);
  const f = Number((await readout.locator("b").nth(2).textContent())!.replace("−", "-"));
  expect(f).toBeGreaterThanOrEqual(0);
  expect(f).toBeLessThan(0.05);
  await expect(page.locator(".plot-crosshair")).not.toHaveAttribute("display", "none");
  // At the start (−2, 2): f = 9 + 100·4 = 409.
  const s = await pagePoint(page, -2, 2);
  await page.mouse.move(s.x, s.y);
  const f2 = Number((await readout.locator("b").nth(2).textContent())!.replace("−", "-"));
  expect(f2).toBeGreaterThan(380);
  expect(f2).toBeLessThan(440);
  await page.mouse.move(5, 5);
  await expect(readout.locator("b").nth(2)).toHaveText("–");
});

test("the plot has no serious accessibility violations and controls are keyboard reachable", async ({ page }) => {
  await open(page);
  const results = await new AxeBuilder({ page }).include(".plot").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const zoomIn = page.getByRole("button", { name: "Zoom in" });
  await zoomIn.focus();
  const [x0, x1] = await view(page);
  await page.keyboard.press("Enter");
  await expect.poll(async () => { const [a, b] = await view(page); return b - a; }).toBeLessThan(x1 - x0);
  await expect(page.getByRole("radio", { name: "All runs" })).toBeChecked();
  await page.getByRole("radio", { name: "Selected run" }).check();
  await expect(page.getByRole("radio", { name: "Selected run" })).toBeChecked();
});

test("resizing the window redraws the plot to fit", async ({ page }) => {
  await open(page);
  const w1 = await page.locator('canvas[data-layer="contours"]').evaluate((c: HTMLCanvasElement) => c.clientWidth);
  await page.setViewportSize({ width: 1100, height: 800 });
  await expect.poll(async () => page.locator('canvas[data-layer="contours"]').evaluate((c: HTMLCanvasElement) => c.clientWidth)).not.toBe(w1);
  const dims = await page.locator('canvas[data-layer="contours"]').evaluate((c: HTMLCanvasElement) => ({ w: c.width, cw: c.clientWidth, dpr: devicePixelRatio }));
  expect(dims.w).toBe(Math.round(dims.cw * dims.dpr));
});

test("hidden runs are not drawn, and the selected run is drawn above the others", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Play" }).click();
  const orange = async () => (await centroid(page, "paths", "#d55e00")) !== null;
  await expect.poll(orange).toBe(true);
  // Adam (teal) is selected: it lives on its own layer, above the others.
  await expect.poll(async () => (await centroid(page, "selected-path", "#009988")) !== null).toBe(true);
  expect(await centroid(page, "paths", "#009988")).toBeNull();
  await page.getByRole("button", { name: "Hide Momentum" }).click();
  await expect.poll(orange).toBe(false);
  expect(await centroid(page, "heads", "#d55e00")).toBeNull();
});

test("the contours follow the colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page);
  const lightness = () =>
    page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas[data-layer="contours"]')!;
      const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += data[i] + data[i + 1] + data[i + 2];
      return sum / (data.length / 4) / 3;
    });
  const light = await lightness();
  const shown = Number(await page.locator(".plot-image").getAttribute("data-contours"));
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(async () => Number(await page.locator(".plot-image").getAttribute("data-contours"))).toBeGreaterThan(shown);
  expect(await lightness()).toBeLessThan(light - 60);
});

test("Alt-drag moves the start without panning", async ({ page }) => {
  await open(page);
  const [x0] = await view(page);
  const a = await pagePoint(page, -2, 2);
  const b = await pagePoint(page, 0, -1);
  await page.mouse.move(a.x, a.y);
  await page.keyboard.down("Alt");
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Alt");
  await expect.poll(async () => (await page.locator(".plot-image").getAttribute("data-start"))!.split(",").map(Number)).toEqual([
    expect.closeTo(0, 1),
    expect.closeTo(-1, 1),
  ]);
  expect((await view(page))[0]).toBeCloseTo(x0, 6);
});
