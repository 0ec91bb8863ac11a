import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";

/**
 * Exports, read back as files: the PNG's signature, size and pixels, the SVG parsed as XML
 * with its contours, runs and legend, the CSV against the trajectory buffers, the WebM's
 * EBML header, and a recording cancelled mid-way that saves nothing.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const exportButton = (page: Page) => page.getByRole("button", { name: "Export", exact: true });

/** A short race (3 default runs × 400 steps), run to the end. */
async function shortRace(page: Page) {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.evaluate(() => (window as any).downhill.store.getState().setSteps(400));
  await page.getByRole("button", { name: "Run to end", exact: true }).click();
  await expect(counter(page)).toHaveText(/^400\s*\/\s*400$/);
}

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent("download");
  await exportButton(page).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path!) };
}

test.beforeEach(async ({ page }) => {
  await shortRace(page);
});

test("the Export menu opens from the keyboard, moves with the arrows, and Escape closes it back onto its button", async ({ page }) => {
  const button = exportButton(page);
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const items = page.getByRole("menu", { name: "Export" }).getByRole("menuitem");
  await expect(items).toHaveText(["Plot as PNG", "Plot as SVG", "Race as CSV", "Animation (WebM)"]);
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("menuitemradio", { name: "10 s" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Export" })).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

test("Plot as PNG saves a PNG twice the plot's size with the contours and every run's colour in it", async ({ page }) => {
  const { name, bytes } = await exportFile(page, "Plot as PNG");
  expect(name).toBe("downhill-rosenbrock-plot.png");
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const frame = await page.locator(".plot-frame").boundingBox();
  // The picture is the plot frame's width (margins, box, colour bar) at 2× for a 1× screen.
  expect(width).toBe(2 * Math.floor(frame!.width));
  expect(height).toBeGreaterThan(2 * (Math.floor(frame!.height) + 30));
  // Decoded by the browser: many colours (contours), and each run's colour on a real stretch of path.
  const stats = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext("2d")!;
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const colours = new Set<number>();
    const near = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24) n++;
      return n;
    };
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { w: bmp.width, h: bmp.height, colours: colours.size, runs: ["#0077bb", "#d55e00", "#009988"].map(near) };
  }, bytes.toString("base64"));
  expect([stats.w, stats.h]).toEqual([width, height]);
  expect(stats.colours).toBeGreaterThan(200);
  for (const n of stats.runs) expect(n).toBeGreaterThan(200);
});

test("Plot as SVG is well-formed XML with contour paths, one path per visible run in its colour, and an escaped legend", async ({ page }) => {
  await page.evaluate(() => {
    const s = (window as any).downhill.store.getState();
    s.updateRun("sgd", { label: '<b>&"x"' });
    s.updateRun("adam", { hidden: true });
  });
  const { name, bytes } = await exportFile(page, "Plot as SVG");
  expect(name).toBe("downhill-rosenbrock-plot.svg");
  const text = bytes.toString("utf8");
  expect(text).toContain("&lt;b&gt;&amp;&quot;x&quot;");
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName("parsererror").length,
      root: root.localName,
      size: [root.getAttribute("width"), root.getAttribute("height"), root.getAttribute("viewBox")],
      contours: doc.querySelectorAll("path.contour").length,
      runs: [...doc.querySelectorAll("path.run-line")].map((p) => [p.getAttribute("data-run"), p.getAttribute("stroke"), (p.getAttribute("d") ?? "").split("L").length]),
      legend: [...doc.querySelectorAll(".legend text")].map((t) => t.textContent),
      markup: doc.getElementsByTagName("b").length,
      ticks: doc.querySelectorAll(".axis-x text").length,
    };
  }, text);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe("svg");
  expect(parsed.size[2]).toBe(`0 0 ${parsed.size[0]} ${parsed.size[1]}`);
  expect(parsed.contours).toBeGreaterThanOrEqual(10);
  // Adam is hidden: not drawn and not in the legend. Each drawn path carries all 401 points.
  expect(parsed.runs).toEqual([
    ["sgd", "#0077bb", 401],
    ["momentum", "#d55e00", 401],
  ]);
  expect(parsed.legend).toEqual(['<b>&"x"', "Momentum"]);
  expect(parsed.markup).toBe(0);
  expect(parsed.ticks).toBeGreaterThanOrEqual(3);
});

test("Race as CSV has a header and one row per run and point, each run starting at its start and f(start)", async ({ page }) => {
  const { name, bytes } = await exportFile(page, "Race as CSV");
  expect(name).toBe("downhill-rosenbrock-race.csv");
  const lines = bytes.toString("utf8").split("\r\n");
  expect(lines.pop()).toBe("");
  expect(lines[0]).toBe("run,step,x,y,loss,lr,gradNorm");
  const runs = await page.evaluate(() =>
    [...(window as any).downhill.trajectories.runs.values()].map((r: any) => ({ count: r.count, first: [String(r.xy[0]), String(r.xy[1]), String(r.loss[0]), String(r.lr[0]), String(r.gradNorm[0])] })),
  );
  expect(runs.map((r) => r.count)).toEqual([401, 401, 401]);
  expect(lines.length - 1).toBe(runs.reduce((n, r) => n + r.count, 0));
  const names = ["SGD", "Momentum", "Adam"];
  let row = 1;
  runs.forEach((r, k) => {
    expect(lines[row]).toBe([names[k], "0", ...r.first].join(","));
    expect(lines[row].split(",").slice(2, 4)).toEqual(["-2", "2"]);
    // The run's last point: step 400, no step has left it yet.
    expect(lines[row + r.count - 1]).toMatch(new RegExp(`^${names[k]},400,[^,]+,[^,]+,[^,]+,,$`));
    row += r.count;
  });
});

test("Animation (WebM) records with an advancing progress bar and saves a WebM file", async ({ page }) => {
  test.setTimeout(40_000);
  await exportButton(page).click();
  await page.getByRole("menuitemradio", { name: "5 s" }).click();
  await expect(page.getByRole("menuitemradio", { name: "5 s" })).toHaveAttribute("aria-checked", "true");
  const downloading = page.waitForEvent("download", { timeout: 20_000 });
  await page.getByRole("menuitem", { name: "Animation (WebM)" }).click();
  const bar = page.getByRole("progressbar", { name: "Animation progress" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(10);
  const first = Number(await bar.getAttribute("aria-valuenow"));
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(first + 20);
  // The page stays responsive while it records: the timeline still answers.
  await expect(page.getByRole("button", { name: "Cancel", exact: true })).toBeEnabled();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("downhill-rosenbrock-race.webm");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(bytes.length).toBeGreaterThan(1024);
  expect(bytes.subarray(0, 64).toString("latin1")).toContain("webm");
  await expect(bar).toBeHidden();
  await expect(page.locator("p.message")).toContainText("Animation saved");
});

test("Cancel stops a recording within 100 ms and nothing is downloaded", async ({ page }) => {
  let downloads = 0;
  page.on("download", () => downloads++);
  await exportButton(page).click();
  await page.getByRole("menuitem", { name: "Animation (WebM)" }).click();
  const bar = page.getByRole("progressbar", { name: "Animation progress" });
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(5);
  // Timed inside the page: from the click to the progress bar leaving the DOM.
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cancel = [...document.querySelectorAll<HTMLButtonElement>(".export-progress button")].find((b) => b.textContent === "Cancel")!;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (!document.querySelector("[role=progressbar]")) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true });
        cancel.click();
      }),
  );
  expect(ms).toBeLessThan(100);
  await expect(page.locator("p.message")).toContainText("Animation cancelled: nothing saved");
  await page.waitForTimeout(1500);
  expect(downloads).toBe(0);
  await expect(exportButton(page)).toBeEnabled();
});

test("without MediaRecorder, Animation (WebM) says the browser cannot record and nothing else happens", async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as any).MediaRecorder;
  });
  // A fresh page at the plain address: reloading would keep the short race's #e= link.
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  let downloads = 0;
  page.on("download", () => downloads++);
  await exportButton(page).click();
  await page.getByRole("menuitem", { name: "Animation (WebM)" }).click();
  await expect(page.locator("p.message")).toContainText("no MediaRecorder that writes WebM");
  await expect(page.getByRole("progressbar", { name: "Animation progress" })).toHaveCount(0);
  await expect(exportButton(page)).toBeEnabled();
  // The other exports still work.
  const { name } = await exportFile(page, "Race as CSV");
  expect(name).toBe("downhill-rosenbrock-race.csv");
  expect(downloads).toBe(1);
});
