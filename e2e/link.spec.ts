import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
// lz-string is CommonJS: Node's ESM loader gives only its default export.
import lzString from "lz-string";
import { expect, test, type Page } from "./fixtures";

/**
 * The experiment is the link: edits are restored exactly by the URL in a fresh page, the
 * address bar is rewritten in place (no history entry per edit), hostile and malformed links
 * open a working page that says what it ignored, and an exported file is what `race` reads.
 */

const counter = (page: Page) => page.getByRole("status", { name: "Step", exact: true });
const sidebar = (page: Page) => page.getByRole("complementary", { name: "Runs" });
const message = (page: Page) => page.locator("p.message[role=status]");
const pack = (value: unknown) => `#e=${lzString.compressToEncodedURIComponent(typeof value === "string" ? value : JSON.stringify(value))}`;

/** What a link must carry: the race, the selected run and the step shown. */
const pageState = (page: Page) =>
  page.evaluate(() => {
    const s = (window as any).downhill.store.getState();
    return { experiment: s.experiment, selected: s.selectedRunId, step: s.scrub ?? s.step };
  });

test("a link made after edits restores exactly that state in a fresh page", async ({ page, browser }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("combobox", { name: "Surface", exact: true }).selectOption("himmelblau");
  const lr = page.getByRole("textbox", { name: "Learning rate value", exact: true });
  await lr.fill("0.003");
  await lr.press("Enter");
  await page.getByRole("button", { name: "Add run" }).click();
  await sidebar(page).getByRole("combobox", { name: "Schedule", exact: true }).selectOption({ label: "Cosine annealing" });
  await sidebar(page).getByRole("combobox", { name: "Clipping", exact: true }).selectOption({ index: 1 });
  const steps = page.getByRole("spinbutton", { name: "Steps", exact: true });
  await steps.fill("800");
  await steps.press("Enter");
  // Noise and tolerance through the store (the tolerance has no control of its own).
  await page.evaluate(() => {
    const s = (window as any).downhill.store.getState();
    s.setNoise("adam", { std: 0.05, seed: 11 });
    s.setExperiment({ ...s.experiment, tolerance: 0.25 });
  });
  await sidebar(page).getByRole("button", { name: "Momentum", exact: true }).click();
  const step = page.getByRole("group", { name: "Playback" }).getByRole("button", { name: "Step", exact: true });
  for (let i = 0; i < 7; i++) await step.click();
  await expect(counter(page)).toHaveText(/^7\s*\/\s*800$/);
  const before = await pageState(page);
  expect(before.selected).toBe("momentum");
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#e=/);
  // The hash follows after the debounce: wait until it holds the last edit (step 7).
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(100);
  await page.waitForTimeout(500);
  const url = page.url();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  await expect(counter(fresh)).toHaveText(/^7\s*\/\s*800$/);
  const after = await pageState(fresh);
  expect(after).toEqual(before);
  expect(after.experiment.surface).toBe("himmelblau");
  expect(after.experiment.runs.map((r: any) => r.id)).toEqual(["sgd", "momentum", "adam", "adam-2"]);
  await expect(fresh.getByRole("combobox", { name: "Surface", exact: true })).toHaveValue("himmelblau");
  await expect(sidebar(fresh).getByRole("button", { name: "Momentum", exact: true })).toHaveAttribute("aria-expanded", "true");
  await expect(message(fresh)).toHaveText("");
  await fresh.context().close();
});

test("twenty edits rewrite the address in place: history does not grow", async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  const length = await page.evaluate(() => history.length);
  const step = page.getByRole("group", { name: "Playback" }).getByRole("button", { name: "Step", exact: true });
  for (let i = 0; i < 20; i++) {
    await step.click();
    // Past the debounce half the time, so both paths (coalesced and written) are taken.
    if (i % 2) await page.waitForTimeout(350);
  }
  await expect(counter(page)).toHaveText(/^20\s*\/\s*5000$/);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#e=/);
  expect(await page.evaluate(() => history.length)).toBe(length);
  await page.reload();
  await expect(counter(page)).toHaveText(/^20\s*\/\s*5000$/);
});

test("a plain address stays plain until something changes", async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => location.hash)).toBe("");
});

test("a link pasted into the same tab is loaded", async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.evaluate((hash) => (location.hash = hash), pack({ surface: "bowl", steps: 40, runs: [{ id: "solo", optimizer: { name: "adam", lr: 0.1 } }], step: 12 }));
  await expect(counter(page)).toHaveText(/^12\s*\/\s*40$/);
  expect((await pageState(page)).experiment.runs.map((r: any) => r.id)).toEqual(["solo"]);
});

/* ── Hostile and malformed links ─────────────────────────────────────────────── */

const trap = {
  version: 1,
  title: "Trap",
  surface: "quartic",
  steps: 300,
  runs: [
    { id: "sgd", label: "SGD", color: "#1f77b4", optimizer: { name: "sgd", lr: 0.01 } },
    { id: "mom", label: "Momentum", optimizer: { name: "sgd", lr: 0.01, momentum: 0.9 } },
  ],
};
const withRun = (i: number, patch: Record<string, unknown>) => ({ ...trap, runs: trap.runs.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
const DEFAULT = { surface: "rosenbrock", runs: ["sgd", "momentum", "adam"] };
const KEPT = { surface: "quartic", runs: ["sgd", "mom"], title: "Trap" };
const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

interface HostileLink {
  name: string;
  hash: string;
  /** The status line: what was ignored and why. */
  says: RegExp;
  /** Fields the page must have kept (or, for an unusable link, the defaults). */
  keeps: { surface: string; runs: string[]; title?: string; steps?: number };
}

const hostile: HostileLink[] = [
  { name: "an empty link", hash: "#e=", says: /^Link ignored: it is empty; the default experiment is shown\.$/, keeps: DEFAULT },
  { name: "characters lz-string never writes", hash: "#e=*not*a*link*", says: /Link ignored: it is damaged/, keeps: DEFAULT },
  { name: "a truncated link", hash: pack(trap).slice(0, 60), says: /Link ignored: it is damaged \(cut short or edited\)/, keeps: DEFAULT },
  { name: "text that is not JSON", hash: pack("{surface: quartic"), says: /Link ignored: it does not hold JSON/, keeps: DEFAULT },
  { name: "a JSON array", hash: pack("[1, 2, 3]"), says: /Link ignored: \[1, 2, 3\] is not an experiment/, keeps: DEFAULT },
  { name: "a JSON string", hash: pack('"quartic"'), says: /Link ignored: "quartic" is not an experiment/, keeps: DEFAULT },
  { name: "null", hash: pack("null"), says: /Link ignored: null is not an experiment/, keeps: DEFAULT },
  { name: "300 kB unpacked", hash: pack({ ...trap, caption: "x".repeat(300_000) }), says: /Link ignored: it unpacks to 294 kB; an experiment is at most 256 kB/, keeps: DEFAULT },
  { name: "a hash past 64 kB", hash: `#e=${"A".repeat(70_000)}`, says: /Link ignored: it is 69 kB long; a link holds at most 64 kB/, keeps: DEFAULT },
  { name: "200-deep nesting", hash: pack(`{"surface":"quartic","steps":300,"runs":[{"optimizer":{"name":"sgd"}}],"title":${deep(200)}}`), says: /Link ignored: it nests deeper than any experiment at title/, keeps: DEFAULT },
  { name: "a future version", hash: pack({ ...trap, version: 2, hologram: true }), says: /version: 2 is newer than this Downhill reads \(1\); fields it does not know were ignored · hologram: unknown field/, keeps: KEPT },
  { name: "an HTML label with an unknown field", hash: pack(withRun(0, { label: "<img src=x onerror=window.pwned=1>", onerror: "window.pwned=1" })), says: /runs\[0\]\.onerror: unknown field/, keeps: KEPT },
  { name: "a colour carrying url(javascript:)", hash: pack(withRun(0, { color: "url(javascript:alert(1))" })), says: /runs\[0\]\.color: "url\(javascript:alert\(1\)\)" must be a colour like #1f77b4; ignored/, keeps: KEPT },
  { name: "a __proto__ key", hash: pack(`{"__proto__": {"polluted": true}, ${JSON.stringify(trap).slice(1)}`), says: /__proto__: is not an allowed field name; ignored/, keeps: KEPT },
  { name: "a constructor key", hash: pack(withRun(1, { constructor: { prototype: { polluted: true } } })), says: /runs\[1\]\.constructor: is not an allowed field name/, keeps: KEPT },
  { name: "a prototype key", hash: pack(withRun(1, { optimizer: { name: "sgd", prototype: { polluted: true } } })), says: /runs\[1\]\.optimizer\.prototype: is not an allowed field name/, keeps: KEPT },
  { name: "an lr of 1e999", hash: pack(JSON.stringify(trap).replace('"lr":0.01', '"lr":1e999')), says: /runs\[0\]\.optimizer\.lr: Infinity is not a finite number.*its default is used/, keeps: KEPT },
  { name: 'an lr of "NaN"', hash: pack(withRun(0, { optimizer: { name: "sgd", lr: "NaN" } })), says: /runs\[0\]\.optimizer\.lr: "NaN" must be a number/, keeps: KEPT },
  { name: "negative steps", hash: pack({ ...trap, steps: -5 }), says: /steps: -5 must be a positive integer.*the default \(5000\) is used/, keeps: { ...KEPT, steps: 5000 } },
  { name: "an unknown optimizer", hash: pack(withRun(1, { optimizer: { name: "eval" } })), says: /runs\[1\]\.optimizer\.name: "eval" unknown optimizer; allowed: sgd, adagrad, [^·]*…\.$/, keeps: { ...KEPT, runs: ["sgd"] } },
  { name: "an unknown surface", hash: pack({ ...trap, surface: "alert(1)" }), says: /surface: "alert\(1\)" unknown surface; allowed: [^·]*…\.$/, keeps: { ...KEPT, surface: "rosenbrock" } },
  { name: "10,000 runs", hash: pack({ ...trap, runs: [...trap.runs, ...Array(9_998).fill(0)] }), says: /runs: holds 10,000 runs; at most 12 are allowed, the first 12 were kept · runs\[2\]: 0 must be a run/, keeps: KEPT },
  { name: "duplicate ids", hash: pack(withRun(1, { id: "sgd" })), says: /runs\[1\]\.id: "sgd" must be unique; runs\[0\] already has this id/, keeps: { ...KEPT, runs: ["sgd", "sgd-2"] } },
  { name: "a schedule with an unknown parameter", hash: pack(withRun(0, { schedule: { name: "cosine", tMax: 300, eval: "x" } })), says: /runs\[0\]\.schedule\.eval: unknown field/, keeps: KEPT },
  { name: "a start far outside", hash: pack({ ...trap, surface: "bowl", start: [1e300, 1e300] }), says: /start: \[1e\+300, 1e\+300\] gives a loss that is not finite on bowl; ignored/, keeps: { ...KEPT, surface: "bowl" } },
  { name: "a step past the horizon", hash: pack({ ...trap, step: 301 }), says: /step: 301 must be ≤ steps \(300\); ignored/, keeps: KEPT },
  { name: "a selected run that does not exist", hash: pack({ ...trap, selected: "ghost" }), says: /selected: "ghost" must be the id of one of the runs/, keeps: KEPT },
  { name: "a javascript: title and a number caption", hash: pack({ ...trap, title: "javascript:window.pwned=1", caption: 5 }), says: /caption: 5 must be a string; ignored/, keeps: { ...KEPT, title: "javascript:window.pwned=1" } },
  { name: "a view with min > max", hash: pack({ ...trap, view: { x: [3, -3], y: [-1, 1] } }), says: /view\.x: \[3, -3\] must be \[min, max\] with min < max; view ignored/, keeps: KEPT },
  { name: "steps beyond what the page keeps", hash: pack({ ...trap, steps: 10_000_000 }), says: /steps: 10000000 is more than this page keeps \(at most 200,000\); the default \(5000\) is used/, keeps: { ...KEPT, steps: 5000 } },
];

test.describe("hostile and malformed links open a working page that says what it ignored", () => {
  for (const link of hostile)
    test(link.name, async ({ page }) => {
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`/${link.hash}`);
      await expect(message(page)).toHaveText(link.says);
      await expect(page.locator('canvas[data-layer="paths"]')).toHaveCount(1);
      const { experiment } = await pageState(page);
      expect(experiment.surface).toBe(link.keeps.surface);
      expect(experiment.runs.map((r: any) => r.id)).toEqual(link.keeps.runs);
      if (link.keeps.title !== undefined) expect(experiment.title).toBe(link.keeps.title);
      if (link.keeps.steps !== undefined) expect(experiment.steps).toBe(link.keeps.steps);
      // Play races from step 0 to the end (default speed: as fast as it goes).
      await page.getByRole("button", { name: "Play", exact: true }).click();
      await expect(counter(page)).toHaveText(new RegExp(`^${experiment.steps}\\s*/\\s*${experiment.steps}$`));
      // Nothing from the link ran or was injected.
      expect(await page.evaluate(() => [(window as any).pwned, ({} as any).polluted, document.querySelectorAll('img[src="x"], a[href^="javascript:"]').length])).toEqual([undefined, undefined, 0]);
      expect(dialogs).toEqual([]);
      // The address now holds what was kept, and none of what was ignored.
      await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(link.hash);
    });

  test("an HTML label is shown as literal text", async ({ page }) => {
    await page.goto(`/${pack(withRun(0, { label: "<img src=x onerror=window.pwned=1>" }))}`);
    await expect(sidebar(page).getByText("<img src=x onerror=window.pwned=1>", { exact: true }).first()).toBeVisible();
    await expect(message(page)).toHaveText("");
    expect(await page.evaluate(() => [(window as any).pwned, document.querySelectorAll('img[src="x"]').length])).toEqual([undefined, 0]);
  });
});

/* ── Share menu ─────────────────────────────────────────────────────────────── */

const share = async (page: Page, item: string) => {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await page.getByRole("button", { name: item, exact: true }).click();
};

test("Copy link puts the full link on the clipboard; refused, it shows the link to copy by hand", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("combobox", { name: "Surface", exact: true }).selectOption("booth");
  await share(page, "Copy link");
  await expect(message(page)).toHaveText("Link copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#e=/);
  expect(copied).toBe(page.url());
  // The menu closed and gave the focus back to its button.
  await expect(page.getByRole("button", { name: "Copy link", exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toBeFocused();

  await page.evaluate(() => Object.defineProperty(navigator.clipboard, "writeText", { value: () => Promise.reject(new DOMException("denied", "NotAllowedError")) }));
  await share(page, "Copy link");
  await expect(message(page)).toContainText("refused the clipboard");
  await expect(page.getByRole("textbox", { name: "Link to this experiment" })).toHaveValue(copied);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("textbox", { name: "Link to this experiment" })).toHaveCount(0);
});

test("the Share menu is keyboard operable: Enter opens it, Tab reaches its items, Escape closes it", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Share", exact: true });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Copy link", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Export experiment", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Import experiment", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
});

test("Export experiment saves a file that npm run race accepts as it is, and Import reads it back", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("combobox", { name: "Surface", exact: true }).selectOption("himmelblau");
  await page.getByRole("group", { name: "Playback" }).getByRole("button", { name: "Step", exact: true }).click();
  await expect(counter(page)).toHaveText(/^1\s*\/\s*5000$/);
  const [download] = await Promise.all([page.waitForEvent("download"), share(page, "Export experiment")]);
  expect(download.suggestedFilename()).toBe("downhill-experiment.json");
  const file = testInfo.outputPath("downhill-experiment.json");
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  const exported = JSON.parse(text);
  expect(exported).toMatchObject({ version: 1, surface: "himmelblau", steps: 5000, selected: "adam", step: 1 });
  expect(text).toContain('\n  "surface": "himmelblau"');
  // The headless runner reads it unchanged (exit status 0, one summary per run).
  const out = JSON.parse(execFileSync("node", ["bin/race.cjs", file, "--summary"], { encoding: "utf8" }));
  expect(out.surface).toBe("himmelblau");
  expect(out.runs.map((r: any) => r.id)).toEqual(["sgd", "momentum", "adam"]);

  // Back in another page: Import puts exactly that experiment in place.
  const other = await (await page.context().browser()!.newContext()).newPage();
  await other.goto("/");
  await expect(counter(other)).toHaveText(/^0\s*\/\s*5000$/);
  await other.getByRole("button", { name: "Share", exact: true }).click();
  const [chooser] = await Promise.all([other.waitForEvent("filechooser"), other.getByRole("button", { name: "Import experiment", exact: true }).click()]);
  await chooser.setFiles(file);
  await expect(message(other)).toHaveText("Imported downhill-experiment.json");
  await expect(counter(other)).toHaveText(/^1\s*\/\s*5000$/);
  expect((await pageState(other)).experiment.surface).toBe("himmelblau");
  await other.context().close();
});

test("Import refuses an invalid file field by field and keeps the current experiment", async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  const before = await pageState(page);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import experiment", exact: true }).click()]);
  const bad = { surface: "moon", steps: 0, runs: [{ optimizer: { name: "adam", lr: -1 } }] };
  await chooser.setFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(message(page)).toHaveText(/^Not imported: bad\.json: surface: "moon" unknown surface; allowed: [^·]*… · steps: 0 must be a positive integer ≤ 100000000 · runs\[0\]\.optimizer\.lr: -1 must be a number > 0$/);
  expect(await pageState(page)).toEqual(before);
});

test("Import refuses what this page cannot race (32 runs) and files over 1 MB, naming why", async ({ page }) => {
  await page.goto("/");
  await expect(counter(page)).toHaveText(/^0\s*\/\s*5000$/);
  const before = await pageState(page);
  const pick = async (name: string, buffer: Buffer) => {
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Import experiment", exact: true }).click()]);
    await chooser.setFiles({ name, mimeType: "application/json", buffer });
  };
  const many = { surface: "bowl", steps: 10, runs: Array.from({ length: 32 }, () => ({ optimizer: { name: "sgd" } })) };
  await pick("many.json", Buffer.from(JSON.stringify(many)));
  await expect(message(page)).toHaveText("Not imported: many.json: runs: 32 runs; this page races at most 12 (npm run race takes up to 32)");
  await pick("huge.json", Buffer.alloc(2 * 1024 * 1024, 0x20));
  await expect(message(page)).toHaveText("Not imported: huge.json is 2.0 MB; an experiment file is at most 1 MB");
  expect(await pageState(page)).toEqual(before);
});
