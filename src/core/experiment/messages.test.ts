import { z } from "zod";
import { describe, expect, it } from "vitest";
import { pathToField, withArticle, zodMessage } from "./messages";

/** zod's own wording, which must never reach a user. */
const ZOD_WORDING = /Invalid|expected \w+, received|Unrecognized|\bRequired\b|Too (big|small)/;

describe("zodMessage", () => {
  // One schema per zod issue code, parsed with our map: every message is ours.
  it.each([
    ["invalid_type", z.object({ a: z.number() }), { a: "x" }, "must be a number"],
    ["invalid_type (object)", z.object({ a: z.object({}) }), { a: 1 }, "must be an object"],
    ["invalid_type (list)", z.object({ a: z.array(z.number()) }), { a: 1 }, "must be a list"],
    ["invalid_type (boolean)", z.object({ a: z.boolean() }), { a: 1 }, "must be true or false"],
    ["unrecognized_keys", z.strictObject({}), { b: 1 }, "unknown field"],
    ["invalid_value (literal)", z.object({ a: z.literal("x") }), { a: "y" }, 'must be "x"'],
    ["invalid_value (enum)", z.object({ a: z.enum(["x", "y"]) }), { a: "z" }, 'must be one of "x", "y"'],
    ["too_big (list)", z.object({ a: z.array(z.number()).max(1) }), { a: [1, 2] }, "must hold at most 1 item"],
    ["too_small (list)", z.object({ a: z.array(z.number()).min(2) }), { a: [1] }, "must hold at least 2 items"],
    ["too_big (string)", z.object({ a: z.string().max(2) }), { a: "abc" }, "must be at most 2 characters"],
    ["too_big (number)", z.object({ a: z.number().max(2) }), { a: 3 }, "must be ≤ 2"],
    ["too_small (number)", z.object({ a: z.number().min(2) }), { a: 1 }, "must be ≥ 2"],
    ["invalid_format", z.object({ a: z.string().regex(/^a$/) }), { a: "b" }, "is not in the allowed format"],
    ["not_multiple_of", z.object({ a: z.number().multipleOf(3) }), { a: 4 }, "must be a multiple of 3"],
    ["invalid_union", z.object({ a: z.union([z.number(), z.boolean()]) }), { a: "x" }, "does not match any allowed form"],
    ["custom", z.object({ a: z.number().refine(() => false) }), { a: 1 }, "is not allowed here"],
  ])("%s reads as ours", (_code, schema, input, expected) => {
    const result = schema.safeParse(input, { error: zodMessage });
    expect(result.success).toBe(false);
    const message = result.error!.issues[0].message;
    expect(message).toBe(expected);
    expect(message).not.toMatch(ZOD_WORDING);
  });

  it("uses the right article", () => {
    expect([withArticle("optimizer"), withArticle("schedule"), withArticle("integer"), withArticle("run")]).toEqual(["an optimizer", "a schedule", "an integer", "a run"]);
  });
});

describe("pathToField", () => {
  it.each([
    [[], "(experiment)"],
    [["runs", 0, "optimizer", "lr"], "runs[0].optimizer.lr"],
    [["runs", 0, "my key"], 'runs[0]["my key"]'],
    [["my key"], '["my key"]'],
    [["runs", 1, "a\"b"], 'runs[1]["a\\"b"]'],
    [["runs", 0, "1abc"], 'runs[0]["1abc"]'],
    [["x".repeat(50)], `["${"x".repeat(40)}…"]`],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], "[0][0][0][0][0][0]…"],
  ])("%j → %s", (path, field) => {
    expect(pathToField(path)).toBe(field);
  });
});
