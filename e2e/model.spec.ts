/// <reference lib="dom" />
import fc from "fast-check";
import { expect, test, type Page } from "./fixtures";

/**
 * Model-based test of the transport and the store, in a real browser through the real
 * controls: fast-check draws sequences of play, pause, step, reset, run to end, scrub,
 * edits of lr, Steps and surface, add and remove run; after each one the page is compared
 * with a small model of what the user should see:
 *
 *  - the step counter is always in [0, horizon], and shows the horizon the model holds;
 *  - Reset gives 0, with Play and Step enabled;
 *  - the shortcuts (Space, →, R) do what their buttons do, after a mouse click on any
 *    control too, and leave a text box's keys alone;
 *  - Step adds exactly one;
 *  - edits keep the step reached (cut to the horizon when it shrinks);
 *  - text typed key by key that ends invalid leaves the value from before the edit in force;
 *  - Run to end reaches the horizon unless every run diverged;
 *  - no console error or uncaught exception (the fixture's own check).
 *
 * The model predicts what the user asked for; what it cannot predict (where a playing race
 * was when paused, which runs diverge after an lr or surface edit) it reads back from the
 * page and then holds the page to it. A failure prints fast-check's seed and the command
 * sequence; rerun it with DOWNHILL_MODEL_SEED=<seed>.
 */

interface Model {
  horizon: number;
  /** Steps computed (the race's head); null while playing, when it moves on its own. */
  head: number | null;
  playing: boolean;
  /** The race is over: at the horizon, or every run diverged. */
  done: boolean;
  /** Step shown by the timeline when looking back, else null. */
  scrub: number | null;
  runs: number;
  /**
   * The furthest step the user took this race to since the last Reset (by Step, Play or Run
   * to end). An edit replays the race to min(reached, horizon): shrinking the horizon and
   * growing it again gets the steps back (the engine session remembers them).
   */
  reached: number;
  /** False after a race played on its own: `reached` is then only a lower bound. */
  reachedKnown: boolean;
  /**
   * Where the keyboard focus is after the last command: "page" after a mouse click (the
   * page hands the focus back once a click is over), "text" in a text box or select (every
   * key is the box's), "slider" on the timeline (arrows are the slider's, Space and R global).
   */
  focus: "page" | "text" | "slider";
}

/** What the page shows and holds, read in one go. */
interface Seen {
  shown: number;
  total: number;
  head: number;
  done: boolean;
  playing: boolean;
  scrub: number | null;
  horizon: number;
  runs: number;
  allDiverged: boolean;
  /** The engine has answered the latest load (generation) and the store mirrors it. */
  caughtUp: boolean;
  /** The leaderboard's note: "scrub", "final", "live" or "paused". */
  moment: string | null;
  /** Whether the transport's Step and Run to end buttons are enabled. */
  stepEnabled: boolean;
  endEnabled: boolean;
}

interface Real {
  page: Page;
}

const SPEED = "500 steps/s";
const MAX_RUNS = 12;

async function see(page: Page): Promise<Seen> {
  const counter = ((await page.getByRole("status", { name: "Step", exact: true }).textContent()) ?? "").split("/");
  const inner = await page.evaluate(() => {
    const h = (window as unknown as { downhill: DebugHandle }).downhill;
    const s = h.store.getState();
    const t = h.trajectories;
    const statuses = [...t.runs.values()].map((r) => r.status);
    return {
      head: s.step,
      done: s.done,
      playing: s.playing,
      scrub: s.scrub,
      horizon: s.experiment.steps,
      runs: s.experiment.runs.length,
      allDiverged: statuses.length > 0 && statuses.every((x) => x === "diverged"),
      caughtUp: h.engine().generation === t.generation && s.step === t.step && s.done === t.done,
    };
  });
  const transport = page.getByRole("group", { name: "Playback" });
  const [moment, stepEnabled, endEnabled] = await Promise.all([
    page.locator(".leaderboard [data-moment]").getAttribute("data-moment"),
    transport.getByRole("button", { name: "Step", exact: true }).isEnabled(),
    transport.getByRole("button", { name: "Run to end", exact: true }).isEnabled(),
  ]);
  return { shown: Number(counter[0].trim()), total: Number(counter[1]?.trim()), ...inner, moment, stepEnabled, endEnabled };
}

/** The debug handle's shape, as far as this test reads it (src/state/debugHandle.ts). */
interface DebugHandle {
  store: {
    getState(): { step: number; done: boolean; playing: boolean; scrub: number | null; experiment: { steps: number; runs: unknown[] } };
  };
  trajectories: { generation: number; step: number; done: boolean; runs: Map<string, { status: string }> };
  engine(): { generation: number };
}

/**
 * Waits until the engine has answered the latest change and, unless the race is playing,
 * nothing moves any more (three reads 100 ms apart agree).
 */
async function settle(page: Page): Promise<Seen> {
  let last = "";
  let same = 0;
  for (let i = 0; i < 100; i++) {
    const s = await see(page);
    if (s.caughtUp && s.playing) return s;
    const key = JSON.stringify(s);
    same = s.caughtUp && key === last ? same + 1 : 0;
    last = key;
    if (same >= 2) return s;
    await page.waitForTimeout(100);
  }
  throw new Error(`the page never settled: ${last}`);
}

/**
 * Settles after a command that stops the race. A batch the worker sent before it read the
 * pause still says "playing" and may land after the click; the worker's answer to the pause
 * follows within a frame or two.
 */
async function settleStopped(page: Page, message: string): Promise<Seen> {
  await expect.poll(async () => (await see(page)).playing, { message, timeout: 5_000 }).toBe(false);
  return settle(page);
}

/** What holds after every command, whatever it was. */
function checkInvariants(m: Model, s: Seen, what: string): void {
  expect(s.total, `${what}: the counter shows the horizon`).toBe(m.horizon);
  expect(s.horizon, `${what}: the experiment's horizon`).toBe(m.horizon);
  expect(s.shown, `${what}: counter ≥ 0`).toBeGreaterThanOrEqual(0);
  expect(s.shown, `${what}: counter ≤ horizon`).toBeLessThanOrEqual(m.horizon);
  expect(s.head, `${what}: head ≤ horizon`).toBeLessThanOrEqual(m.horizon);
  expect(s.runs, `${what}: runs`).toBe(m.runs);
  if (s.done && !s.playing) expect(s.head === m.horizon || s.allDiverged, `${what}: over before the horizon with a run still going (head ${s.head})`).toBe(true);
  if (!s.playing) {
    // What the page says agrees with the store: a race that is over says "final", never
    // "live", and offers no Step or Run to end.
    expect(s.moment, `${what}: the leaderboard's moment`).toBe(s.scrub !== null ? "scrub" : s.done ? "final" : "paused");
    expect([s.stepEnabled, s.endEnabled], `${what}: Step and Run to end enabled unless the race is over`).toEqual([!s.done, !s.done]);
  }
}

/** Takes in what the model could not predict: where a race stopped, whether it is over. */
function adopt(m: Model, s: Seen): void {
  m.playing = s.playing;
  m.head = s.playing ? null : s.head;
  m.done = s.done;
  m.scrub = s.scrub;
  if (s.playing) m.reachedKnown = false;
  else m.reached = Math.max(m.reached, s.head);
}

/**
 * After an edit the race re-runs up to the step it had reached (a playing race carries on):
 * a paused race shows min(reached, horizon), unless every run diverged sooner.
 */
function expectStepKept(m: Model, s: Seen, what: string): void {
  if (s.playing) return;
  const kept = Math.min(m.reached, m.horizon);
  if (s.allDiverged) expect(s.head, `${what}: head after the edit`).toBeLessThanOrEqual(m.reachedKnown ? kept : m.horizon);
  else if (m.reachedKnown) expect(s.head, `${what}: the edit keeps the step reached`).toBe(kept);
  else {
    // The race played past what we saw; it is at least where we saw it.
    expect(s.head, `${what}: the edit keeps the step reached`).toBeGreaterThanOrEqual(kept);
    if (s.head < m.horizon) [m.reached, m.reachedKnown] = [s.head, true];
  }
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** A transport command given with the mouse (its button) or with its keyboard shortcut. */
type How = "mouse" | "key";
/** Shortcuts act unless the focus is in a text box; → also not on a slider (it moves the slider). */
const keysWork = (m: Readonly<Model>, key: string) => m.focus === "page" || (m.focus === "slider" && key !== "ArrowRight");

async function press(m: Model, page: Page, how: How, buttonName: string, key: string): Promise<void> {
  if (how === "mouse") {
    await transportButton(page, buttonName).click();
    m.focus = "page";
  } else await page.keyboard.press(key);
}
const transportButton = (page: Page, name: string) => page.getByRole("group", { name: "Playback" }).getByRole("button", { name, exact: true });

class Play implements fc.AsyncCommand<Model, Real> {
  constructor(readonly how: How) {}
  check = (m: Readonly<Model>) => !m.playing && !m.done && (this.how === "mouse" || keysWork(m, " "));
  async run(m: Model, { page }: Real) {
    await press(m, page, this.how, "Play", "Space");
    const s = await settle(page);
    checkInvariants(m, s, "Play");
    // At 500 steps/s a race near its horizon may already be over again.
    if (!s.playing) expect(s.done, "Play: not playing, so the race is over").toBe(true);
    expect(s.scrub, "Play follows the head").toBeNull();
    adopt(m, s);
  }
  toString = () => (this.how === "mouse" ? "Play" : "Play(Space)");
}

class Pause implements fc.AsyncCommand<Model, Real> {
  constructor(readonly how: How) {}
  check = (m: Readonly<Model>) => m.playing && (this.how === "mouse" || keysWork(m, " "));
  async run(m: Model, { page }: Real) {
    // The race may have reached its end meanwhile; then there is no Pause to press (and
    // Space, on a race that is over, does nothing).
    if (this.how === "key") await page.keyboard.press("Space");
    else if (await transportButton(page, "Pause").count()) await press(m, page, "mouse", "Pause", "Space");
    const s = await settleStopped(page, "Pause stops the race");
    checkInvariants(m, s, "Pause");
    expect(s.playing, "Pause stops the race").toBe(false);
    await expect(transportButton(page, "Play")).toBeVisible();
    adopt(m, s);
  }
  toString = () => (this.how === "mouse" ? "Pause" : "Pause(Space)");
}

class Step implements fc.AsyncCommand<Model, Real> {
  constructor(readonly how: How) {}
  check = (m: Readonly<Model>) => !m.playing && !m.done && m.head !== null && (this.how === "mouse" || keysWork(m, "ArrowRight"));
  async run(m: Model, { page }: Real) {
    const before = m.head!;
    await press(m, page, this.how, "Step", "ArrowRight");
    const s = await settle(page);
    checkInvariants(m, s, "Step");
    expect(s.head, "Step adds exactly one").toBe(before + 1);
    expect(s.shown, "Step shows the head (leaves the timeline's look-back)").toBe(before + 1);
    expect(s.done, "Step: over exactly at the horizon or when every run diverged").toBe(s.head === m.horizon || s.allDiverged);
    adopt(m, s);
  }
  toString = () => (this.how === "mouse" ? "Step" : "Step(→)");
}

class Reset implements fc.AsyncCommand<Model, Real> {
  constructor(readonly how: How) {}
  check = (m: Readonly<Model>) => this.how === "mouse" || keysWork(m, "r");
  async run(m: Model, { page }: Real) {
    await press(m, page, this.how, "Reset", "r");
    [m.reached, m.reachedKnown] = [0, true];
    const s = await settle(page);
    checkInvariants(m, s, "Reset");
    expect([s.head, s.shown, s.playing, s.done], "Reset: step 0, paused, not over").toEqual([0, 0, false, false]);
    await expect(transportButton(page, "Play")).toBeEnabled();
    await expect(transportButton(page, "Step")).toBeEnabled();
    adopt(m, s);
  }
  toString = () => (this.how === "mouse" ? "Reset" : "Reset(R)");
}

class RunToEnd implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => !m.done;
  async run(m: Model, { page }: Real) {
    await transportButton(page, "Run to end").click();
    m.focus = "page";
    await expect.poll(async () => (await see(page)).done, { timeout: 30_000 }).toBe(true);
    const s = await settle(page);
    checkInvariants(m, s, "Run to end");
    expect(s.playing).toBe(false);
    if (!s.allDiverged) expect(s.head, "Run to end reaches the horizon").toBe(m.horizon);
    expect(s.shown).toBe(s.head);
    await expect(transportButton(page, "Step")).toBeDisabled();
    await expect(transportButton(page, "Run to end")).toBeDisabled();
    adopt(m, s);
  }
  toString = () => "RunToEnd";
}

class Scrub implements fc.AsyncCommand<Model, Real> {
  constructor(readonly fraction: number) {}
  check = (m: Readonly<Model>) => m.head === null || m.head > 0;
  async run(m: Model, { page }: Real) {
    const timeline = page.getByRole("slider", { name: "Timeline", exact: true });
    const max = Number(await timeline.getAttribute("max"));
    const v = Math.floor(this.fraction * max);
    const wasPlaying = m.playing;
    await timeline.fill(String(v));
    m.focus = "slider";
    // Behind the head as drawn: a look back, which pauses a playing race. At the drawn head
    // of a playing race it depends on whether the race moved since the slider was drawn.
    const back = v < max;
    const s = back ? await settleStopped(page, "Scrub back pauses the race") : await settle(page);
    checkInvariants(m, s, "Scrub");
    if (back) {
      expect(s.shown, "the counter shows the scrubbed step").toBe(v);
      expect(s.scrub).toBe(v);
    } else if (!wasPlaying) expect(s.scrub, "scrubbing to the head follows it").toBeNull();
    if (!wasPlaying) expect(s.head, "scrubbing computes nothing").toBe(m.head);
    adopt(m, s);
  }
  toString = () => `Scrub(${this.fraction.toFixed(3)})`;
}

class EditLr implements fc.AsyncCommand<Model, Real> {
  constructor(readonly lr: string) {}
  check = () => true;
  async run(m: Model, { page }: Real) {
    const box = page.getByRole("textbox", { name: "Learning rate value", exact: true });
    await box.fill(this.lr);
    await box.press("Enter");
    m.focus = "text";
    const s = await settle(page);
    checkInvariants(m, s, `lr ${this.lr}`);
    expectStepKept(m, s, `lr ${this.lr}`);
    adopt(m, s);
  }
  toString = () => `EditLr(${this.lr})`;
}

class EditSteps implements fc.AsyncCommand<Model, Real> {
  constructor(readonly steps: number) {}
  check = () => true;
  async run(m: Model, { page }: Real) {
    const box = page.getByRole("spinbutton", { name: "Steps", exact: true });
    await box.fill(String(this.steps));
    await box.press("Enter");
    m.focus = "text";
    m.horizon = this.steps;
    const s = await settle(page);
    checkInvariants(m, s, `Steps ${this.steps}`);
    expectStepKept(m, s, `Steps ${this.steps}`);
    adopt(m, s);
  }
  toString = () => `EditSteps(${this.steps})`;
}

/** The selected run's optimizer settings and the horizon, as the store holds them. */
const storedSettings = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { downhill: { store: { getState(): { selectedRunId: string | null; experiment: { steps: number; runs: { id: string; optimizer: unknown }[] } } } } }).downhill.store.getState();
    return JSON.stringify({ steps: s.experiment.steps, optimizer: s.experiment.runs.find((r) => r.id === s.selectedRunId)?.optimizer });
  });

/**
 * Text that is not a number in range, typed key by key into the lr or the Steps box, then
 * Enter. On the way some prefixes parse ("1e30" of "1e309", "5" of "5abc") and may apply
 * live; once the text ends invalid the value from before the edit is in force again, the
 * box says what is wrong, and the race is back where it was.
 */
class TypeInvalid implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly box: "Learning rate value" | "Steps",
    readonly text: string,
  ) {}
  check = () => true;
  async run(m: Model, { page }: Real) {
    const before = await storedSettings(page);
    const box = this.box === "Steps" ? page.getByRole("spinbutton", { name: "Steps", exact: true }) : page.getByRole("textbox", { name: this.box, exact: true });
    await box.focus();
    await box.press("ControlOrMeta+a");
    await box.pressSequentially(this.text);
    await box.press("Enter");
    m.focus = "text";
    await expect(box, `${this}: the box says the text is wrong`).toHaveAttribute("aria-invalid", "true");
    const s = await settle(page);
    expect(await storedSettings(page), `${this}: the value from before the edit is in force`).toBe(before);
    checkInvariants(m, s, String(this));
    expectStepKept(m, s, String(this));
    adopt(m, s);
  }
  toString = () => `TypeInvalid(${this.box === "Steps" ? "steps" : "lr"}, ${JSON.stringify(this.text)})`;
}

class EditSurface implements fc.AsyncCommand<Model, Real> {
  constructor(readonly surface: string) {}
  check = () => true;
  async run(m: Model, { page }: Real) {
    await page.getByRole("combobox", { name: "Surface", exact: true }).selectOption(this.surface);
    m.focus = "text";
    const s = await settle(page);
    checkInvariants(m, s, `surface ${this.surface}`);
    expectStepKept(m, s, `surface ${this.surface}`);
    adopt(m, s);
  }
  toString = () => `EditSurface(${this.surface})`;
}

class AddRun implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>) => m.runs < MAX_RUNS;
  async run(m: Model, { page }: Real) {
    await button(page, "Add run").click();
    m.focus = "page";
    m.runs++;
    const s = await settle(page);
    checkInvariants(m, s, "Add run");
    expectStepKept(m, s, "Add run");
    adopt(m, s);
  }
  toString = () => "AddRun";
}

class RemoveRun implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.runs > 1;
  async run(m: Model, { page }: Real) {
    const card = page.getByRole("complementary", { name: "Runs" }).locator("li.run-card").nth(this.pick % m.runs);
    await card.getByRole("button", { name: /^Remove / }).click();
    m.focus = "page";
    m.runs--;
    const s = await settle(page);
    checkInvariants(m, s, "Remove run");
    expectStepKept(m, s, "Remove run");
    adopt(m, s);
  }
  toString = () => `RemoveRun(${this.pick})`;
}

// Transport commands are drawn more often: Pause only runs while playing and Step only
// while paused short of the end, so many drawn ones are skipped.
const how = fc.constantFrom<How>("mouse", "key");
const commands = [
  how.map((h) => new Play(h)),
  how.map((h) => new Play(h)),
  how.map((h) => new Pause(h)),
  how.map((h) => new Pause(h)),
  how.map((h) => new Pause(h)),
  how.map((h) => new Step(h)),
  how.map((h) => new Step(h)),
  how.map((h) => new Step(h)),
  how.map((h) => new Reset(h)),
  fc.constant(new RunToEnd()),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => new Scrub(f)),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => new Scrub(f)),
  fc.constantFrom("0.001", "0.003", "0.01", "0.05", "0.3", "1e-4").map((lr) => new EditLr(lr)),
  fc.constantFrom(40, 300, 2000, 5000, 6000, 8000).map((n) => new EditSteps(n)),
  fc.constantFrom("1e309", "5abc", "0x10", "-0.5", "1e-400x").map((t) => new TypeInvalid("Learning rate value", t)),
  fc.constantFrom("6e3x", "0", "12.5", "300000", "abc").map((t) => new TypeInvalid("Steps", t)),
  fc.constantFrom("rosenbrock", "bowl", "himmelblau", "beale", "rastrigin").map((name) => new EditSurface(name)),
  fc.constant(new AddRun()),
  fc.nat(11).map((i) => new RemoveRun(i)),
];

async function freshPage(page: Page): Promise<Model> {
  await page.goto("/");
  await expect(page.getByRole("status", { name: "Step", exact: true })).toHaveText(/^0\s*\/\s*5000$/);
  await page.getByRole("combobox", { name: "Speed", exact: true }).selectOption({ label: SPEED });
  const s = await settle(page);
  return { horizon: s.horizon, head: 0, playing: false, done: false, scrub: null, runs: s.runs, reached: 0, reachedKnown: true, focus: "text" };
}

/** How often each kind of command ran (its check passed), so a run that tested nothing shows. */
type Tally = Map<string, number>;

function counted(cmd: fc.AsyncCommand<Model, Real>, tally: Tally): fc.AsyncCommand<Model, Real> {
  return {
    check: (m) => cmd.check(m),
    run: (m, r) => {
      // Commands with drawn values (Scrub(0.25), EditLr(0.01), …) count under their name.
      const kind = cmd.toString().replace(/\((?!Space|→|R\)).*$/, "");
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      return cmd.run(m, r);
    },
    toString: () => cmd.toString(),
  };
}

async function runModel(page: Page, seed: number, numRuns: number): Promise<Tally> {
  const tally: Tally = new Map();
  const tallied = commands.map((arb) => arb.map((c) => counted(c, tally)));
  await fc.assert(
    fc.asyncProperty(fc.commands(tallied, { maxCommands: 12, size: "max" }), async (cmds) => {
      const model = await freshPage(page);
      await fc.asyncModelRun(() => ({ model, real: { page } }), cmds);
    }),
    // Shrinking reloads the page for every candidate: report the first failure as drawn.
    { seed, numRuns, endOnFailure: true, verbose: 1 },
  );
  return tally;
}

test.describe("transport and store against a model", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a fixed seed: 20 sequences of up to 12 commands", async ({ page }) => {
    const tally = await runModel(page, Number(process.env.DOWNHILL_MODEL_SEED ?? 20261130), 20);
    test.info().annotations.push({ type: "commands run", description: JSON.stringify([...tally]) });
    // Not vacuous: every kind of command ran at least once.
    const kinds = ["Play", "Pause", "Step", "Reset", "RunToEnd", "Scrub", "EditLr", "EditSteps", "TypeInvalid", "EditSurface", "AddRun", "RemoveRun"];
    const ran = (prefix: string) => [...tally].some(([k, n]) => k.startsWith(prefix) && n > 0);
    expect(kinds.filter((k) => !ran(k)), `commands that never ran; ran: ${JSON.stringify([...tally])}`).toEqual([]);
    const shortcuts = ["Play(Space)", "Pause(Space)", "Step(→)", "Reset(R)"].filter((k) => tally.get(k));
    expect(shortcuts.length, `shortcuts that ran: ${shortcuts.join(", ")}`).toBeGreaterThanOrEqual(3);
  });

  test("a fresh seed each run: 5 sequences (the seed is printed on failure)", async ({ page }) => {
    const seed = Date.now() % 2 ** 31;
    test.info().annotations.push({ type: "seed", description: String(seed) });
    await runModel(page, seed, 5);
  });
});
