/**
 * `npm run bench:browser` (builds first): the race track's budgets, measured in Chromium
 * against the production build served locally.
 *
 *   1. racing 8 runs × 10,000 steps on Rosenbrock at full speed:
 *      p95 frame time ≤ 20 ms, no main-thread task over 50 ms
 *   2. dragging a learning-rate slider with 8 runs × 2,000 steps:
 *      input → repainted paths, p95 ≤ 50 ms
 *   3. zoom: new contours for a 400 × 400 grid on screen within 200 ms, main thread free meanwhile
 *   4. load: plot interactive within 1.5 s of navigation; initial JavaScript ≤ 350 KB gzipped
 *   5. fair-comparison tools, in a pool of navigator.hardwareConcurrency workers: a 128 × 128
 *      basin map of 500 Adam steps (8.2 M steps) ≤ 3 s; a 32 × 32 sweep of 2,000 steps ≤ 2 s;
 *      progress updates at most 200 ms apart; Cancel gone (progress bar removed, workers
 *      terminated) ≤ 100 ms after the click; no main-thread task over 50 ms meanwhile
 *
 * Frame times come from requestAnimationFrame deltas, long tasks from the Long Tasks API,
 * and "on screen" from the performance marks the plot sets when it has drawn
 * (downhill:paths-drawn, downhill:contours-drawn).
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { preview } from "vite";
import { chromiumArgs, chromiumPath } from "../playwright.config";

const PORT = 4187;
const results: { name: string; value: string; budget: string; ok: boolean }[] = [];
const report = (name: string, value: number, unit: string, budget: number, digits = 1) =>
  results.push({ name, value: `${value.toFixed(digits)} ${unit}`, budget: `≤ ${budget} ${unit}`, ok: value <= budget });

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * (s.length - 1)))];
};

function initialJsKb(): number {
  const html = readFileSync("dist/index.html", "utf8");
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  return srcs.reduce((sum, src) => sum + gzipSync(readFileSync(`dist${src}`)).length, 0) / 1000;
}

function runs(n: number) {
  const names = ["sgd", "adam", "rmsprop", "adagrad", "nadam", "adamw", "radam", "lion"];
  const lrs: Record<string, number> = { sgd: 0.001, adam: 0.01, rmsprop: 0.001, adagrad: 0.1, nadam: 0.01, adamw: 0.01, radam: 0.01, lion: 0.001 };
  return names.slice(0, n).map((name, i) => ({ id: `${name}${i}`, label: name, optimizer: { name, lr: lrs[name] } }));
}

async function setExperiment(page: Page, steps: number) {
  await page.evaluate(
    ({ steps, runs }) => {
      const d = (window as any).downhill;
      const e = d.store.getState().experiment;
      d.store.getState().setExperiment({ ...e, surface: "rosenbrock", start: [-2, 2], steps, runs: runs.map((r: any, i: number) => ({ ...r, color: e.runs[i % e.runs.length].color })) });
    },
    { steps, runs: runs(8) },
  );
  await page.waitForFunction((steps) => (window as any).downhill.trajectories.steps === steps, steps);
}

/** Starts collecting rAF frame deltas and long tasks in the page. */
async function startRecording(page: Page) {
  await page.evaluate(() => {
    const w = window as any;
    w.__frames = [];
    w.__long = [];
    w.__recording = true;
    let last = performance.now();
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    w.__obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration)));
    w.__obs.observe({ type: "longtask" });
  });
}

async function stopRecording(page: Page): Promise<{ frames: number[]; long: number[] }> {
  return page.evaluate(() => {
    const w = window as any;
    w.__recording = false;
    w.__obs.disconnect();
    return { frames: w.__frames.slice(1), long: w.__long };
  });
}

/**
 * Starts watching a tool: the click's time (capture listener on `button`), every change of
 * the progress bar's value and its removal (MutationObserver), and long tasks.
 */
async function watchTool(page: Page, button: string) {
  await page.evaluate((button) => {
    const w = window as any;
    w.__tool = { click: 0, updates: [] as number[], gone: 0, drawn: 0, long: [] as number[] };
    const btn = [...document.querySelectorAll(".tools-panel button")].find((b) => b.textContent === button)!;
    btn.addEventListener("click", (e) => (w.__tool.click = e.timeStamp), { once: true, capture: true });
    const panel = document.querySelector(".tools-panel")!;
    let seen = false;
    w.__toolObs = new MutationObserver(() => {
      const bar = panel.querySelector('[role="progressbar"]');
      const now = performance.now();
      if (bar) {
        seen = true;
        const v = bar.getAttribute("aria-valuenow");
        if (v !== w.__toolLast) {
          w.__toolLast = v;
          w.__tool.updates.push(now);
        }
      } else if (seen && !w.__tool.gone) w.__tool.gone = now;
      // The result on screen: the heatmap in the panel, or the basin overlay on the contour canvas.
      const drawn = (button === "Sweep" && panel.querySelector(".sweep canvas")) || (button === "Basin map" && document.querySelector('canvas[data-layer="contours"]')?.getAttribute("data-basin"));
      if (drawn && !w.__tool.drawn) w.__tool.drawn = now;
    });
    w.__toolObs.observe(panel, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
    w.__toolObs.observe(document.querySelector('canvas[data-layer="contours"]')!, { attributes: true, attributeFilter: ["data-basin"] });
    w.__toolLong = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tool.long.push(e.duration)));
    w.__toolLong.observe({ type: "longtask" });
  }, button);
}

async function toolResult(page: Page): Promise<{ click: number; updates: number[]; gone: number; drawn: number; long: number[] }> {
  return page.evaluate(() => {
    const w = window as any;
    w.__toolObs.disconnect();
    w.__toolLong.disconnect();
    w.__toolLast = undefined;
    return w.__tool;
  });
}

/** Longest gap between progress updates, counting from the click and up to the bar's removal. */
const maxGap = (t: { click: number; updates: number[]; gone: number }) => {
  const times = [t.click, ...t.updates, t.gone];
  return Math.max(...times.slice(1).map((v, i) => v - times[i]));
};

async function measureTools(page: Page) {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.evaluate(() => {
    const d = (window as any).downhill;
    const e = d.store.getState().experiment;
    d.store.getState().setExperiment({ ...e, surface: "rosenbrock", start: [-2, 2], steps: 500, view: undefined, runs: [{ id: "adam", label: "Adam", color: e.runs[0].color, optimizer: { name: "adam", lr: 0.01 } }] });
    d.store.getState().selectRun("adam");
  });
  const panel = page.locator(".tools-panel");
  await panel.getByLabel("Steps per run", { exact: true }).selectOption("500");
  await page.waitForTimeout(500);

  // Basin map: 128 × 128 starts × 500 Adam steps.
  await watchTool(page, "Basin map");
  await panel.getByRole("button", { name: "Basin map", exact: true }).click();
  await page.locator('canvas[data-layer="contours"][data-basin="128x128"]').waitFor({ timeout: 60_000 });
  const basin = await toolResult(page);
  report(`basin map 128 × 128 × 500 Adam steps, ${cores} workers: click → overlay drawn`, basin.drawn - basin.click, "ms", 3000, 0);
  report("basin map: longest gap between progress updates", maxGap(basin), "ms", 200, 0);
  report("basin map: longest main-thread task meanwhile", Math.max(0, ...basin.long), "ms", 50, 0);

  // Sweep: 32 × 32 settings (lr × β₁) × 2,000 steps.
  await panel.getByLabel("Steps per run", { exact: true }).selectOption("2000");
  await panel.getByLabel("Sweep grid", { exact: true }).selectOption("32");
  await watchTool(page, "Sweep");
  await panel.getByRole("button", { name: "Sweep", exact: true }).click();
  await panel.getByRole("img", { name: /^Sweep heatmap, 32 × 32/ }).waitFor({ timeout: 60_000 });
  const sweep = await toolResult(page);
  report("sweep 32 × 32 × 2,000 steps (lr × β₁ of Adam): click → heatmap drawn", sweep.drawn - sweep.click, "ms", 2000, 0);
  report("sweep: longest gap between progress updates", maxGap(sweep), "ms", 200, 0);
  report("sweep: longest main-thread task meanwhile", Math.max(0, ...sweep.long), "ms", 50, 0);

  // Cancel: a basin map of 2,000 steps (33 M steps) cancelled 600 ms in.
  await panel.getByLabel("Steps per run", { exact: true }).selectOption("2000");
  await watchTool(page, "Basin map");
  await panel.getByRole("button", { name: "Basin map", exact: true }).click();
  await page.waitForTimeout(600);
  await page.evaluate(() => {
    const w = window as any;
    const btn = [...document.querySelectorAll(".tools-panel button")].find((b) => b.textContent === "Cancel")!;
    btn.addEventListener("click", (e) => (w.__cancelClick = e.timeStamp), { once: true, capture: true });
  });
  await panel.getByRole("button", { name: "Cancel", exact: true }).click();
  await panel.getByRole("status").filter({ hasText: "Cancelled." }).waitFor();
  const cancel = await toolResult(page);
  const cancelClick = await page.evaluate(() => (window as any).__cancelClick as number);
  report("Cancel: click → progress bar gone, workers terminated", cancel.gone - cancelClick, "ms", 100, 0);
  report("cancelled basin map: longest gap between progress updates", maxGap({ ...cancel, gone: cancelClick }), "ms", 200, 0);
  report("cancelled basin map: longest main-thread task meanwhile", Math.max(0, ...cancel.long), "ms", 50, 0);
}

async function main() {
  const kb = initialJsKb();
  report("initial JavaScript (gzipped)", kb, "KB", 350);

  const server = await preview({ preview: { port: PORT, strictPort: true, host: "127.0.0.1" }, logLevel: "silent" });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild) wraps named functions in __name(); give the page a no-op so evaluate() bodies run as written.
    await page.addInitScript("window.__name = (f) => f");
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // 4. Load: interactive = contours and paths drawn and Play enabled.
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole("button", { name: "Play" }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("downhill:contours-drawn").length > 0 && performance.getEntriesByName("downhill:paths-drawn").length > 0);
    const interactive = await page.evaluate(() =>
      Math.max(performance.getEntriesByName("downhill:contours-drawn")[0].startTime, performance.getEntriesByName("downhill:paths-drawn")[0].startTime),
    );
    report("load: plot interactive after navigation", interactive, "ms", 1500, 0);

    // 1. Race 8 × 10,000 at full speed.
    await setExperiment(page, 10_000);
    await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "Max" });
    await startRecording(page);
    await page.getByRole("button", { name: "Play" }).click();
    await page.waitForFunction(() => (window as any).downhill.trajectories.done, undefined, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const race = await stopRecording(page);
    report(`race 8 × 10,000: p95 frame time (${race.frames.length} frames, race to the end + 300 ms)`, p95(race.frames), "ms", 20);
    report("race 8 × 10,000: longest main-thread task", Math.max(0, ...race.long), "ms", 50, 0);

    // 2. Drag the learning-rate slider with 8 × 2,000 steps run to the end.
    await setExperiment(page, 2_000);
    await page.evaluate(() => (window as any).downhill.engine().runToEnd());
    await page.waitForFunction(() => (window as any).downhill.trajectories.done);
    await page.evaluate(() => {
      const w = window as any;
      w.__inputs = [];
      document.addEventListener("input", (e) => w.__inputs.push({ t: e.timeStamp, gen: w.downhill.engine().generation }));
    });
    const slider = page.getByRole("slider", { name: "Learning rate", exact: true });
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i <= 60; i++) {
      await page.mouse.move(box.x + box.width * (0.3 + (0.4 * i) / 60), box.y + box.height / 2);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(500);
    const latencies: number[] = await page.evaluate(() => {
      const w = window as any;
      const marks = performance.getEntriesByName("downhill:paths-drawn") as PerformanceMark[];
      return w.__inputs
        .map((i: { t: number; gen: number }) => {
          const m = marks.find((m) => m.startTime >= i.t && (m.detail?.generation ?? -1) >= i.gen);
          return m ? m.startTime - i.t : NaN;
        })
        .filter((x: number) => Number.isFinite(x));
    });
    if (latencies.length < 10) throw new Error(`slider drag: only ${latencies.length} inputs reached the screen`);
    report(`slider drag 8 × 2,000 (${latencies.length} inputs): p95 input → repainted paths`, p95(latencies), "ms", 50);

    // 3. Zoom: new 400 × 400 contours on screen after a click on "Zoom in"/"Zoom out"
    //    (five clicks, alternating; the median is held to the budget, the worst is reported).
    await page.waitForTimeout(800);
    const zoomTimes: number[] = [];
    await startRecording(page);
    for (const name of ["Zoom in", "Zoom in", "Zoom out", "Zoom in", "Zoom out"]) {
      const before = await page.evaluate(() => performance.getEntriesByName("downhill:contours-drawn").length);
      await page.evaluate((name) => {
        const w = window as any;
        document.querySelector(`button[aria-label="${name}"]`)!.addEventListener("click", (e) => (w.__zoomClick = e.timeStamp), { once: true, capture: true });
      }, name);
      await page.getByRole("button", { name, exact: true }).click();
      const handle = await page.waitForFunction(
        (n) => {
          const m = (performance.getEntriesByName("downhill:contours-drawn") as PerformanceMark[]).slice(n).find((m) => m.detail?.nx >= 400 && m.detail?.ny >= 400);
          return m ? m.startTime - (window as any).__zoomClick : null;
        },
        before,
        { timeout: 10_000 },
      );
      zoomTimes.push((await handle.jsonValue()) as number);
      await page.waitForTimeout(400);
    }
    const zoom = await stopRecording(page);
    const sorted = [...zoomTimes].sort((a, b) => a - b);
    report(`zoom: 400 × 400 contours on screen after the click, median of ${sorted.length} (worst ${Math.round(sorted.at(-1)!)} ms)`, sorted[Math.floor(sorted.length / 2)], "ms", 200, 0);
    report("zoom: longest main-thread task meanwhile", Math.max(0, ...zoom.long), "ms", 50, 0);
    // 5. The fair-comparison tools.
    await measureTools(page);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }

  const w = Math.max(...results.map((r) => r.name.length));
  for (const r of results) console.log(`${r.ok ? "OK  " : "OVER"} ${r.name.padEnd(w)}  ${r.value.padStart(10)}  (budget ${r.budget})`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench:browser: ${e.message}`);
  process.exit(1);
});
