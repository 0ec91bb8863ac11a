import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compressToEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { validateExperiment } from "../core/experiment/validate";
import { defaultExperiment } from "./defaults";
import { parseExperiment } from "../core/experiment/validate";
import { decodeLink, describeIgnored, encodeLink, experimentFileText, MAX_HASH_CHARS, statusList } from "./shareLink";
import { snapshotExperiment } from "./snapshot";

const defaults = defaultExperiment();
const pack = (text: string) => `#e=${compressToEncodedURIComponent(text)}`;

const lesson = {
  version: 1 as const,
  title: "Escape the trap",
  surface: "quartic",
  steps: 300,
  tolerance: 0.05,
  runs: [
    { id: "sgd", label: "SGD", color: "#1f77b4", optimizer: { name: "sgd", lr: 0.01 } },
    { id: "mom", label: "Momentum", start: [3.5, 0] as [number, number], optimizer: { name: "sgd", lr: 0.01, momentum: 0.9 }, clip: { mode: "norm" as const, maxNorm: 5 } },
  ],
  selected: "mom",
  step: 120,
};

describe("share links", () => {
  it("round-trip an experiment exactly, and stay a URL-safe fragment", () => {
    const hash = encodeLink(lesson);
    expect(hash).toMatch(/^#e=[A-Za-z0-9+\-$]+$/);
    expect(decodeLink(hash, defaults)).toEqual({ experiment: lesson, ignored: [] });
  });

  it("ignore hashes that are not links to an experiment", () => {
    expect(decodeLink("", defaults)).toBeNull();
    expect(decodeLink("#section-2", defaults)).toBeNull();
  });

  it.each([
    ["an empty link", "#e=", /^Link ignored: it is empty; the default experiment is shown\.$/],
    ["a truncated link", encodeLink(lesson).slice(0, 40), /it is damaged \(cut short or edited\)/],
    ["characters lz-string never writes", "#e=%%%%!!!", /it is damaged/],
    ["text that is not JSON", pack("{surface: quartic"), /it does not hold JSON/],
    ["a JSON array", pack("[1,2,3]"), /\[1, 2, 3\] is not an experiment/],
    ["a JSON string", pack('"quartic"'), /"quartic" is not an experiment/],
    ["null", pack("null"), /null is not an experiment/],
    ["a 300 kB experiment", pack(JSON.stringify({ ...lesson, caption: "x".repeat(300_000) })), /unpacks to 294 kB; an experiment is at most 256 kB/],
    ["200 levels of nesting", pack(`{"surface":"bowl","steps":5,"runs":[{"optimizer":{"name":"sgd"}}],"title":${"[".repeat(200)}${"]".repeat(200)}}`), /nests deeper than any experiment at title/],
    ["a hash past the size cap", `#e=${"A".repeat(MAX_HASH_CHARS + 1)}`, /is 65 kB long; a link holds at most 64 kB/],
  ])("fall back to the defaults on %s, saying why", (_, hash, message) => {
    const link = decodeLink(hash, defaults)!;
    expect(link.experiment).toEqual(validateExperiment(defaults).ok && defaults);
    expect(describeIgnored(link.ignored)).toMatch(message);
  });

  it("keep the valid fields of a damaged experiment and name the rest", () => {
    const hash = pack(
      JSON.stringify({ ...lesson, version: 2, steps: -3, runs: [{ ...lesson.runs[0], color: "url(javascript:alert(1))" }, { optimizer: { name: "adamz" } }, lesson.runs[1]] }),
    );
    const link = decodeLink(hash, defaults)!;
    expect(link.experiment).toEqual({ ...lesson, version: undefined, steps: 5000, runs: [{ id: "sgd", label: "SGD", optimizer: { name: "sgd", lr: 0.01 } }, lesson.runs[1]] });
    expect(link.ignored.map((i) => i.field)).toEqual(["version", "steps", "runs[0].color", "runs[1].optimizer.name"]);
    const line = describeIgnored(link.ignored, 3);
    expect(line).toMatch(/^From the link, ignored: version: 2 is newer than this Downhill reads \(1\); .* · steps: -3 must be a positive integer.* · runs\[0\]\.color: "url\(javascript:alert\(1\)\)" must be a colour like #1f77b4; ignored · and 1 more\.$/);
  });

  it("keep a page's limits: at most 12 runs, at most 200,000 steps", () => {
    // 10,000 runs, the first 12 valid (10,000 full runs would pass the 256 kB cap).
    const runs = Array.from({ length: 10_000 }, (_, i) => (i < 12 ? { optimizer: { name: "sgd" } } : 0));
    const link = decodeLink(pack(JSON.stringify({ surface: "bowl", steps: 1e7, runs })), defaults)!;
    expect(link.experiment.runs).toHaveLength(12);
    expect(link.experiment.steps).toBe(5000);
    expect(link.ignored.map((i) => i.field)).toEqual(["runs", "steps"]);
  });
});

describe("experiment files", () => {
  // The page's state after a few edits: a schedule, clipping, noise, a selected run, a scrubbed step.
  const experiment = {
    ...defaults,
    title: "Shootout",
    runs: defaults.runs.map((r, i) => (i === 2 ? { ...r, schedule: { name: "cosine", tMax: 5000, warmup: 100 }, clip: { mode: "norm" as const, maxNorm: 1 }, noise: { std: 0.01, seed: 3 } } : r)),
  };
  const snapshot = snapshotExperiment({ experiment, selectedRunId: "momentum", scrub: 40, step: 90 });

  it("carry the format version, the selected run and the step shown", () => {
    expect(snapshot).toMatchObject({ version: 1, selected: "momentum", step: 40, title: "Shootout" });
    const v = parseExperiment(experimentFileText(snapshot));
    expect(v.ok && v.experiment).toEqual(snapshot);
  });

  it("are accepted by `npm run race` as they are", () => {
    const path = join(mkdtempSync(join(tmpdir(), "downhill-export-")), "downhill-experiment.json");
    writeFileSync(path, experimentFileText(snapshot));
    const r = spawnSync(process.execPath, ["bin/race.cjs", path, "--summary"], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.runs.map((run: { id: string }) => run.id)).toEqual(["sgd", "momentum", "adam"]);
    expect(out.steps).toBe(5000);
  });
});

describe("statusList", () => {
  it("keeps a status line short: three entries of at most 110 characters, then a count", () => {
    const line = statusList(["a".repeat(200), "b", "c", "d", "e"]);
    expect(line).toBe(`${"a".repeat(109)}… · b · c · and 2 more`);
  });
});
