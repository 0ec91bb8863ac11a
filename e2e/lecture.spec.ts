/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import lz from "lz-string";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";

/** The store, read through the app's debug handle. */
const state = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { downhill: { store: { getState(): Record<string, unknown> } } }).downhill.store.getState();
    return JSON.parse(JSON.stringify({ experiment: s.experiment, selectedRunId: s.selectedRunId, step: s.step, scenes: s.scenes, sceneIndex: s.sceneIndex, lecture: s.lecture }));
  });

async function open(page: Page, path = "/") {
  await page.goto(path);
  await expect(page.getByRole("group", { name: "Playback" })).toBeVisible();
  await page.waitForFunction(() => "downhill" in window);
}

/** Saves the page as a scene through the Scenes dialog. */
async function saveScene(page: Page, name: string, narration: string) {
  await page.getByRole("button", { name: "Scenes", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Scenes" });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel(/^Narration/).fill(narration);
  await dialog.getByRole("button", { name: "Save scene" }).click();
  await expect(dialog.getByRole("status")).toContainText(`Saved “${name}”`);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

/** The scene names IndexedDB holds (read straight from the database, not the store). */
const storedNames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open("downhill");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction("kv").objectStore("kv").get("scenes");
          get.onsuccess = () => resolve(((get.result ?? []) as { name: string }[]).map((s) => s.name));
          get.onerror = () => reject(get.error);
        };
      }),
  );

const deckNames = (page: Page) => page.getByRole("dialog", { name: "Scenes" }).locator(".scene-name").allTextContents();

/** The race the store holds equals the scene's experiment (its selected run and step too). */
async function expectShowing(page: Page, scene: { experiment: Record<string, unknown> }) {
  const { version: _v, selected, step, ...race } = scene.experiment;
  await expect.poll(async () => (await state(page)).experiment).toEqual(race);
  const s = await state(page);
  if (selected !== undefined) expect(s.selectedRunId).toBe(selected);
  await expect.poll(async () => (await state(page)).step).toBe(step ?? 0);
}

/** Three scenes on three surfaces, the first two steps into its race. */
async function saveThreeScenes(page: Page) {
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await state(page)).step).toBe(2);
  await saveScene(page, "Rosenbrock at step 2", "Three optimizers leave the same start.");
  await page.getByLabel("Surface", { exact: true }).selectOption("bowl");
  await saveScene(page, "The bowl", "Every optimizer finds the bottom of a bowl.");
  await page.getByLabel("Surface", { exact: true }).selectOption("quartic");
  await saveScene(page, "Quartic", "Two valleys: which one does each run reach?");
}

test.describe("lecture mode", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("hides the editing chrome, gives the plot ≥ 55% of a 1280×720 screen and text 1.5×; Escape leaves", async ({ page }) => {
    // Full screen refused (as an iframe or a kiosk would): the page is measured at the
    // projector's 1280×720, not at whatever screen headless Chromium would go full screen on.
    await page.addInitScript(() => {
      Element.prototype.requestFullscreen = function () {
        (window as unknown as { fullscreenAsked: number }).fullscreenAsked = ((window as unknown as { fullscreenAsked?: number }).fullscreenAsked ?? 0) + 1;
        return Promise.reject(new TypeError("Full screen refused (test)"));
      };
    });
    await open(page);
    const before = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      tick: parseFloat(getComputedStyle(document.querySelector(".plot-axis text")!).fontSize),
      band: (() => {
        const c = document.querySelector<HTMLCanvasElement>('[data-layer="contours"]')!;
        return Array.from(c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 0)).reduce((a, b) => Math.min(a, b), 255);
      })(),
    }));
    await page.getByRole("button", { name: "Lecture mode" }).click();
    await expect(page.locator("html")).toHaveClass(/\blecture\b/);
    await expect(page.getByRole("complementary", { name: "Lecture" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { fullscreenAsked?: number }).fullscreenAsked)).toBe(1);
    // Editing chrome: the run editors, the panels, the surface picker, the plot's own controls.
    for (const hidden of [
      page.getByRole("complementary", { name: "Runs" }),
      page.getByRole("region", { name: "Panels" }),
      page.getByLabel("Surface", { exact: true }),
      page.getByRole("group", { name: "Plot controls" }),
      page.getByLabel("Steps", { exact: true }),
    ])
      await expect(hidden).toBeHidden();
    await expect(page.getByRole("group", { name: "Playback" })).toBeVisible();
    await expect(page.getByRole("slider", { name: "Timeline" })).toBeVisible();

    const m = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const plot = box(".plot-image");
      const canvas = box('[data-layer="contours"]');
      const fs = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      return {
        plotArea: plot.width * plot.height,
        canvasArea: canvas.width * canvas.height,
        plotBottom: plot.bottom,
        transportTop: box(".transport").top,
        transportBottom: box(".transport").bottom,
        body: fs(document.body),
        play: fs(document.querySelector(".transport .play")!),
        tick: fs(document.querySelector(".plot-axis text")!),
        title: fs(document.querySelector(".lecture-title")!),
        screen: `${innerWidth}×${innerHeight}${document.fullscreenElement ? " full screen" : ""}`,
        contrast: getComputedStyle(document.documentElement).getPropertyValue("--contrast").trim(),
        scrollW: document.documentElement.scrollWidth,
        scrollH: document.documentElement.scrollHeight,
        clipped: [...document.querySelectorAll(".lecture-panel *, .transport *")].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible").length,
      };
    });
    console.log(`lecture ${m.screen}: plot ${Math.round(m.plotArea)} px² (${((100 * m.plotArea) / (1280 * 720)).toFixed(1)}%), contour canvas ${Math.round(m.canvasArea)} px² (${((100 * m.canvasArea) / (1280 * 720)).toFixed(1)}%), body ${m.body}px (was ${before.body}), ticks ${m.tick}px (was ${before.tick})`);
    expect(m.plotArea).toBeGreaterThanOrEqual(0.55 * 1280 * 720);
    expect(m.body).toBeGreaterThanOrEqual(1.5 * before.body);
    expect(m.play).toBeGreaterThanOrEqual(1.5 * before.body);
    expect(m.tick).toBeGreaterThanOrEqual(1.5 * before.tick);
    expect(m.title).toBeGreaterThan(m.body);
    expect(m.contrast).toBe("high");
    // Nothing scrolls, nothing is covered, nothing is clipped.
    expect(m.scrollW).toBeLessThanOrEqual(1280);
    expect(m.scrollH).toBeLessThanOrEqual(720);
    expect(m.plotBottom).toBeLessThanOrEqual(m.transportTop);
    expect(m.transportBottom).toBeLessThanOrEqual(720);
    expect(m.clipped).toBe(0);
    // High contrast: the contour walls are drawn darker than the normal light ramp's.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const c = document.querySelector<HTMLCanvasElement>('[data-layer="contours"]')!;
          return Array.from(c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 4 === 0)).reduce((a, b) => Math.min(a, b), 255);
        }),
      )
      .toBeLessThan(before.band - 40);

    await page.keyboard.press("Escape");
    await expect(page.locator("html")).not.toHaveClass(/\blecture\b/);
    await expect(page.getByRole("complementary", { name: "Runs" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Lecture" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Lecture mode" })).toBeFocused();
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(before.body);
  });

  test("a long formula (Goldstein–Price) is scaled to fit the plot panel, not cut", async ({ page }) => {
    await page.addInitScript(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Full screen refused (test)"));
    });
    await open(page);
    await page.getByLabel("Surface", { exact: true }).selectOption("goldsteinPrice");
    await expect(page.locator(".plot-formula .katex")).toBeVisible();
    await page.getByRole("button", { name: "Lecture mode" }).click();
    const fit = () =>
      page.evaluate(() => {
        const f = document.querySelector<HTMLElement>(".plot-formula")!;
        const panel = document.querySelector(".plot")!.getBoundingClientRect();
        return { overflow: f.scrollWidth - f.clientWidth, right: f.getBoundingClientRect().right, panelRight: panel.right, scale: f.style.fontSize };
      });
    await expect.poll(async () => (await fit()).overflow).toBeLessThanOrEqual(1);
    const m = await fit();
    expect(m.right).toBeLessThanOrEqual(m.panelRight);
    expect(parseFloat(m.scale)).toBeGreaterThanOrEqual(0.6);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await fit()).scale).toBe("");
  });

  test("three saved scenes survive a reload, reorder into a deck, and ← → step through it in lecture mode", async ({ page }) => {
    await open(page);
    await saveThreeScenes(page);
    const saved = (await state(page)).scenes as { name: string; narration: string; experiment: Record<string, unknown> }[];
    expect(saved.map((s) => s.experiment.surface)).toEqual(["rosenbrock", "bowl", "quartic"]);
    expect(saved[0].experiment.step).toBe(2);
    await expect.poll(() => storedNames(page)).toEqual(["Rosenbrock at step 2", "The bowl", "Quartic"]);

    await page.reload();
    await open(page);
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    expect(await deckNames(page)).toEqual(["Rosenbrock at step 2", "The bowl", "Quartic"]);
    // Reorder with the keyboard: focus "Move scene 3 up" and press Enter.
    await page.getByRole("button", { name: "Move scene 3 up" }).focus();
    await page.keyboard.press("Enter");
    expect(await deckNames(page)).toEqual(["Rosenbrock at step 2", "Quartic", "The bowl"]);
    // Rename, with Enter.
    await page.getByRole("button", { name: "Rename scene 1" }).click();
    await page.getByLabel("New name for scene 1").fill("Rosenbrock, two steps in");
    await page.keyboard.press("Enter");
    expect(await deckNames(page)).toEqual(["Rosenbrock, two steps in", "Quartic", "The bowl"]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Scenes" })).toBeHidden();
    await expect.poll(() => storedNames(page)).toEqual(["Rosenbrock, two steps in", "Quartic", "The bowl"]);

    await page.reload();
    await open(page);
    const deck = (await state(page)).scenes as typeof saved;
    expect(deck.map((s) => s.name)).toEqual(["Rosenbrock, two steps in", "Quartic", "The bowl"]);
    expect(deck.map((s) => s.experiment)).toEqual([saved[0].experiment, saved[2].experiment, saved[1].experiment]);

    await page.getByRole("button", { name: "Lecture mode" }).click();
    const lecture = page.getByRole("complementary", { name: "Lecture" });
    await expect(lecture).toContainText("3 scenes in the deck");
    await page.keyboard.press("ArrowRight");
    await expect(lecture).toContainText("Scene 1 of 3");
    await expect(lecture.getByLabel("Narration")).toHaveText("Three optimizers leave the same start.");
    await expectShowing(page, deck[0]);
    await page.keyboard.press("ArrowRight");
    await expect(lecture).toContainText("Scene 2 of 3");
    await expectShowing(page, deck[1]);
    await page.keyboard.press("ArrowRight");
    await expect(lecture).toContainText("Scene 3 of 3");
    await expectShowing(page, deck[2]);
    // The deck ends there.
    await page.keyboard.press("ArrowRight");
    await expect(lecture).toContainText("Scene 3 of 3");
    await page.keyboard.press("ArrowLeft");
    await expect(lecture).toContainText("Scene 2 of 3");
    await expectShowing(page, deck[1]);
    await lecture.getByRole("button", { name: "Previous scene" }).click();
    await expect(lecture).toContainText("Scene 1 of 3");
    await expectShowing(page, deck[0]);
    await expect(lecture.getByRole("button", { name: "Previous scene" })).toBeDisabled();
  });

  test("an exported deck imports into a fresh browser profile and plays the same scenes", async ({ page, browser }) => {
    await open(page);
    await saveThreeScenes(page);
    const scenes = (await state(page)).scenes as { name: string; narration: string; experiment: Record<string, unknown> }[];
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export deck" }).click()]);
    expect(download.suggestedFilename()).toBe("downhill-deck.json");
    const text = readFileSync((await download.path())!, "utf8");
    const file = JSON.parse(text);
    expect(file.downhillDeck).toBe(1);
    expect(file.scenes).toEqual(scenes.map(({ name, narration, experiment }) => ({ name, narration, experiment })));

    // A new context has its own, empty IndexedDB.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const other = await fresh.newPage();
    await open(other);
    expect((await state(other)).scenes).toEqual([]);
    await other.getByRole("button", { name: "Scenes", exact: true }).click();
    const dialog = other.getByRole("dialog", { name: "Scenes" });
    await expect(dialog).toContainText("No scenes yet");
    await dialog.getByLabel("Deck file to import").setInputFiles({ name: "deck.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(dialog.getByRole("status")).toHaveText("3 scenes added.");
    expect(await deckNames(other)).toEqual(scenes.map((s) => s.name));
    await dialog.getByRole("button", { name: "Show scene 3: Quartic" }).click();
    await expectShowing(other, scenes[2]);
    // Kept after a reload too.
    await expect.poll(() => storedNames(other)).toEqual(scenes.map((s) => s.name));
    await other.reload();
    await open(other);
    expect(((await state(other)).scenes as { name: string }[]).map((s) => s.name)).toEqual(scenes.map((s) => s.name));
    await fresh.close();
  });

  test("a hostile deck file: bad scenes reported by field and skipped, narration shown as text, nothing runs", async ({ page }) => {
    await open(page);
    const good = { version: 1, surface: "bowl", steps: 40, runs: [{ id: "sgd", optimizer: { name: "sgd", lr: 0.1 } }] };
    const hostile = `{"downhillDeck": 1, "__proto__": {"polluted": true}, "scenes": [
      {"name": "<script>window.__pwned = 1</script>Bowl", "narration": "<img src=x onerror=\\"window.__pwned = 2\\">", "constructor": {"prototype": {"polluted": true}}, "experiment": ${JSON.stringify(good)}},
      {"name": "Bad lr", "narration": "x", "experiment": {"surface": "bowl", "steps": 40, "runs": [{"optimizer": {"name": "sgd", "lr": -1}}]}},
      {"name": "Bad colour", "experiment": {"surface": "bowl", "steps": 40, "runs": [{"color": "url(javascript:alert(1))", "optimizer": {"name": "sgd", "lr": 0.1}}]}},
      {"name": 7, "experiment": ${JSON.stringify(good)}},
      {"name": "Future", "experiment": {"version": 2, "surface": "bowl", "steps": 40, "runs": []}}
    ]}`;
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Scenes" });
    await dialog.getByLabel("Deck file to import").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(hostile) });
    const alert = dialog.getByRole("alert");
    await expect(alert).toContainText("1 scene added");
    await expect(alert).toContainText("scenes[1].experiment.runs[0].optimizer.lr: -1");
    await expect(alert).toContainText("scenes[2].experiment.runs[0].color");
    await expect(alert).toContainText("scenes[3].name: must be text");
    await expect(alert).toContainText("scenes[4].experiment.version");
    expect(await deckNames(page)).toEqual(["<script>window.__pwned = 1</script>Bowl"]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lecture mode" }).click();
    await page.keyboard.press("ArrowRight");
    const lecture = page.getByRole("complementary", { name: "Lecture" });
    await expect(lecture.getByLabel("Narration")).toHaveText('<img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned, polluted: ({} as Record<string, unknown>).polluted, imgs: document.querySelectorAll(".lecture-panel img, .lecture-panel script, .scene-list img, .scene-list script").length }))).toEqual({ pwned: undefined, polluted: undefined, imgs: 0 });
    await expectShowing(page, { experiment: good });

    // Not a deck at all: one message, nothing added.
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    await dialog.getByLabel("Deck file to import").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("{\"surface\": \"bowl\"") });
    await expect(dialog.getByRole("alert")).toContainText("0 scenes added; 1 problem:(file): is not valid JSON");
    expect(await deckNames(page)).toHaveLength(1);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious accessibility violations in the Scenes dialog, lecture mode and the help dialog (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.addInitScript(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Full screen refused (test)"));
    });
    await open(page);
    const serious = async () => {
      const result = await new AxeBuilder({ page }).analyze();
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    };
    await saveScene(page, "One", "A narration.");
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Scenes" })).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lecture mode" }).click();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("complementary", { name: "Lecture" })).toContainText("Scene 1 of 1");
    expect(await serious()).toEqual([]);
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("lecture mode, the Scenes dialog and the embed view do not scroll sideways at 390×844", async ({ page }) => {
    await page.addInitScript(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Full screen refused (test)"));
    });
    await open(page);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth);
    await saveScene(page, "A scene whose name is long enough to need wrapping on a phone screen", "Narration that wraps too.");
    await page.getByRole("button", { name: "Scenes", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Scenes" });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Lecture mode" }).click();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("complementary", { name: "Lecture" })).toContainText("Scene 1 of 1");
    expect(await sideways()).toBeLessThanOrEqual(390);
    const plot = (await page.locator(".plot-image").boundingBox())!;
    expect(plot.height).toBeGreaterThan(250);
    await open(page, "/?embed");
    expect(await sideways()).toBeLessThanOrEqual(390);
  });
});

test("? opens the help listing every shortcut; Tab stays inside it; Escape closes it and the focus returns", async ({ page }) => {
  await open(page);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toHaveAttribute("aria-modal", "true");
  const keys = await help.locator("kbd").allTextContents();
  for (const k of ["Space", "→", "←", "R", "?", "Esc", "Tab", "Enter"]) expect(keys).toContain(k);
  await expect(help).toContainText("next scene");
  await expect(help).toContainText("Leave lecture mode");
  // Shortcuts do not act behind the dialog.
  await page.keyboard.press("ArrowRight");
  expect((await state(page)).step).toBe(0);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // From the button, by keyboard: the focus comes back to it.
  const button = page.getByRole("button", { name: "Keyboard shortcuts" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();
});

test.describe("embed view", () => {
  test.use({ viewport: { width: 640, height: 400 } });

  test("?embed shows only the plot, the transport and the caption, fits 640×400, and links to the full app", async ({ page }) => {
    await open(page, "/?embed");
    await expect(page.getByRole("img", { name: /Contour plot/ })).toBeVisible();
    await expect(page.getByRole("group", { name: "Playback" })).toBeVisible();
    for (const gone of [
      page.getByRole("complementary", { name: "Runs" }),
      page.getByRole("region", { name: "Panels" }),
      page.getByRole("navigation", { name: "Classroom" }),
      page.getByLabel("Surface", { exact: true }),
      page.getByRole("group", { name: "Plot controls" }),
    ])
      await expect(gone).toHaveCount(0);
    const link = page.getByRole("link", { name: "Open in Downhill" });
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener");
    expect(new URL((await link.getAttribute("href"))!).search).toBe("");
    const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight, plot: document.querySelector(".plot-image")!.getBoundingClientRect().height }));
    expect(size.w).toBeLessThanOrEqual(640);
    expect(size.h).toBeLessThanOrEqual(400);
    expect(size.plot).toBeGreaterThan(180);
    // The transport works there.
    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(async () => (await state(page)).step).toBe(1);
  });

  test("an embedded link shows the link's experiment, title and caption, and Open in Downhill keeps it", async ({ page }) => {
    const experiment = {
      version: 1,
      title: "Momentum on the quartic",
      caption: "Heavy-ball momentum carries the run over the hump into the other valley.",
      surface: "quartic",
      steps: 300,
      selected: "mom",
      runs: [{ id: "mom", optimizer: { name: "sgd", lr: 0.01, momentum: 0.9 } }],
    };
    const hash = `#e=${lz.compressToEncodedURIComponent(JSON.stringify(experiment))}`;
    await open(page, `/?embed${hash}`);
    await expect(page.getByRole("heading", { name: experiment.title })).toBeVisible();
    await expect(page.locator(".embed-caption")).toHaveText(experiment.caption);
    const s = await state(page);
    expect(s.experiment.surface).toBe("quartic");
    expect(s.selectedRunId).toBe("mom");
    const href = await page.getByRole("link", { name: "Open in Downhill" }).getAttribute("href");
    expect(href).toMatch(/^http:\/\/[^?]+\/#e=/);
  });
});
