import { z } from "zod";
import { optimizers } from "../optim";
import { schedules } from "../schedules";
import { surfaces } from "../surfaces";
import { MAX_RUNS, MAX_STEPS } from "./types";
import { namedParamsSchema } from "./paramSchema";

const finite = (what = "a finite number") => z.number({ error: `must be ${what}` }).refine(Number.isFinite, { message: `must be ${what}` });
const point = z.tuple([finite(), finite()], { error: "must be two numbers [x, y]" });
const range = z
  .tuple([finite(), finite()], { error: "must be two numbers [min, max]" })
  .refine(([a, b]) => a < b, { message: "must be [min, max] with min < max" });

/** Picks the member schema by `name`, so an unknown name gets one clear message. */
function byName(kind: string, members: Record<string, z.ZodType>) {
  const names = Object.keys(members);
  return z
    .object({ name: z.string({ error: `must be a ${kind} name` }) }, { error: `must be an object with a "name" (a ${kind})` })
    .loose()
    .superRefine((value, ctx) => {
      const member = members[value.name];
      if (!Object.prototype.hasOwnProperty.call(members, value.name) || !member) {
        ctx.addIssue({ code: "custom", path: ["name"], message: `unknown ${kind}; allowed: ${names.join(", ")}` });
        return;
      }
      const result = member.safeParse(value);
      if (!result.success)
        for (const issue of result.error.issues) {
          // Re-raise inside the parent; an unknown key is reported at the key itself.
          const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path;
          ctx.addIssue({ code: "custom", message: issue.message, path: path as PropertyKey[] as (string | number)[] });
        }
    });
}

export const optimizerSchema = byName(
  "optimizer",
  Object.fromEntries(Object.values(optimizers).map((d) => [d.name, namedParamsSchema(d.name, d.params)])),
);

const warmup = z
  .number({ error: "must be an integer ≥ 0 (warmup steps)" })
  .refine((v) => Number.isInteger(v) && v >= 0, { message: "must be an integer ≥ 0 (warmup steps)" });

export const scheduleSchema = byName(
  "schedule",
  Object.fromEntries(
    Object.values(schedules).map((d) => [
      d.name,
      namedParamsSchema(d.name, d.params, { warmup: warmup.optional() }).superRefine((value, ctx) => {
        const problem = d.check?.(value as never);
        if (problem) ctx.addIssue({ code: "custom", path: [], message: problem });
      }),
    ]),
  ),
);

const positive = (what: string) => z.number({ error: `must be ${what}` }).refine((v) => Number.isFinite(v) && v > 0, { message: `must be ${what}` });

export const clipSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("norm"), maxNorm: positive("a number > 0"), normType: z.union([z.literal(2), z.literal("inf")], { error: 'must be 2 or "inf"' }).optional() }),
    z.strictObject({ mode: z.literal("value"), clipValue: positive("a number > 0") }),
  ],
  { error: 'must be {"mode": "norm", "maxNorm", "normType"?: 2 | "inf"} or {"mode": "value", "clipValue"}' },
);

export const noiseSchema = z.strictObject({
  std: z.number({ error: "must be a number ≥ 0" }).refine((v) => Number.isFinite(v) && v >= 0, { message: "must be a number ≥ 0" }),
  seed: z.number({ error: "must be an integer from 0 to 4294967295" }).refine((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff, { message: "must be an integer from 0 to 4294967295" }),
});

export const runSchema = z.strictObject({
  id: z.string({ error: "must be a non-empty string" }).min(1, { message: "must be a non-empty string" }).max(64, { message: "must be at most 64 characters" }),
  label: z.string({ error: "must be a string" }).max(64, { message: "must be at most 64 characters" }).optional(),
  color: z.string({ error: "must be a colour like #1f77b4" }).regex(/^#[0-9a-fA-F]{6}$/, { message: "must be a colour like #1f77b4" }).optional(),
  hidden: z.boolean({ error: "must be true or false" }).optional(),
  start: point.optional(),
  optimizer: optimizerSchema,
  schedule: scheduleSchema.optional(),
  clip: clipSchema.optional(),
  noise: noiseSchema.optional(),
});

export const experimentSchema = z
  .strictObject({
    surface: z.string({ error: "must be a surface name" }).refine((s) => Object.prototype.hasOwnProperty.call(surfaces, s), {
      message: `unknown surface; allowed: ${Object.keys(surfaces).join(", ")}`,
    }),
    start: point.optional(),
    steps: z
      .number({ error: `must be a positive integer ≤ ${MAX_STEPS}` })
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= MAX_STEPS, { message: `must be a positive integer ≤ ${MAX_STEPS}` }),
    tolerance: positive("a number > 0").optional(),
    runs: z
      .array(runSchema, { error: "must be a list of runs" })
      .min(1, { message: "must hold at least one run" })
      .max(MAX_RUNS, { message: `must hold at most ${MAX_RUNS} runs` }),
    view: z.strictObject({ x: range, y: range }).optional(),
  })
  .superRefine((exp, ctx) => {
    const seen = new Set<string>();
    exp.runs.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: ["runs", i, "id"], message: "must be unique; another run already has this id" });
      seen.add(r.id);
    });
  });
