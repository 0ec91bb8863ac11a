import { describe, expect, it } from "vitest";
import { decodeText } from "./jsonText";
import { formatError, parseExperiment, validateExperiment, type Validation } from "./validate";

const good = {
  surface: "rosenbrock",
  start: [-2, 2],
  steps: 5000,
  runs: [
    {
      id: "adam",
      start: [0, 1],
      optimizer: { name: "adam", lr: 0.01 },
      schedule: { name: "cosine", tMax: 5000 },
      clip: { mode: "norm", maxNorm: 1 },
      noise: { std: 0.1, seed: 7 },
    },
  ],
};

/** Replaces one field of the good experiment (path as keys), or deletes it with `undefined`. */
function withField(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(good) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Every message line of a refused validation (fails the test when it was accepted). */
function lines(v: Validation): string[] {
  if (v.ok) throw new Error("expected the experiment to be refused");
  return v.errors.map(formatError);
}
const first = (v: Validation) => lines(v)[0];
const ok = (v: Validation) => {
  if (!v.ok) throw new Error(`expected valid, got: ${lines(v).join(" | ")}`);
  return v.experiment;
};

describe("validateExperiment", () => {
  it("accepts the issue's example experiment", () => {
    expect(validateExperiment(good)).toMatchObject({ ok: true });
  });

  it.each([
    ["unknown optimizer", ["runs", 0, "optimizer", "name"], "adamm", 'runs[0].optimizer.name: "adamm" unknown optimizer; allowed: sgd, '],
    ["unknown surface", ["surface"], "banana", 'surface: "banana" unknown surface; allowed: rosenbrock, '],
    ["lr ≤ 0", ["runs", 0, "optimizer", "lr"], 0, "runs[0].optimizer.lr: 0 must be a number > 0"],
    ["lr not a number", ["runs", 0, "optimizer", "lr"], "fast", 'runs[0].optimizer.lr: "fast" must be a number > 0'],
    ["beta1 ≥ 1", ["runs", 0, "optimizer", "beta1"], 1, "runs[0].optimizer.beta1: 1 must be a number ≥ 0 and < 1"],
    ["start not two numbers", ["start"], [1], "start: [1] must be two numbers [x, y]"],
    ["start with a string", ["runs", 0, "start"], [0, "1"], 'runs[0].start[1]: "1" must be a finite number'],
    ["steps not an integer", ["steps"], 2.5, "steps: 2.5 must be a positive integer ≤ 100000000"],
    ["steps zero", ["steps"], 0, "steps: 0 must be a positive integer"],
    ["steps missing", ["steps"], undefined, "steps: is required; must be a positive integer ≤ 100000000"],
    ["schedule parameter out of range", ["runs", 0, "schedule", "tMax"], 0, "runs[0].schedule.tMax: 0 must be an integer ≥ 1"],
    ["unknown schedule", ["runs", 0, "schedule", "name"], "cosin", 'runs[0].schedule.name: "cosin" unknown schedule; allowed: constant, '],
    ["clip maxNorm", ["runs", 0, "clip", "maxNorm"], -1, "runs[0].clip.maxNorm: -1 must be a number > 0"],
    ["clip normType", ["runs", 0, "clip", "normType"], 3, 'runs[0].clip.normType: 3 must be 2 or "inf"'],
    ["noise seed", ["runs", 0, "noise", "seed"], -2, "runs[0].noise.seed: -2 must be an integer from 0 to 4294967295"],
    ["no runs", ["runs"], [], "runs: [] must hold at least one run"],
    ["wrong type is not 'required'", ["runs", 0, "id"], 7, "runs[0].id: 7 must be a non-empty string"],
    ["a run that is not an object", ["runs", 0], "x", 'runs[0]: "x" must be a run: an object with an "optimizer"'],
    ["an optimizer that is a string", ["runs", 0, "optimizer"], "adam", 'runs[0].optimizer: "adam" must be an object with a "name" (an optimizer)'],
    ["a schedule without a name", ["runs", 0, "schedule"], {}, 'runs[0].schedule.name: is required; must be a schedule name; allowed: constant, '],
    ["noise missing its seed", ["runs", 0, "noise"], { std: 1 }, "runs[0].noise.seed: is required; must be an integer from 0 to 4294967295"],
    ["a clip mode that does not exist", ["runs", 0, "clip"], { mode: "nrm" }, 'runs[0].clip.mode: "nrm" must be {"mode": "norm", "maxNorm", "normType"?: 2 | "inf"} or {"mode": "value", "clipValue"}'],
    ["a view that is not two ranges", ["view"], { x: [1, 0], y: [0, 1] }, "view.x: [1, 0] must be [min, max] with min < max"],
  ])("%s: one line naming the field, the value and what is allowed", (_what, path, value, expected) => {
    const line = first(validateExperiment(withField(path as (string | number)[], value)));
    expect(line.startsWith(expected), line).toBe(true);
    expect(line).not.toContain("\n");
  });

  it("answers an unknown key with the keys the object takes, derived from its schema", () => {
    expect(first(validateExperiment(withField(["runs", 0, "noize"], 1)))).toBe(
      "runs[0].noize: unknown field; a run takes id, label, color, hidden, start, optimizer, schedule, clip, noise, batchSize, batchSeed",
    );
    expect(first(validateExperiment(withField(["runs", 0, "optimizer", "momentum"], 0.9)))).toBe(
      "runs[0].optimizer.momentum: unknown field; the adam optimizer takes name, lr, beta1, beta2, eps, weightDecay, amsgrad",
    );
    expect(first(validateExperiment(withField(["runs", 0, "schedule", "gamma"], 0.9)))).toBe(
      "runs[0].schedule.gamma: unknown field; the cosine schedule takes name, tMax, etaMin, warmup",
    );
    expect(first(validateExperiment(withField(["colour"], "red")))).toBe(
      "colour: unknown field; an experiment takes version, title, caption, surface, start, steps, tolerance, runs, view, selected, step, stopWhenSettled",
    );
    expect(first(validateExperiment(withField(["runs", 0, "clip", "x"], 2)))).toBe("runs[0].clip.x: unknown field; norm clipping takes mode, maxNorm, normType");
  });

  it("quotes keys that are not identifiers", () => {
    expect(first(validateExperiment(withField(["runs", 0, "my key"], 1)))).toMatch(/^runs\[0\]\["my key"\]: unknown field; /);
  });

  it("shows numbers as the file wrote them, never null", () => {
    const text = (lr: string) => JSON.stringify(good).replace('"lr":0.01', `"lr":${lr}`);
    expect(first(parseExperiment(text("1e400")))).toBe("runs[0].optimizer.lr: 1e400 is not a finite number; must be a number > 0");
    expect(first(parseExperiment(text("-1e400")))).toBe("runs[0].optimizer.lr: -1e400 is not a finite number; must be a number > 0");
    expect(first(parseExperiment(text("1e-400")))).toBe("runs[0].optimizer.lr: 1e-400 must be a number > 0");
    expect(first(parseExperiment(JSON.stringify(good).replace('"start":[0,1]', '"start":[1e999, 0]')))).toBe(
      "runs[0].start[0]: 1e999 is not a finite number; must be a finite number",
    );
    // An object built in code has no text: the value still reads as a number.
    expect(first(validateExperiment(withField(["runs", 0, "optimizer", "lr"], Infinity)))).toBe(
      "runs[0].optimizer.lr: Infinity is not a finite number; must be a number > 0",
    );
    expect(first(validateExperiment(withField(["runs", 0, "start"], [NaN, 0])))).toBe("runs[0].start[0]: NaN is not a finite number; must be a finite number");
  });

  it("summarises a long value instead of printing it", () => {
    const line = first(validateExperiment(withField(["runs", 0, "start"], new Array(5000).fill(0))));
    expect(line).toBe("runs[0].start: an array of 5,000 numbers must be two numbers [x, y]");
    const label = first(validateExperiment(withField(["runs", 0, "label"], "x".repeat(100))));
    expect(label).toBe(`runs[0].label: "${"x".repeat(40)}…" (a string of 100 characters) must be at most 64 characters`);
  });

  it("names the first problem in the file's order, and lists every one", () => {
    const runsFirst = '{"surface":"bowl","runs":[{"optimizer":{"name":"sgd","lr":-1}}],"steps":0}';
    const stepsFirst = '{"surface":"bowl","steps":0,"runs":[{"optimizer":{"name":"sgd","lr":-1}}]}';
    expect(lines(parseExperiment(runsFirst))).toEqual(["runs[0].optimizer.lr: -1 must be a number > 0", "steps: 0 must be a positive integer ≤ 100000000"]);
    expect(lines(parseExperiment(stepsFirst))).toEqual(["steps: 0 must be a positive integer ≤ 100000000", "runs[0].optimizer.lr: -1 must be a number > 0"]);
    // A missing field is noticed where its object closes: after the fields that are there.
    const missing = '{"runs":[{"optimizer":{"name":"sgd"},"noize":1}],"surface":"bowl","zz":true}';
    expect(lines(parseExperiment(missing))).toEqual([
      "runs[0].noize: unknown field; a run takes id, label, color, hidden, start, optimizer, schedule, clip, noise, batchSize, batchSeed",
      "zz: unknown field; an experiment takes version, title, caption, surface, start, steps, tolerance, runs, view, selected, step, stopWhenSettled",
      "steps: is required; must be a positive integer ≤ 100000000",
    ]);
  });

  it("rejects duplicate run ids, naming the run that has it first", () => {
    const exp = structuredClone(good);
    exp.runs.push(structuredClone(exp.runs[0]));
    expect(first(validateExperiment(exp))).toBe('runs[1].id: "adam" must be unique; runs[0] already has this id');
  });

  it("reports text that is not JSON with its line and column", () => {
    expect(first(parseExperiment("{\n  surface: rosenbrock"))).toMatch(/^\(file\): is not valid JSON: .*line 2, column 3/);
    expect(first(parseExperiment(""))).toMatch(/^\(file\): is not valid JSON/);
  });

  it("checks cross-field schedule rules (piecewise needs one more value than boundaries)", () => {
    const v = validateExperiment(withField(["runs", 0, "schedule"], { name: "piecewise", boundaries: [10, 20], values: [0.1, 0.01] }));
    expect(first(v)).toBe("runs[0].schedule.values: [0.1, 0.01] needs 3 learning rates (one more than the 2 boundaries), got 2");
  });

  it("refuses a start whose loss is not finite, naming start", () => {
    expect(first(validateExperiment(withField(["runs", 0, "start"], [1e300, 0])))).toBe("runs[0].start: [1e+300, 0] gives a loss that is not finite on rosenbrock");
    expect(first(parseExperiment(JSON.stringify({ ...good, runs: [{ optimizer: { name: "sgd" } }], start: "S" }).replace('"S"', "[1e300, 0]")))).toBe(
      "start: [1e300, 0] gives a loss that is not finite on rosenbrock",
    );
    // The experiment's start is not checked when every run has its own.
    expect(validateExperiment(withField(["start"], [1e300, 0])).ok).toBe(true);
  });
});

describe("run ids", () => {
  const runs = (...specs: object[]) => ({ surface: "bowl", steps: 3, runs: specs });
  const ids = (v: Validation) => ok(v).runs.map((r) => r.id);
  const adam = { optimizer: { name: "adam" } };

  it("default to the optimizer's name, made unique", () => {
    expect(ids(validateExperiment(runs(adam, adam, { optimizer: { name: "sgd" } }, adam)))).toEqual(["adam", "adam-2", "sgd", "adam-3"]);
  });

  it("given in the file win; generated ones avoid them", () => {
    expect(ids(validateExperiment(runs(adam, { ...adam, id: "adam" })))).toEqual(["adam-2", "adam"]);
    expect(ids(validateExperiment(runs({ ...adam, id: "adam-2" }, adam, adam)))).toEqual(["adam-2", "adam", "adam-3"]);
  });

  it("come first in the normalized run, also when built in code with id: undefined", () => {
    const run = ok(validateExperiment(runs({ optimizer: { name: "sgd" }, id: undefined }))).runs[0];
    expect(Object.keys(run)[0]).toBe("id");
    expect(run.id).toBe("sgd");
  });

  it("leave the input untouched", () => {
    const input = runs(adam);
    validateExperiment(input);
    expect(input.runs[0]).toEqual(adam);
  });
});

describe("files from any editor", () => {
  const text = JSON.stringify({ surface: "bowl", steps: 3, runs: [{ optimizer: { name: "sgd" } }] }, null, 2);

  it("load with a byte-order mark and CRLF line ends", () => {
    expect(ok(parseExperiment(`\uFEFF${text.replace(/\n/g, "\r\n")}\r\n`)).runs[0].id).toBe("sgd");
  });

  it("decode from UTF-8 (with or without BOM) and UTF-16 with a BOM; other bytes are not text", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const le = new Uint8Array(2 + 2 * text.length);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + 2 * text.length);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le.set([c & 0xff, c >> 8], 2 + 2 * i);
      be.set([c >> 8, c & 0xff], 2 + 2 * i);
    }
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
    expect(decodeText(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
  });
});

describe("depth, size and prototype keys", () => {
  it.each([6000, 20000])("text nested %i deep is refused before parsing, with where", (depth) => {
    expect(first(parseExperiment("[".repeat(depth) + "]".repeat(depth)))).toBe(
      "[0][0][0][0][0][0]…: is nested deeper than 64 levels; an experiment nests 5 at most (line 1, column 65)",
    );
    expect(first(parseExperiment('{"a":'.repeat(depth) + "1" + "}".repeat(depth)))).toMatch(/^a\.a\.a\.a\.a\.a…: is nested deeper than 64 levels/);
  });

  it("brackets inside strings do not count as nesting", () => {
    expect(ok(parseExperiment(JSON.stringify({ surface: "bowl", steps: 3, runs: [{ label: "[[[[{{{{".repeat(8), optimizer: { name: "sgd" } }] }))).runs).toHaveLength(1);
  });

  it("an object nested deeply or cyclic in code is refused without recursion", () => {
    let deep: Record<string, unknown> = {};
    const root = { surface: "bowl", steps: 3, runs: [{ optimizer: deep }] };
    for (let i = 0; i < 100_000; i++) deep = (deep.x = {}) as Record<string, unknown>;
    expect(first(validateExperiment(root))).toMatch(/^runs\[0\]\.optimizer\.x\.x\.x…: is nested deeper than 64 levels/);
    const cyclic: Record<string, unknown> = { surface: "bowl", steps: 3 };
    cyclic.runs = [cyclic];
    expect(first(validateExperiment(cyclic))).toMatch(/is nested deeper than 64 levels/);
  });

  it("a 24 MB start array is refused fast, by its length, without parsing it", () => {
    const n = 12_000_000;
    const text = `{"surface":"bowl","steps":3,"runs":[{"optimizer":{"name":"sgd"},"start":[${"0,".repeat(n - 1)}0]}]}`;
    const t0 = performance.now();
    const line = first(parseExperiment(text));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(line).toBe("runs[0].start: an array of 12,000,000 items is longer than any list in an experiment (at most 10,000 items); it opens at line 1, column 73");
  });

  it("an object of too many fields is refused too", () => {
    const fields = Array.from({ length: 10_001 }, (_, i) => `"k${i}":0`).join(",");
    expect(first(parseExperiment(`{${fields}}`))).toMatch(/^\(experiment\): an object with 10,001 fields has more fields than any object/);
  });

  it.each(["__proto__", "constructor", "prototype"])("a %s key anywhere is refused and never becomes live", (key) => {
    const text = `{"surface":"bowl","steps":3,"runs":[{"id":"a","optimizer":{"name":"sgd","${key}":{"lr":-1,"polluted":1}}}]}`;
    expect(first(parseExperiment(text))).toBe(`runs[0].optimizer.${key}: is not an allowed field name`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("optimizer parameters bounded by another", () => {
  const rprop = (optimizer: object) => ({ surface: "bowl", steps: 3, runs: [{ optimizer: { name: "rprop", ...optimizer } }] });
  it("refuses stepSizeMin above stepSizeMax, at the field the run wrote", () => {
    expect(first(validateExperiment(rprop({ stepSizeMin: 2, stepSizeMax: 1 })))).toBe("runs[0].optimizer.stepSizeMin: 2 must be ≤ stepSizeMax (1)");
    expect(first(validateExperiment(rprop({ stepSizeMin: 100 })))).toBe("runs[0].optimizer.stepSizeMin: 100 must be ≤ stepSizeMax (50)");
    expect(first(validateExperiment(rprop({ stepSizeMax: 1e-7 })))).toBe("runs[0].optimizer.stepSizeMax: 1e-7 must be ≥ stepSizeMin (0.000001)");
    expect(validateExperiment(rprop({ stepSizeMin: 1, stepSizeMax: 1 })).ok).toBe(true);
  });
});

describe("schedules against the run's lr and the horizon", () => {
  const withSchedule = (schedule: object, optimizer: object = { name: "sgd", lr: 0.1 }, steps = 2000) => ({
    surface: "bowl",
    steps,
    runs: [{ optimizer, schedule }],
  });

  it.each([
    [{ name: "cosine", etaMin: 0.5 }, "runs[0].schedule.etaMin: 0.5 must be ≤ the run's lr (0.1)"],
    [{ name: "cosineRestarts", etaMin: 0.2 }, "runs[0].schedule.etaMin: 0.2 must be ≤ the run's lr (0.1)"],
    [{ name: "warmupCosine", minLr: 1 }, "runs[0].schedule.minLr: 1 must be ≤ the run's lr (0.1)"],
    [{ name: "reduceOnPlateau", minLr: 1 }, "runs[0].schedule.minLr: 1 must be ≤ the run's lr (0.1)"],
    [{ name: "warmupCosine", warmupSteps: 100, totalSteps: 100 }, "runs[0].schedule.totalSteps: 100 must be greater than warmupSteps (100), got 100"],
    [{ name: "exponential", gamma: 2 }, "runs[0].schedule.gamma: 2 makes the lr overflow by step 1999 (lr·gamma^t is beyond 1.8e308); with lr 0.1 and 2000 steps it must be at most 1.4"],
    [{ name: "exponential", decayRate: 2 }, "runs[0].schedule.decayRate: 2 makes the lr overflow by step 1999 (lr·decayRate^(t/decaySteps) is beyond 1.8e308); with lr 0.1 and 2000 steps it must be at most 1.4"],
    [{ name: "cyclic", baseLr: 0.01, maxLr: 0.001 }, "runs[0].schedule.maxLr: 0.001 must be ≥ the lower learning rate (0.01)"],
    [{ name: "cyclic", maxLr: 0.01 }, "runs[0].schedule.maxLr: 0.01 must be ≥ the lower learning rate (0.1)"],
    [{ name: "cyclic", baseLr: 1e308 }, "runs[0].schedule.baseLr: 1e+308 must be ≤ 1.7976931348623158e+307 when maxLr is left out (it defaults to 10 × this)"],
    [{ name: "oneCycle", maxLr: 1.5e-323 }, "runs[0].schedule.maxLr: 1.5e-323 must be ≥ 1e-300 (below, the rising cosine rounds under 0)"],
    [{ name: "oneCycle", divFactor: 1e-310 }, "runs[0].schedule.divFactor: 1e-310 makes the initial lr (peak / divFactor) overflow; must be ≥ 5.56e-310"],
    [{ name: "oneCycle", finalDivFactor: 1e-320 }, "runs[0].schedule.finalDivFactor: 1e-320 makes the final lr (peak / (divFactor · finalDivFactor)) overflow; must be ≥ 2.23e-311"],
  ])("%j is refused with the rule named", (schedule, expected) => {
    const line = first(validateExperiment(withSchedule(schedule)));
    expect(line.startsWith(expected), line).toBe(true);
  });

  it("an lr a schedule's formula could overflow is refused at the lr", () => {
    const huge = "runs[0].optimizer.lr: 1e+308 must be ≥ 1e-300 and ≤ 1e+300 with a schedule (its formula multiplies the lr by up to the step count)";
    expect(first(validateExperiment(withSchedule({ name: "oneCycle" }, { name: "sgd", lr: 1e-310 })))).toBe(
      "runs[0].optimizer.lr: 1e-310 must be ≥ 1e-300 and ≤ 1e+300 with a schedule (below, its formula rounds in the subnormal range)",
    );
    expect(first(validateExperiment(withSchedule({ name: "cosine" }, { name: "sgd", lr: 1e308 })))).toBe(huge);
    expect(first(validateExperiment(withSchedule({ name: "warmupCosine", warmupSteps: 3 }, { name: "sgd", lr: 1e308 })))).toBe(huge);
    expect(validateExperiment(withSchedule({ name: "cosine" }, { name: "sgd", lr: 1e300 })).ok).toBe(true);
    // Without a schedule the lr is used as it is: the engine reports the divergence.
    expect(validateExperiment({ surface: "bowl", steps: 3, runs: [{ optimizer: { name: "sgd", lr: 1e308 } }] }).ok).toBe(true);
  });

  it("the etaMin rule reads the optimizer's default lr when the run leaves it out", () => {
    // adadelta's lr defaults to 1: etaMin 0.5 is below it.
    expect(validateExperiment(withSchedule({ name: "cosine", etaMin: 0.5 }, { name: "adadelta" })).ok).toBe(true);
    expect(first(validateExperiment(withSchedule({ name: "cosine", etaMin: 0.5 }, { name: "adam" })))).toBe("runs[0].schedule.etaMin: 0.5 must be ≤ the run's lr (0.001)");
  });
});

describe("the fields a link carries besides the race", () => {
  const base = { surface: "bowl", steps: 10, runs: [{ id: "a", optimizer: { name: "adam" } }] };
  it("accepts version 1, a title, a caption, the selected run, the shown step and stopWhenSettled", () => {
    const r = validateExperiment({ ...base, version: 1, title: "T", caption: "c", selected: "a", step: 10, stopWhenSettled: true });
    expect(r.ok).toBe(true);
  });
  it("refuses a later version, a selected id no run has, and a step past the horizon, naming each field", () => {
    expect(validateExperiment({ ...base, version: 2 })).toMatchObject({ ok: false, errors: [{ field: "version" }] });
    expect(validateExperiment({ ...base, selected: "b" })).toMatchObject({ ok: false, errors: [{ field: "selected", message: "must be the id of one of the runs (a)" }] });
    expect(validateExperiment({ ...base, step: 11 })).toMatchObject({ ok: false, errors: [{ field: "step", message: "must be ≤ steps (10)" }] });
    expect(validateExperiment({ ...base, caption: "x".repeat(2001) })).toMatchObject({ ok: false, errors: [{ field: "caption" }] });
  });
});

describe("second-order optimizers", () => {
  it("refuse noise and clipping for lbfgs, naming the field; newton takes both (they act on its gradient)", () => {
    const run = (name: string, extra: object) => ({ surface: "bowl", steps: 10, runs: [{ id: "a", optimizer: { name }, ...extra }] });
    expect(validateExperiment(run("lbfgs", { noise: { std: 0.1, seed: 1 } }))).toMatchObject({ ok: false, errors: [{ field: "runs[0].noise", message: expect.stringMatching(/not defined for lbfgs/) }] });
    expect(validateExperiment(run("lbfgs", { clip: { mode: "norm", maxNorm: 1 } }))).toMatchObject({ ok: false, errors: [{ field: "runs[0].clip" }] });
    expect(validateExperiment(run("lbfgs", { noise: { std: 0, seed: 1 } })).ok).toBe(true);
    expect(validateExperiment(run("newton", { noise: { std: 0.1, seed: 1 }, clip: { mode: "value", clipValue: 1 } })).ok).toBe(true);
  });
});

describe("typed and data surfaces", () => {
  const typed = (expression: unknown, domain: unknown = [[-2, 2], [-1, 3]]) => ({ surface: { expression, domain }, steps: 10, runs: [{ optimizer: { name: "sgd" } }] });

  it("take a formula with its domain, compiled once per formula", () => {
    const v = ok(validateExperiment(typed("sin(x)*cos(y) + 0.1*(x^2 + y^2)")));
    expect(v.surface).toEqual({ expression: "sin(x)*cos(y) + 0.1*(x^2 + y^2)", domain: [[-2, 2], [-1, 3]] });
  });

  it("name the expression, the position and what is expected", () => {
    expect(first(validateExperiment(typed("x^2 + foo(y)")))).toMatch(/^surface\.expression: "x\^2 \+ foo\(y\)" at character 7: the function "foo" is not allowed; allowed functions are sin, /);
    expect(first(validateExperiment(typed("x^2 +")))).toMatch(/^surface\.expression: "x\^2 \+" at character 6: /);
    expect(first(validateExperiment(typed(42)))).toBe("surface.expression: 42 must be a formula in x and y (text)");
  });

  it("check the domain: two ranges with min < max, within the divergence limit", () => {
    expect(first(validateExperiment(typed("x^2", [[2, -2], [-1, 3]])))).toBe("surface.domain[0]: [2, -2] must be [min, max] with min < max");
    expect(first(validateExperiment(typed("x^2", [[-2, 2]])))).toMatch(/^surface\.domain: /);
    expect(first(validateExperiment(typed("x^2", [[-2e7, 2], [-1, 3]])))).toBe("surface.domain[0]: [-20000000, 2] must lie within ±1,000,000 (beyond it a run counts as diverged)");
  });

  it("refuse an unknown field, a non-object and an unknown name, saying both forms", () => {
    expect(first(validateExperiment({ ...typed("x^2"), surface: { expression: "x^2", domain: [[-1, 1], [-1, 1]], code: "alert(1)" } }))).toBe(
      "surface.code: unknown field; a typed surface takes expression, domain",
    );
    expect(first(validateExperiment({ ...typed("x^2"), surface: 7 }))).toMatch(/^surface: 7 must be a surface name \(rosenbrock, .*\) or \{"expression"/);
    expect(first(validateExperiment({ ...typed("x^2"), surface: "moon" }))).toMatch(/^surface: "moon" unknown surface; allowed: rosenbrock, .*linearRegression, logisticRegression, or \{"expression"/);
  });

  it("refuse a formula undefined at its default start, and a start where it is undefined", () => {
    expect(first(validateExperiment(typed("log(x)")))).toBe(
      'surface: {"expression": "log(x)", "domain": [[-2, 2], [-1, 3]]} gives a loss that is not finite at its default start (-1.2, -0.2); set a start',
    );
    ok(validateExperiment({ ...typed("log(x)"), start: [1, 1] }));
    expect(first(validateExperiment({ ...typed("log(x)"), start: [-1, 1] }))).toBe("start: [-1, 1] gives a loss that is not finite on formula");
  });

  it("take a batch size on a data surface only, up to the dataset's size, and not for lbfgs", () => {
    const data = (run: object) => ({ surface: "linearRegression", steps: 10, runs: [{ optimizer: { name: "sgd" }, ...run }] });
    expect(ok(validateExperiment(data({ batchSize: 8, batchSeed: 4 }))).runs[0]).toMatchObject({ batchSize: 8, batchSeed: 4 });
    expect(first(validateExperiment(data({ batchSize: 257 })))).toBe("runs[0].batchSize: 257 must be ≤ 256 (the dataset's size)");
    expect(first(validateExperiment(data({ batchSize: 0 })))).toBe("runs[0].batchSize: 0 must be an integer ≥ 1 (examples per mini-batch)");
    expect(first(validateExperiment(data({ batchSize: 2.5 })))).toBe("runs[0].batchSize: 2.5 must be an integer ≥ 1 (examples per mini-batch)");
    expect(first(validateExperiment(data({ batchSeed: -1 })))).toBe("runs[0].batchSeed: -1 must be an integer from 0 to 4294967295");
    expect(first(validateExperiment({ ...data({ batchSize: 8 }), surface: "bowl" }))).toBe(
      "runs[0].batchSize: 8 is only defined on a data surface (linearRegression, logisticRegression); bowl has no dataset",
    );
    expect(first(validateExperiment({ surface: "logisticRegression", steps: 10, runs: [{ optimizer: { name: "lbfgs" }, batchSize: 8 }] }))).toMatch(
      /^runs\[0\]\.batchSize: 8 is not defined for lbfgs: /,
    );
  });
});
