/**
 * Salvaging an experiment from input that may be malformed or hostile (a share link someone
 * edited, truncated or crafted): every field that validates is kept, everything else falls
 * back to its default, and each thing left out is reported with the reason validation gave.
 * A file the user picks is different: it is refused whole with its errors (validate.ts),
 * because the user can fix it; a link's reader cannot.
 *
 * The strategy is validation-driven: validate the whole; for each error, remove the smallest
 * part that carries it (an optimizer parameter, a schedule, a run, a top-level field; a
 * required top-level field takes the default's value instead); validate again until it passes.
 * Cross-field rules (a schedule against its lr, `selected` against the run ids) are handled
 * the same way, since validateExperiment names the field each one blames.
 */
import { MAX_ITEMS } from "./jsonText";
import { pathToField } from "./messages";
import { showValue } from "./showValue";
import { EXPERIMENT_VERSION, MAX_RUNS, type Experiment } from "./types";
import { FORBIDDEN_KEYS, validateExperiment, type ValidationError } from "./validate";

export interface Ignored {
  /** The field as validation names it, e.g. `runs[1].optimizer.lr`; `(experiment)` for the whole. */
  field: string;
  /** What was wrong and what was done instead. */
  reason: string;
}

export interface Salvaged {
  /** Always passes validateExperiment. */
  experiment: Experiment;
  /** Empty when the input was valid as it was. */
  ignored: Ignored[];
}

/** Tighter limits than the format's, where the reader has them (the browser keeps 12 runs, 200,000 steps). */
export interface SalvageLimits {
  maxRuns?: number;
  maxSteps?: number;
}

const REQUIRED = new Set(["surface", "steps", "runs"]);
/** An experiment nests 5 levels (root → runs → run → schedule → list); anything deeper is not one of its fields. */
const MAX_NEST = 5;
/** Each round removes at least one part; an experiment has far fewer than this. */
const MAX_ROUNDS = 200;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
type Note = (path: (string | number)[], reason: string) => void;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A plain-data copy of the input without forbidden keys, non-JSON values, containers nested
 * deeper than an experiment or longer than any of its lists. Recursion stops at MAX_NEST + 1,
 * so no input can exhaust the stack; what it cuts is noted at the nearest object key.
 */
function clean(v: unknown, path: (string | number)[], depth: number, note: Note): { ok: Json } | { drop: string } {
  if (v === null || typeof v === "string" || typeof v === "boolean") return { ok: v };
  // Non-finite numbers are kept: validation names them ("is not a finite number").
  if (typeof v === "number") return { ok: v };
  // Undefined reads as JSON.stringify writes it: an absent field, a null in a list.
  if (v === undefined) return { ok: null };
  if (typeof v !== "object") return { drop: `is a ${typeof v}, not a JSON value` };
  if (depth > MAX_NEST) return { drop: `is nested deeper than any experiment field (${MAX_NEST} levels at most)` };
  if (Array.isArray(v)) {
    if (v.length > MAX_ITEMS) return { drop: `is a list of ${v.length.toLocaleString("en")} items, longer than any in an experiment` };
    const out: Json[] = [];
    for (let i = 0; i < v.length; i++) {
      const item = clean(v[i], [...path, i], depth + 1, note);
      if ("drop" in item) {
        // A run is a part of its own: a null in its place, which validation then leaves out.
        // Any other list is one field's value: what spoils an item spoils the field.
        if (path.length !== 1 || path[0] !== "runs") return item;
        note([...path, i], `${item.drop}; ignored`);
      }
      out.push("drop" in item ? null : item.ok);
    }
    return { ok: out };
  }
  const keys = Object.keys(v);
  if (keys.length > MAX_ITEMS) return { drop: `is an object with ${keys.length.toLocaleString("en")} fields, more than any in an experiment` };
  const out: Obj = {};
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) {
      note([...path, key], "is not an allowed field name; ignored");
      continue;
    }
    const value = (v as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const item = clean(value, [...path, key], depth + 1, note);
    if ("drop" in item) note([...path, key], `${item.drop}; ignored`);
    else out[key] = item.ok;
  }
  return { ok: out };
}

const why = (e: ValidationError) => (e.value === undefined ? e.message : `${e.value} ${e.message}`);
const copy = <T>(v: T): T => structuredClone(v);

/** A run-level error: which run, and whether it takes the whole run with it. */
function runOf(e: ValidationError, runs: Json[]): { index: number; whole: boolean } | null {
  const [top, index, key, sub] = e.path;
  if (top !== "runs" || typeof index !== "number") return null;
  const run = runs[index];
  // A run is its optimizer: without a known one there is nothing left to race.
  const whole = !isObject(run) || key === undefined || (key === "optimizer" && (sub === undefined || sub === "name" || !isObject(run.optimizer)));
  return { index, whole };
}

/** How a part of a run that goes whole is named when a field inside it is the one at fault. */
const WHOLE_PART: Record<string, string> = { schedule: "the schedule was ", clip: "the clipping was ", noise: "the noise was ", start: "the start was " };

/** Removes the part of one run that carries `e`; false when there was nothing left to remove. */
function removeInRun(run: Obj, e: ValidationError, note: Note): boolean {
  const [, , key, sub] = e.path as [string, number, string, string | number | undefined];
  const part = run[key];
  const isParam = key === "optimizer" || (key === "schedule" && sub !== "name");
  if (isParam && isObject(part) && sub !== undefined && Object.hasOwn(part, sub)) {
    delete part[sub];
    // An unknown key comes without a value; a known one with a bad value falls back to its default.
    note(e.path, `${why(e)}; ${e.value === undefined ? "ignored" : "its default is used"}`);
    return true;
  }
  if (!Object.hasOwn(run, key)) return false;
  // A schedule without a valid name or a required parameter, clipping or noise with a bad field: the whole of it goes.
  delete run[key];
  note(e.path, `${why(e)}; ${sub !== undefined ? (WHOLE_PART[key] ?? "") : ""}ignored`);
  return true;
}

/** Removes (or, when required, resets to the default) the top-level field that carries `e`. */
function removeTopLevel(exp: Obj, e: ValidationError, defaults: Experiment, note: Note): boolean {
  const key = e.path[0] as string;
  if (REQUIRED.has(key)) {
    const fallback = copy((defaults as unknown as Obj)[key]);
    if (JSON.stringify(exp[key]) === JSON.stringify(fallback)) return false;
    exp[key] = fallback;
    note(e.path, `${why(e)}; the default ${key === "runs" ? "runs are" : `(${showValue(fallback)}) is`} used`);
    return true;
  }
  if (!Object.hasOwn(exp, key)) return false;
  delete exp[key];
  note(e.path, `${why(e)}; ${e.path.length > 1 ? `${key} ignored` : "ignored"}`);
  return true;
}

function fallbackToDefaults(defaults: Experiment, ignored: Ignored[], reason: string): Salvaged {
  const v = validateExperiment(copy(defaults));
  if (!v.ok) throw new Error(`the default experiment does not validate: ${v.errors[0].field}`);
  return { experiment: v.experiment, ignored: [...ignored, { field: "(experiment)", reason }] };
}

/**
 * Keeps every valid field of `input`, puts `defaults`' values for the rest, and says what
 * it left out and why. Never throws on any input; the experiment returned always validates.
 * `defaults` must itself be a valid experiment.
 */
export function salvageExperiment(input: unknown, defaults: Experiment, limits: SalvageLimits = {}): Salvaged {
  const ignored: Ignored[] = [];
  // One entry per field: a part cut while copying is not reported again when validation then removes it.
  const note: Note = (path, reason) => {
    const field = pathToField(path);
    if (!ignored.some((i) => i.field === field)) ignored.push({ field, reason });
  };
  try {
    if (!isObject(input)) return fallbackToDefaults(defaults, ignored, `${showValue(input)} is not an experiment (an object {"surface", "steps", "runs", …}); the default experiment is shown`);
    const cleaned = clean(input, [], 1, note);
    if ("drop" in cleaned || !isObject(cleaned.ok)) return fallbackToDefaults(defaults, ignored, `${"drop" in cleaned ? cleaned.drop : "is not an object"}; the default experiment is shown`);
    const exp = cleaned.ok;

    if (typeof exp.version === "number" && exp.version > EXPERIMENT_VERSION) {
      note(["version"], `${showValue(exp.version)} is newer than this Downhill reads (${EXPERIMENT_VERSION}); fields it does not know were ignored`);
      delete exp.version;
    }
    const maxRuns = Math.min(limits.maxRuns ?? MAX_RUNS, MAX_RUNS);
    if (Array.isArray(exp.runs) && exp.runs.length > maxRuns) {
      note(["runs"], `holds ${exp.runs.length.toLocaleString("en")} runs; at most ${maxRuns} are allowed, the first ${maxRuns} were kept`);
      exp.runs = exp.runs.slice(0, maxRuns);
    }

    for (let round = 0; round < MAX_ROUNDS; round++) {
      const v = validateExperiment(exp);
      if (v.ok) {
        // Ids filled in from optimizer names come after crossChecks, which skip `selected` until every run has one.
        if (v.experiment.selected !== undefined && !v.experiment.runs.some((r) => r.id === v.experiment.selected)) {
          note(["selected"], `${showValue(v.experiment.selected)} is not the id of any run; the first run is selected`);
          delete exp.selected;
          continue;
        }
        if (limits.maxSteps !== undefined && v.experiment.steps > limits.maxSteps && exp.steps !== defaults.steps) {
          note(["steps"], `${v.experiment.steps} is more than this page keeps (at most ${limits.maxSteps.toLocaleString("en")}); the default (${defaults.steps}) is used`);
          exp.steps = defaults.steps;
          continue;
        }
        return { experiment: v.experiment, ignored };
      }
      const runs = Array.isArray(exp.runs) ? exp.runs : [];
      const dropped = new Set<number>();
      let changed = false;
      // Runs that go whole are known first, so nothing is reported inside a run that goes anyway.
      for (const e of v.errors) {
        const r = runOf(e, runs);
        if (r?.whole) dropped.add(r.index);
      }
      const reported = new Set<number>();
      for (const e of v.errors) {
        const r = runOf(e, runs);
        if (!r) {
          if (e.path.length) changed = removeTopLevel(exp, e, defaults, note) || changed;
        } else if (!dropped.has(r.index)) changed = removeInRun(runs[r.index] as Obj, e, note) || changed;
        else if (!reported.has(r.index)) {
          reported.add(r.index);
          note(e.path, `${why(e)}; the run was left out`);
        }
      }
      if (dropped.size) {
        exp.runs = runs.filter((_, i) => !dropped.has(i));
        changed = true;
      }
      if (!changed) return fallbackToDefaults(defaults, ignored, `${v.errors[0].field}: ${why(v.errors[0])}; the default experiment is shown`);
    }
    return fallbackToDefaults(defaults, ignored, "has more problems than can be sorted out; the default experiment is shown");
  } catch (err) {
    // Only a broken `defaults` gets here; the caller's defaults are a programming error, not input.
    if (err instanceof Error && err.message.startsWith("the default experiment")) throw err;
    return fallbackToDefaults(defaults, ignored, "could not be read; the default experiment is shown");
  }
}
