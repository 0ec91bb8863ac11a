import { readdirSync, readFileSync } from "node:fs";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { defaultValues, inRange, type ParamSpec } from "../params";
import { createSchedule, getSchedule, scheduleLatex, scheduleNames, schedules, warmupLatex, warmupParam, type ScheduleDef } from "./index";

const defs = Object.values(schedules);

const renders = (body: string) =>
  katex.renderToString(String.raw`\begin{aligned}` + body + String.raw`\end{aligned}`, { throwOnError: true, displayMode: true });

/** Every object a module in this folder exports that is a schedule definition. */
async function scheduleModulesInFolder(): Promise<ScheduleDef[]> {
  const here = new URL("./", import.meta.url);
  const files = readdirSync(here).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts");
  const modules = await Promise.all(files.map((f) => import(/* @vite-ignore */ new URL(f, here).href) as Promise<Record<string, unknown>>));
  return modules.flatMap((m) =>
    Object.values(m).filter((v): v is ScheduleDef => typeof v === "object" && v !== null && "create" in v && "latex" in v && "params" in v),
  );
}

/** Schedule names the real-PyTorch fixtures (tools/reference/fixtures) run; a case with no schedule runs `constant`. */
function scheduleNamesInFixtures(): Set<string> {
  const dir = new URL("../../../tools/reference/fixtures/", import.meta.url);
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "index.json")) {
    const cases = (JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { cases?: { schedule?: { name: string } }[] }).cases ?? [];
    for (const c of cases) names.add(c.schedule?.name ?? "constant");
  }
  return names;
}

describe("registry", () => {
  it("registers every schedule defined in this folder, each once", async () => {
    const defined = await scheduleModulesInFolder();
    expect(defined.length).toBeGreaterThan(0);
    for (const def of defined) expect(getSchedule(def.name), `${def.name} is defined but not registered`).toBe(def);
    expect(new Set(defined.map((d) => d.name)).size, "two schedules share a name").toBe(defined.length);
    expect(new Set(scheduleNames)).toEqual(new Set(defined.map((d) => d.name)));
  });

  it("has a real-PyTorch fixture case for every registered schedule", () => {
    const covered = scheduleNamesInFixtures();
    expect(scheduleNames.filter((name) => !covered.has(name)), "schedules with no PyTorch fixture").toEqual([]);
  });

  it("looks names up without inherited keys", () => {
    expect(getSchedule("cosine")?.name).toBe("cosine");
    expect(getSchedule("toString")).toBeUndefined();
    expect(getSchedule("nope")).toBeUndefined();
  });
});

describe.each(defs)("$name", (def) => {
  it("cites what it reproduces and renders its formula with KaTeX, with and without warmup", () => {
    expect(def.displayName).not.toBe("");
    expect(def.cite).not.toBe("");
    expect(() => renders(def.latex)).not.toThrow();
    expect(() => renders(warmupLatex(def.latex))).not.toThrow();
  });

  it("has specs whose defaults pass their own validation and symbols that render", () => {
    const labels = new Set<string>();
    for (const [key, spec] of Object.entries(def.params) as [string, ParamSpec][]) {
      expect(labels.has(spec.label), `${key}: duplicate label`).toBe(false);
      labels.add(spec.label);
      if (spec.symbol) expect(() => katex.renderToString(spec.symbol!, { throwOnError: true })).not.toThrow();
      if (spec.kind === "number" || spec.kind === "integer") {
        expect(inRange(spec, spec.default), `${key}: default out of range`).toBe(true);
        if (spec.kind === "integer") expect(Number.isInteger(spec.default)).toBe(true);
        const [lo, hi] = spec.slider;
        expect(lo, `${key}: slider`).toBeLessThan(hi);
        if (spec.scale === "log") expect(lo, `${key}: log slider`).toBeGreaterThan(0);
      } else if (spec.kind === "enum") {
        expect(spec.options).toContain(spec.default);
      } else if (spec.kind === "numberList") {
        for (const v of spec.default) expect(inRange(spec, v), `${key}: default element`).toBe(true);
      }
    }
  });

  it("runs at its defaults: check passes, lr finite and ≥ 0 over 3000 steps", () => {
    expect(def.check?.(defaultValues(def.params)) ?? null).toBeNull();
    const s = createSchedule({ name: def.name }, 0.1);
    for (let t = 0; t < 3000; t++) {
      const lr = s.lr(t);
      expect(Number.isFinite(lr) && lr >= 0, `t=${t}: ${lr}`).toBe(true);
      s.observe?.(1);
    }
  });
});

describe("createSchedule", () => {
  it("fills left-out parameters with their defaults", () => {
    const s = createSchedule({ name: "step" }, 1);
    expect(s.lr(99)).toBe(1);
    expect(s.lr(100)).toBe(0.1);
  });

  it.each([
    [{ name: "cosinus" }, /^schedule: unknown name "cosinus"; expected one of constant, step, /],
    [{ name: "step", stepsize: 10 }, 'step: unknown parameter "stepsize"; expected stepSize, gamma or warmup'],
    [{ name: "constant", gamma: 0.5 }, 'constant: unknown parameter "gamma"; it takes only warmup'],
    [{ name: "cosine", warmup: -1 }, "cosine: warmup must be an integer ≥ 0, got -1"],
    [{ name: "cosine", warmup: 2.5 }, "cosine: warmup must be an integer ≥ 0, got 2.5"],
    [{ name: "piecewise", boundaries: [10], values: [0.1] }, "piecewise: values: needs 2 learning rates (one more than the 1 boundaries), got 1"],
    [{ name: "warmupCosine", warmupSteps: 100, totalSteps: 100 }, "warmupCosine: totalSteps: must be greater than warmupSteps (100), got 100"],
    [{ name: "cyclic", mode: "triangle" }, 'cyclic: parameter "mode" must be one of triangular, triangular2, expRange, got "triangle"'],
    [{ name: "cosine", tMax: "100" }, 'cosine: parameter "tMax" must be a number, got "100"'],
  ])("refuses %j", (spec, message) => {
    expect(() => createSchedule(spec, 0.1)).toThrow(message);
  });
});

describe("linear warmup before any schedule", () => {
  it("ramps baseLr·t/w, then runs the inner schedule from its own step 0", () => {
    const s = createSchedule({ name: "step", stepSize: 10, gamma: 0.5, warmup: 4 }, 2);
    expect([0, 1, 2, 3].map((t) => s.lr(t))).toEqual([0, 0.5, 1, 1.5]);
    expect(s.lr(4)).toBe(2);
    expect(s.lr(13)).toBe(2);
    expect(s.lr(14)).toBe(1);
    expect(s.adaptive).toBe(false);
  });

  it("warmup 0 or absent leaves the schedule as it is", () => {
    const a = createSchedule({ name: "exponential", gamma: 0.9, warmup: 0 }, 1);
    const b = createSchedule({ name: "exponential", gamma: 0.9 }, 1);
    for (const t of [0, 1, 10, 77]) expect(a.lr(t)).toBe(b.lr(t));
  });

  it("in front of cosine(T − w) reproduces the seeds' warmup_cosine up to T", () => {
    const lr0 = 0.5;
    const w = 50;
    const T = 500;
    const s = createSchedule({ name: "cosine", tMax: T - w, warmup: w }, lr0);
    const seeds = createSchedule({ name: "warmupCosine", warmupSteps: w, totalSteps: T }, lr0);
    for (let t = 0; t <= T; t++) {
      const want = seeds.lr(t);
      expect(Math.abs(s.lr(t) - want), `t=${t}`).toBeLessThanOrEqual(1e-12 * Math.max(want, 1e-300) + 1e-300);
    }
  });

  it("an adaptive schedule observes only the losses of its own steps", () => {
    const s = createSchedule({ name: "reduceOnPlateau", patience: 0, factor: 0.5, warmup: 3 }, 1);
    expect(s.adaptive).toBe(true);
    const lrs: number[] = [];
    // Rising losses during warmup would cut the lr at once were they observed.
    for (const [t, loss] of [9, 10, 11, 5, 5, 4].entries()) {
      lrs.push(s.lr(t));
      s.observe?.(loss);
    }
    // Step 3 sets best = 5; step 4 does not improve, so with patience 0 the lr halves for step 5.
    expect(lrs).toEqual([0, 1 / 3, 2 / 3, 1, 1, 0.5]);
  });

  it("has a spec of its own", () => {
    expect(inRange(warmupParam, warmupParam.default)).toBe(true);
    expect(warmupParam.kind).toBe("integer");
  });
});

describe("scheduleLatex", () => {
  it("is the schedule's formula, with the warmup piece first when there is warmup", () => {
    expect(scheduleLatex({ name: "cosine" })).toBe(schedules.cosine.latex);
    expect(scheduleLatex({ name: "cosine", warmup: 0 })).toBe(schedules.cosine.latex);
    const withWarmup = scheduleLatex({ name: "cosine", warmup: 10 });
    expect(withWarmup.startsWith(String.raw`\eta_t &= \eta_0\,\frac{t}{w}`)).toBe(true);
    expect(withWarmup.endsWith(schedules.cosine.latex)).toBe(true);
  });
});
