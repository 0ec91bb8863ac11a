import { describe, expect, it } from "vitest";
import { checkScene, deckJson, MAX_NARRATION, MAX_SCENE_NAME, MAX_SCENES, parseDeck } from "./deckFile";
import type { Experiment } from "../core/experiment";

const bowl: Experiment = { version: 1, surface: "bowl", steps: 50, runs: [{ id: "sgd", optimizer: { name: "sgd", lr: 0.1 } }] };
const quartic: Experiment = { version: 1, surface: "quartic", steps: 200, selected: "adam", runs: [{ id: "adam", optimizer: { name: "adam", lr: 0.05 } }] };

describe("deckJson then parseDeck", () => {
  it("gives back every scene as written", () => {
    const scenes = [
      { name: "Bowl", narration: "SGD rolls down.", experiment: bowl },
      { name: "Trap", narration: "", experiment: quartic },
    ];
    const read = parseDeck(deckJson(scenes));
    expect(read.problems).toEqual([]);
    expect(read.scenes).toEqual(scenes);
  });
});

describe("parseDeck on bad files", () => {
  it("reports a bad scene field by field, skips it and keeps the good ones", () => {
    const text = JSON.stringify({
      downhillDeck: 1,
      scenes: [
        { name: "Good", narration: "<img src=x onerror=alert(1)>", experiment: bowl },
        { name: "Bad lr", experiment: { ...bowl, runs: [{ optimizer: { name: "sgd", lr: -1 } }] } },
        { name: "", experiment: bowl },
        "not a scene",
        { name: "No experiment" },
      ],
    });
    const read = parseDeck(text);
    expect(read.scenes.map((s) => s.name)).toEqual(["Good"]);
    // The narration is kept as the text it is: the page shows it as text, never as HTML.
    expect(read.scenes[0].narration).toBe("<img src=x onerror=alert(1)>");
    expect(read.problems).toHaveLength(4);
    expect(read.problems[0]).toMatch(/^scenes\[1\]\.experiment\.runs\[0\]\.optimizer\.lr: -1 .*> 0.*scene skipped$/);
    expect(read.problems[1]).toMatch(/^scenes\[2\]\.name: must be text of 1 to 80 characters; scene skipped$/);
    expect(read.problems[2]).toMatch(/^scenes\[3\]: must be an object/);
    expect(read.problems[3]).toMatch(/^scenes\[4\]\.experiment: .*required/);
  });

  it("cuts over-long names and narrations and says so", () => {
    const r = checkScene({ name: "n".repeat(200), narration: "w ".repeat(MAX_NARRATION), experiment: bowl }, "scenes[0]");
    expect(r.scene?.name).toHaveLength(MAX_SCENE_NAME);
    expect(r.scene?.narration.length).toBe(MAX_NARRATION);
    expect(r.problems).toEqual([expect.stringMatching(/^scenes\[0\]\.name: longer than 80/), expect.stringMatching(/^scenes\[0\]\.narration: longer than 1000/)]);
  });

  it("makes a name one line", () => {
    expect(checkScene({ name: " A\n\tB\u0007 ", experiment: bowl }, "s").scene?.name).toBe("A B");
  });

  it.each([
    ["not JSON", "{downhillDeck: 1", /^\(file\): is not valid JSON/],
    ["not a deck", JSON.stringify(bowl), /^downhillDeck: must be 1/],
    ["a future deck", JSON.stringify({ downhillDeck: 2, scenes: [] }), /^downhillDeck: must be 1/],
    ["scenes not a list", JSON.stringify({ downhillDeck: 1, scenes: {} }), /^scenes: must be a list/],
    ["nested too deep", `{"downhillDeck":1,"scenes":[${"[".repeat(100)}${"]".repeat(100)}]}`, /^\(file\): nests too deep/],
    ["too long", " ".repeat(5_000_001), /more than a deck may hold/],
  ])("refuses %s with one message", (_, text, message) => {
    const read = parseDeck(text);
    expect(read.scenes).toEqual([]);
    expect(read.problems).toEqual([expect.stringMatching(message)]);
  });

  it("ignores __proto__ and constructor keys: nothing is polluted, the scene still loads", () => {
    const text = `{"downhillDeck":1,"__proto__":{"polluted":1},"scenes":[{"name":"P","constructor":{"x":1},"__proto__":{"polluted":2},"experiment":${JSON.stringify(bowl)}}]}`;
    const read = parseDeck(text);
    expect(read.scenes.map((s) => s.name)).toEqual(["P"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`reads at most ${MAX_SCENES} scenes`, () => {
    const scenes = Array.from({ length: MAX_SCENES + 3 }, (_, i) => ({ name: `S${i}`, narration: "", experiment: bowl }));
    const read = parseDeck(deckJson(scenes));
    expect(read.scenes).toHaveLength(MAX_SCENES);
    expect(read.problems).toEqual([`scenes: ${MAX_SCENES + 3} scenes; only the first ${MAX_SCENES} are read`]);
  });
});
