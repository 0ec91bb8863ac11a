/// <reference lib="dom" />
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
// lz-string is CommonJS: Node's ESM loader gives only its default export.
import lzString from "lz-string";
import { expect, test, type Page } from "./fixtures";
import { findCuts, TEXT } from "./textCuts";

/**
 * Typed surfaces in the page: a formula typed key by key races with its contours and minima;
 * a typed Rosenbrock races exactly like the built-in; hostile formulas are refused inline with
 * their position while the last good surface keeps racing; links carry typed surfaces and
 * hostile ones open a working page.
 */

const WAVE = "sin(x)*cos(y) + 0.1*(x^2 + y^2)";
const wave = (x: number, y: number) => Math.sin(x) * Math.cos(y) + 0.1 * (x * x + y * y);
const ROSENBROCK = "(1 - x)^2 + 100*(y - x^2)^2";

const contoursDrawn = (page: Page) => page.evaluate(() => performance.getEntriesByName("downhill:contours-drawn").length);
const ready = (page: Page) => page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0);
const experiment = (page: Page) => page.evaluate(() => (window as any).downhill.store.getState().experiment);
const surfaceMenu = (page: Page) => page.getByRole("combobox", { name: "Surface", exact: true });
const formulaBox = (page: Page) => page.getByRole("textbox", { name: "f(x, y)", exact: true });
const editor = (page: Page) => page.getByRole("group", { name: "Your own surface" });
const formulaError = (page: Page) => editor(page).locator(".formula-error[role=alert]");
const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const message = (page: Page) => page.locator("p.message[role=status]");
const pack = (value: unknown) => `#e=${lzString.compressToEncodedURIComponent(JSON.stringify(value))}`;

async function openEditor(page: Page) {
  await surfaceMenu(page).selectOption({ label: "Your own f(x, y)…" });
  await expect(formulaBox(page)).toBeVisible();
  await expect.poll(async () => typeof (await experiment(page)).surface).toBe("object");
}

/** Types a formula and waits until the page races on it (the store holds it). */
async function setFormula(page: Page, text: string) {
  await formulaBox(page).fill(text);
  await expect.poll(async () => (await experiment(page)).surface.expression).toBe(text);
}

async function setBound(page: Page, name: string, value: string) {
  const box = page.getByRole("textbox", { name, exact: true });
  await box.fill(value);
  await box.press("Enter");
}

const runToEnd = async (page: Page) => {
  await page.getByRole("button", { name: "Run to end" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).downhill.trajectories.done), { timeout: 30_000 }).toBe(true);
};

/** Every run's path as the worker sent it. */
const paths = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const [id, run] of (window as any).downhill.trajectories.runs) out[id] = Array.from(run.xy.subarray(0, 2 * run.count) as Float64Array);
    return out;
  });

/** Opaque pixels on a canvas layer of the plot. */
const opaquePixels = (page: Page, layer: string) =>
  page.locator(`canvas[data-layer="${layer}"]`).evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

/** Remembers the contour layer's pixels (keep), or counts the pixels that differ from the ones remembered. */
const contourPixels = (page: Page, keep: boolean) =>
  page.locator('canvas[data-layer="contours"]').evaluate((c: HTMLCanvasElement, keep) => {
    const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
    const w = window as any;
    if (keep) return void (w.__contours = data);
    let changed = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== w.__contours[i] || data[i + 1] !== w.__contours[i + 1] || data[i + 2] !== w.__contours[i + 2]) changed++;
    return changed / (data.length / 4);
  }, keep);

/** The critical points the plot marks: kind and the point its title gives (4 significant digits). */
const marks = (page: Page) =>
  page.locator("g.plot-mark").evaluateAll((gs) =>
    gs.map((g) => {
      const title = g.querySelector("title")!.textContent!;
      const [, x, y] = /\(([^,]+), ([^)]+)\)/.exec(title.replace(/\u2212/g, "-"))!;
      return { kind: g.getAttribute("class")!.replace("plot-mark plot-mark-", ""), x: Number(x), y: Number(y), title };
    }),
  );

test("a formula typed key by key races: one compile after the pause, contours redrawn, minima marked global and local, KaTeX", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await openEditor(page);
  // The editor opens on the example over [-4, 4]².
  await expect(formulaBox(page)).toHaveValue(WAVE);
  expect((await experiment(page)).surface).toEqual({ expression: WAVE, domain: [[-4, 4], [-4, 4]] });
  await setFormula(page, "x^2 + y^2");
  await expect.poll(() => page.locator("g.plot-mark-local").count()).toBe(0);
  await page.waitForTimeout(300);
  await contourPixels(page, true);
  const drawnBefore = await contoursDrawn(page);

  // Count the surfaces the store goes through while the formula is typed at 40 ms a key.
  await page.evaluate(() => {
    const w = window as any;
    w.__surfaces = [];
    w.downhill.store.subscribe((s: any, old: any) => s.experiment.surface !== old.experiment.surface && w.__surfaces.push(s.experiment.surface.expression));
  });
  await formulaBox(page).fill("");
  await formulaBox(page).pressSequentially(WAVE, { delay: 40 });
  await expect.poll(async () => (await experiment(page)).surface.expression).toBe(WAVE);
  await page.waitForTimeout(400);
  // Typed faster than the 250 ms pause: only the whole formula was compiled and applied.
  expect(await page.evaluate(() => (window as any).__surfaces)).toEqual([WAVE]);
  await expect(formulaError(page)).toHaveCount(0);

  await expect.poll(() => contoursDrawn(page)).toBeGreaterThan(drawnBefore);
  await expect.poll(() => contourPixels(page, false)).toBeGreaterThan(0.2);

  // The marks: one global minimum, the lowest value on a fine grid of the domain, and local minima;
  // each is a stationary point with a positive definite Hessian (central differences).
  const found = await marks(page);
  expect(found.filter((m) => m.kind === "global")).toHaveLength(1);
  expect(found.filter((m) => m.kind === "local").length).toBeGreaterThanOrEqual(1);
  let lowest = Infinity;
  for (let i = 0; i <= 800; i++) for (let j = 0; j <= 800; j++) lowest = Math.min(lowest, wave(-4 + i / 100, -4 + j / 100));
  const h = 1e-4;
  for (const m of found) {
    const gx = (wave(m.x + h, m.y) - wave(m.x - h, m.y)) / (2 * h);
    const gy = (wave(m.x, m.y + h) - wave(m.x, m.y - h)) / (2 * h);
    expect(Math.hypot(gx, gy), m.title).toBeLessThan(2e-3);
    const fxx = (wave(m.x + h, m.y) - 2 * wave(m.x, m.y) + wave(m.x - h, m.y)) / h ** 2;
    const fyy = (wave(m.x, m.y + h) - 2 * wave(m.x, m.y) + wave(m.x, m.y - h)) / h ** 2;
    const fxy = (wave(m.x + h, m.y + h) - wave(m.x + h, m.y - h) - wave(m.x - h, m.y + h) + wave(m.x - h, m.y - h)) / (4 * h * h);
    expect(fxx > 0 && fxx * fyy - fxy * fxy > 0, m.title).toBe(true);
    if (m.kind === "global") expect(Math.abs(wave(m.x, m.y) - lowest), m.title).toBeLessThan(1e-3);
    else expect(wave(m.x, m.y), m.title).toBeGreaterThan(lowest + 1e-3);
  }

  // The formula as it runs, typeset.
  await expect(editor(page).locator(".formula-tex .katex")).toBeVisible();
  await expect(editor(page).locator(".formula-tex annotation")).toContainText("\\sin");

  // Race: every run leaves the start and its path is drawn.
  await runToEnd(page);
  const race = await paths(page);
  expect(Object.keys(race)).toHaveLength(3);
  for (const xy of Object.values(race)) {
    expect(xy.length).toBe(2 * 5001);
    expect(Math.hypot(xy[xy.length - 2] - xy[0], xy[xy.length - 1] - xy[1])).toBeGreaterThan(0.1);
  }
  expect((await opaquePixels(page, "paths")) + (await opaquePixels(page, "selected-path"))).toBeGreaterThan(200);
});

test("a typed Rosenbrock races exactly like the built-in; the link carries it to a fresh page, same race", async ({ page, browser }) => {
  await page.goto("/");
  await ready(page);
  await openEditor(page);
  await setBound(page, "x min", "-2");
  await setBound(page, "x max", "2");
  await setBound(page, "y min", "-1");
  await setBound(page, "y max", "3");
  await setFormula(page, ROSENBROCK);
  expect((await experiment(page)).surface).toEqual({ expression: ROSENBROCK, domain: [[-2, 2], [-1, 3]] });
  const setStart = async () => {
    await page.getByRole("textbox", { name: "Start x", exact: true }).fill("-1.5");
    await page.getByRole("textbox", { name: "Start y", exact: true }).fill("2");
    await page.getByRole("button", { name: "Use for all runs" }).click();
    await expect.poll(async () => (await experiment(page)).start).toEqual([-1.5, 2]);
  };
  await setStart();
  await runToEnd(page);
  const typed = await paths(page);

  // The link, opened in a fresh page, holds the formula and recomputes the same race.
  await page.waitForTimeout(500);
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(100);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await ready(fresh);
  await expect(counter(fresh)).toHaveText(/^5000\s*\/\s*5000$/);
  expect((await experiment(fresh)).surface).toEqual({ expression: ROSENBROCK, domain: [[-2, 2], [-1, 3]] });
  await expect(formulaBox(fresh)).toHaveValue(ROSENBROCK);
  await expect(fresh.getByRole("textbox", { name: "y max", exact: true })).toHaveValue("3");
  expect(await paths(fresh)).toEqual(typed);
  await fresh.context().close();

  // The built-in from the same start.
  await surfaceMenu(page).selectOption("rosenbrock");
  await expect(formulaBox(page)).toHaveCount(0);
  await setStart();
  // The page re-runs a changed race up to the step it had reached: 5000 already.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const d = (window as any).downhill;
        const t = d.trajectories;
        return t.generation === d.engine().generation && t.done && [...t.runs.values()].every((r: any) => r.count === 5001 && r.xy[0] === -1.5 && r.xy[1] === 2);
      }),
    )
    .toBe(true);
  expect((await experiment(page)).surface).toBe("rosenbrock");
  const builtIn = await paths(page);
  expect(Object.keys(builtIn)).toEqual(Object.keys(typed));
  let worst = 0;
  for (const id of Object.keys(builtIn)) {
    expect(typed[id].length).toBe(builtIn[id].length);
    for (let i = 0; i < builtIn[id].length; i++) worst = Math.max(worst, Math.abs(typed[id][i] - builtIn[id][i]));
  }
  expect(worst).toBeLessThanOrEqual(1e-9);

  // Choosing "Your own f(x, y)…" again brings the typed Rosenbrock back.
  await openEditor(page);
  await expect(formulaBox(page)).toHaveValue(ROSENBROCK);
});

test("Export writes the typed surface, npm run race races it to the page's points, and Import restores it in another page", async ({ page, browser }, testInfo) => {
  await page.goto("/");
  await ready(page);
  await openEditor(page);
  await setFormula(page, "x^2 + 10*y^2 + sin(3*x)");
  await page.getByRole("spinbutton", { name: "Steps", exact: true }).fill("300");
  await page.getByRole("spinbutton", { name: "Steps", exact: true }).press("Enter");
  await runToEnd(page);
  const race = await paths(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export experiment", exact: true }).click()]);
  const file = testInfo.outputPath("typed-experiment.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  expect(exported.surface).toEqual({ expression: "x^2 + 10*y^2 + sin(3*x)", domain: [[-4, 4], [-4, 4]] });
  const out = JSON.parse(execFileSync("node", ["bin/race.cjs", file, "--summary"], { encoding: "utf8" }));
  for (const run of out.runs) {
    const xy = race[run.id];
    expect(run.metrics.finalPoint, run.id).toEqual([xy[xy.length - 2], xy[xy.length - 1]]);
  }

  const other = await (await browser.newContext()).newPage();
  await other.goto("/");
  await ready(other);
  await other.getByRole("button", { name: "Share", exact: true }).click();
  const [chooser] = await Promise.all([other.waitForEvent("filechooser"), other.getByRole("button", { name: "Import experiment", exact: true }).click()]);
  await chooser.setFiles(file);
  await expect(message(other)).toHaveText("Imported typed-experiment.json");
  await expect(formulaBox(other)).toHaveValue("x^2 + 10*y^2 + sin(3*x)");
  await expect(counter(other)).toHaveText(/^300\s*\/\s*300$/);
  expect(await paths(other)).toEqual(race);
  await other.context().close();
});

/** Hostile or broken formulas, each with what its message must say and the character it must point at. */
const HOSTILE: { text: string; says: RegExp; at?: number }[] = [
  { text: "constructor", says: /unknown name "constructor"/, at: 1 },
  { text: "x + __proto__", says: /unknown name "__proto__"/, at: 5 },
  { text: 'import("data:text/javascript,window.pwned=1")', says: /strings are not allowed/, at: 8 },
  { text: "import(x)", says: /the function "import" is not allowed/, at: 1 },
  { text: "globalThis", says: /unknown name "globalThis"/, at: 1 },
  { text: 'eval("window.pwned=1")', says: /strings are not allowed/, at: 6 },
  { text: "eval(x)", says: /the function "eval" is not allowed/, at: 1 },
  { text: 'require("fs")', says: /strings are not allowed/, at: 9 },
  { text: "require(x)", says: /the function "require" is not allowed/, at: 1 },
  { text: "x = 1", says: /assignments and function definitions are not allowed/, at: 3 },
  { text: "f(x) = x^2", says: /assignments and function definitions are not allowed/, at: 6 },
  { text: '"window.pwned=1"', says: /strings are not allowed/, at: 1 },
  { text: "[1, 2; 3, 4]", says: /matrices and indexing are not allowed/, at: 1 },
  { text: "constructor.constructor(x)", says: /this call is not allowed/ },
  { text: `${"x+".repeat(50_000)}1`, says: /is 100,001 characters long; at most 500 are allowed/ },
  { text: `${"(".repeat(5000)}x${")".repeat(5000)}`, says: /is 10,001 characters long; at most 500 are allowed/ },
  { text: `${"(".repeat(40)}x${")".repeat(40)}`, says: /parentheses nest deeper than 32 levels/, at: 33 },
  { text: "x^2 + ", says: /ends too early: a value or \) is expected/, at: 7 },
];

test("hostile formulas: each is refused inline with its position, runs nothing, and the last good surface keeps racing; Escape restores", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await openEditor(page);
  const good = (await experiment(page)).surface;
  const box = formulaBox(page);
  for (const { text, says, at } of HOSTILE) {
    const label = text.slice(0, 30);
    await box.fill(text);
    await expect(formulaError(page), label).toContainText(says);
    if (at !== undefined) {
      await expect(formulaError(page), label).toContainText(`at character ${at}:`);
      await expect(formulaError(page).locator(".formula-snippet mark"), label).toHaveText(at <= text.length ? text[at - 1] : "\u2423");
    }
    await expect(box).toHaveAttribute("aria-invalid", "true");
    const describedBy = await box.getAttribute("aria-describedby");
    expect(await formulaError(page).getAttribute("id")).toBe(describedBy);
    expect((await experiment(page)).surface, label).toEqual(good);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  }
  // The race still runs on the last good surface while the bad text sits in the box.
  await page.getByRole("group", { name: "Playback" }).getByRole("button", { name: "Step", exact: true }).click();
  await expect(counter(page)).toHaveText(/^1\s*\/\s*5000$/);
  await expect(message(page)).toHaveText("");

  await box.press("Escape");
  await expect(box).toHaveValue(WAVE);
  await expect(formulaError(page)).toHaveCount(0);
  await expect(box).not.toHaveAttribute("aria-invalid", "true");
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
});

test("a formula undefined at the start says so and keeps the surface; a domain where it is defined takes it", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await openEditor(page);
  await formulaBox(page).fill("log(x) + y^2");
  await expect(formulaError(page)).toContainText("f(x, y) is not defined at the start (-2.4, -2.4): it gives NaN there");
  expect((await experiment(page)).surface.expression).toBe(WAVE);
  await formulaBox(page).press("Escape");
  await expect(formulaBox(page)).toHaveValue(WAVE);

  // The domain's own rules: min below max, typed decimals only.
  await setBound(page, "x max", "-5");
  await expect(editor(page).getByRole("alert")).toHaveText("x max: must be greater than x min (-4)");
  await expect(page.getByRole("textbox", { name: "x max", exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("textbox", { name: "x max", exact: true }).press("Escape");
  await setBound(page, "x min", "0x10");
  await expect(editor(page).getByRole("alert")).toHaveText('x min: "0x10" is not allowed: only decimal numbers (like 0.01 or 1e-3)');
  await page.getByRole("textbox", { name: "x min", exact: true }).press("Escape");
  expect((await experiment(page)).surface.domain).toEqual([[-4, 4], [-4, 4]]);

  await setBound(page, "x min", "0.5");
  expect((await experiment(page)).surface.domain).toEqual([[0.5, 4], [-4, 4]]);
  await setFormula(page, "log(x) + y^2");
  await expect(formulaError(page)).toHaveCount(0);
  // The start outside the new domain went to its default, a fifth of the way in from the lower-left corner.
  expect((await experiment(page)).start).toEqual([0.5 + 0.2 * 3.5, -2.4]);
});

test("links holding hostile formulas open a working page that names surface.expression and runs nothing", async ({ page }) => {
  const hostile = ["constructor", 'eval("window.pwned=1")', `${"x+".repeat(50_000)}1`, `${"(".repeat(5000)}x${")".repeat(5000)}`];
  for (const expression of hostile) {
    const link = pack({ version: 1, surface: { expression, domain: [[-2, 2], [-1, 3]] }, runs: [{ optimizer: { name: "sgd", lr: 0.001 } }], steps: 50 });
    // A fresh load each time (a new link in the same tab would load by its hash change alone).
    await page.goto("about:blank");
    await page.goto(`/${link}`);
    await ready(page);
    await expect(message(page), expression.slice(0, 30)).toContainText("surface.expression:");
    await expect(message(page)).toContainText("From the link, ignored");
    // The page races on the opening surface.
    expect(typeof (await experiment(page)).surface).toBe("string");
    await page.getByRole("button", { name: "Run to end" }).click();
    await expect(counter(page)).toHaveText(/^50\s*\/\s*50$/);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  }
});

test("the formula editor has no serious axe violations, with and without an error, light and dark", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    await ready(page);
    await openEditor(page);
    await expect(editor(page).locator(".formula-tex .katex")).toBeVisible();
    for (const text of [WAVE, "sin(x) + constructor"]) {
      await formulaBox(page).fill(text);
      if (text !== WAVE) await expect(formulaError(page)).toBeVisible();
      const result = await new AxeBuilder({ page }).include(".surface-picker").analyze();
      const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, `${scheme} ${text}`).toEqual([]);
    }
  }
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width}×${size.height} the editor, its formula and an error show whole, light and dark, nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/");
    await ready(page);
    await openEditor(page);
    await expect(editor(page).locator(".formula-tex .katex")).toBeVisible();
    if (size.width === 1280) {
      // On the projector the editor's row costs the plot no more than the page allows: 30% of the screen.
      const canvas = (await page.locator('canvas[data-layer="contours"]').boundingBox())!;
      expect(canvas.width * canvas.height).toBeGreaterThanOrEqual(0.3 * size.width * size.height);
    }
    for (const text of [WAVE, "sin(x)*cos(y) + constructor"]) {
      await formulaBox(page).fill(text);
      if (text !== WAVE) await expect(formulaError(page)).toBeVisible();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await page.evaluate(findCuts, TEXT), `${scheme} ${text}`).toEqual([]);
        expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(size.width);
        // The plot and the transport stay on the first screen of a wide window.
        if (size.width >= 1024) expect((await page.locator(".transport").boundingBox())!.y + 30).toBeLessThanOrEqual(size.height);
      }
    }
  });
}
