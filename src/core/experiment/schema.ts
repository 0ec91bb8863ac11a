import { z } from "zod";
import { optimizers } from "../optim";
import { schedules } from "../schedules";
import { DIVERGENCE_LIMIT } from "../engine/run";
import { surfaces } from "../surfaces";
import { FORMULAS_LOADING, formulaErrorText, formulaSupport } from "../surfaces/formulaSupport";
import { EXPERIMENT_VERSION, MAX_CAPTION, MAX_RUNS, MAX_STEPS, MAX_TITLE } from "./types";
import { withArticle, zodMessage } from "./messages";
import { namedParamsSchema, strictObject } from "./paramSchema";

/**
 * The experiment's shape, field by field. Every schema states what it allows in its own
 * `error`; rules that join several fields (unique ids, a schedule against the run's lr
 * and the horizon, the start's loss) run after it, in `crossChecks.ts`.
 */

const finite = (what = "a finite number") => z.number({ error: `must be ${what}` }).refine(Number.isFinite, { message: `must be ${what}` });
const point = z.tuple([finite(), finite()], { error: "must be two numbers [x, y]" });
const range = z
  .tuple([finite(), finite()], { error: "must be two numbers [min, max]" })
  .refine(([a, b]) => a < b, { message: "must be [min, max] with min < max" });

/** Checks `value` against `schema` and re-raises its issues inside the parent's refinement; an unknown key is reported at the key itself, one issue per key. */
function reraise(schema: z.ZodType, value: unknown, ctx: z.RefinementCtx) {
  const result = schema.safeParse(value, { error: zodMessage });
  if (!result.success)
    for (const issue of result.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
      for (const key of keys)
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          path: (key === null ? issue.path : [...issue.path, key]) as (string | number)[],
          params: key === null ? undefined : { unknownKey: true },
        });
    }
}

/** Picks the member schema by `name`, so an unknown name gets one clear message. */
function byName(kind: string, members: Record<string, z.ZodType>) {
  const names = Object.keys(members);
  return z
    .object({ name: z.string({ error: `must be ${withArticle(kind)} name; allowed: ${names.join(", ")}` }) }, { error: `must be an object with a "name" (${withArticle(kind)})` })
    .loose()
    .superRefine((value, ctx) => {
      if (!Object.hasOwn(members, value.name)) {
        ctx.addIssue({ code: "custom", path: ["name"], message: `unknown ${kind}; allowed: ${names.join(", ")}` });
        return;
      }
      reraise(members[value.name], value, ctx);
    });
}

export const optimizerSchema = byName(
  "optimizer",
  Object.fromEntries(Object.values(optimizers).map((d) => [d.name, namedParamsSchema("optimizer", d.name, d.params)])),
);

const warmup = z
  .number({ error: "must be an integer ≥ 0 (warmup steps)" })
  .refine((v) => Number.isInteger(v) && v >= 0, { message: "must be an integer ≥ 0 (warmup steps)" });

export const scheduleSchema = byName(
  "schedule",
  Object.fromEntries(Object.values(schedules).map((d) => [d.name, namedParamsSchema("schedule", d.name, d.params, { warmup: warmup.optional() })])),
);

const positive = (what: string) => z.number({ error: `must be ${what}` }).refine((v) => Number.isFinite(v) && v > 0, { message: `must be ${what}` });

const CLIP_FORMS = 'must be {"mode": "norm", "maxNorm", "normType"?: 2 | "inf"} or {"mode": "value", "clipValue"}';

export const clipSchema = z.discriminatedUnion(
  "mode",
  [
    strictObject("norm clipping", { mode: z.literal("norm"), maxNorm: positive("a number > 0"), normType: z.union([z.literal(2), z.literal("inf")], { error: 'must be 2 or "inf"' }).optional() }, CLIP_FORMS),
    strictObject("value clipping", { mode: z.literal("value"), clipValue: positive("a number > 0") }, CLIP_FORMS),
  ],
  { error: CLIP_FORMS },
);

const seed = z.number({ error: "must be an integer from 0 to 4294967295" }).refine((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff, { message: "must be an integer from 0 to 4294967295" });

export const noiseSchema = strictObject(
  "noise",
  {
    std: z.number({ error: "must be a number ≥ 0" }).refine((v) => Number.isFinite(v) && v >= 0, { message: "must be a number ≥ 0" }),
    seed,
  },
  'must be {"std", "seed"}',
);

/** A typed surface: the formula (compiled here, so its error names the position) and its domain. */
const domainRange = range.refine(([a, b]) => Math.abs(a) <= DIVERGENCE_LIMIT && Math.abs(b) <= DIVERGENCE_LIMIT, {
  message: `must lie within ±${DIVERGENCE_LIMIT.toLocaleString("en")} (beyond it a run counts as diverged)`,
});
const FORMULA_FORM = '{"expression": "a formula in x and y", "domain": [[xmin, xmax], [ymin, ymax]]}';
export const formulaSurfaceSchema = strictObject(
  "a typed surface",
  {
    expression: z.string({ error: "must be a formula in x and y (text)" }).superRefine((text, ctx) => {
      const support = formulaSupport();
      if (!support) return void ctx.addIssue({ code: "custom", message: FORMULAS_LOADING });
      const compiled = support.compileFormula(text);
      if (!compiled.ok) ctx.addIssue({ code: "custom", message: formulaErrorText(compiled.error) });
    }),
    domain: z.tuple([domainRange, domainRange], { error: "must be [[xmin, xmax], [ymin, ymax]]" }),
  },
  `must be ${FORMULA_FORM}`,
);

const SURFACE_NAMES = Object.keys(surfaces).join(", ");
/** A built-in surface by name, or a typed one. */
export const surfaceSchema = z.unknown().superRefine((value, ctx) => {
  if (typeof value === "string") {
    if (!Object.hasOwn(surfaces, value)) ctx.addIssue({ code: "custom", message: `unknown surface; allowed: ${SURFACE_NAMES}, or ${FORMULA_FORM}` });
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) reraise(formulaSurfaceSchema, value, ctx);
  else ctx.addIssue({ code: "custom", message: `must be a surface name (${SURFACE_NAMES}) or ${FORMULA_FORM}` });
});

export const runSchema = strictObject(
  "a run",
  {
    // Optional: validation fills it in from the optimizer's name (see runIds.ts).
    id: z.string({ error: "must be a non-empty string" }).min(1, { message: "must be a non-empty string" }).max(64, { message: "must be at most 64 characters" }).optional(),
    label: z.string({ error: "must be a string" }).max(64, { message: "must be at most 64 characters" }).optional(),
    color: z.string({ error: "must be a colour like #1f77b4" }).regex(/^#[0-9a-fA-F]{6}$/, { message: "must be a colour like #1f77b4" }).optional(),
    hidden: z.boolean({ error: "must be true or false" }).optional(),
    start: point.optional(),
    optimizer: optimizerSchema,
    schedule: scheduleSchema.optional(),
    clip: clipSchema.optional(),
    noise: noiseSchema.optional(),
    // The upper bound (the dataset's size) and the surface it needs are checked in crossChecks.
    batchSize: z
      .number({ error: "must be an integer ≥ 1 (examples per mini-batch)" })
      .refine((v) => Number.isInteger(v) && v >= 1, { message: "must be an integer ≥ 1 (examples per mini-batch)" })
      .optional(),
    batchSeed: seed.optional(),
  },
  'must be a run: an object with an "optimizer"',
);

export const experimentSchema = strictObject(
  "an experiment",
  {
    version: z.literal(EXPERIMENT_VERSION, { error: `must be ${EXPERIMENT_VERSION}: this version of Downhill reads experiments of format ${EXPERIMENT_VERSION}` }).optional(),
    title: z.string({ error: "must be a string" }).max(MAX_TITLE, { message: `must be at most ${MAX_TITLE} characters` }).optional(),
    caption: z.string({ error: "must be a string" }).max(MAX_CAPTION, { message: `must be at most ${MAX_CAPTION} characters` }).optional(),
    surface: surfaceSchema,
    start: point.optional(),
    steps: z
      .number({ error: `must be a positive integer ≤ ${MAX_STEPS}` })
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= MAX_STEPS, { message: `must be a positive integer ≤ ${MAX_STEPS}` }),
    tolerance: positive("a number > 0").optional(),
    runs: z
      .array(runSchema, { error: "must be a list of runs" })
      .min(1, { message: "must hold at least one run" })
      .max(MAX_RUNS, { message: `must hold at most ${MAX_RUNS} runs` }),
    view: strictObject("the view", { x: range, y: range }, 'must be {"x": [min, max], "y": [min, max]}').optional(),
    selected: z.string({ error: "must be the id of one of the runs" }).optional(),
    step: z
      .number({ error: "must be an integer ≥ 0 (the step the timeline shows)" })
      .refine((v) => Number.isInteger(v) && v >= 0, { message: "must be an integer ≥ 0 (the step the timeline shows)" })
      .optional(),
    stopWhenSettled: z.boolean({ error: "must be true or false" }).optional(),
  },
  'must be an object: {"surface", "steps", "runs", …}',
);
