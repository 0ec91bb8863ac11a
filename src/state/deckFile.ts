/**
 * A lecture deck as a file: `{"downhillDeck": 1, "scenes": [{name, narration, experiment}]}`.
 * Reading one never trusts it: each scene is checked on its own (its experiment by
 * validateExperiment, the same check links and `npm run race` use), a bad scene is reported
 * field by field and skipped, the good ones are kept. The scene library read back from
 * IndexedDB goes through the same check (`checkScene`), since storage outlives app versions.
 */
import { formatError, validateExperiment, type Experiment } from "../core/experiment";
import { lineColumn, MAX_DEPTH, shapeProblem, stripBom } from "../core/experiment/jsonText";

export const DECK_FORMAT = 1;
export const MAX_SCENE_NAME = 80;
export const MAX_NARRATION = 1000;
export const MAX_SCENES = 100;
/** Characters; a deck of 100 scenes of 32 runs each stays far below it. */
export const MAX_DECK_CHARS = 5_000_000;

export interface SceneContent {
  name: string;
  /** A few sentences shown in lecture mode (plain text; may be empty). */
  narration: string;
  experiment: Experiment;
}

export interface Scene extends SceneContent {
  id: string;
  /** Milliseconds since the epoch. */
  created: number;
}

export interface DeckRead {
  scenes: SceneContent[];
  /** One line per problem, each naming the scene and field. */
  problems: string[];
}

/** The deck file's text (what "Export deck" saves). */
export function deckJson(scenes: readonly SceneContent[]): string {
  return JSON.stringify({ downhillDeck: DECK_FORMAT, scenes: scenes.map(({ name, narration, experiment }) => ({ name, narration, experiment })) }, null, 2);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Whitespace runs (newlines, tabs, control characters) become one space: a name is one line. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
}

/**
 * One scene from untrusted data (`where` names it in messages, e.g. `scenes[2]`): the scene,
 * or null with the reasons. Over-long names and narrations are cut, and said so.
 */
export function checkScene(item: unknown, where: string): { scene: SceneContent | null; problems: string[] } {
  if (!isRecord(item)) return { scene: null, problems: [`${where}: must be an object with name, narration and experiment; skipped`] };
  const problems: string[] = [];
  const bad: string[] = [];
  const rawName = Object.hasOwn(item, "name") ? item.name : undefined;
  let name = typeof rawName === "string" ? cleanName(rawName) : "";
  if (name === "") bad.push(`${where}.name: must be text of 1 to ${MAX_SCENE_NAME} characters`);
  else if (name.length > MAX_SCENE_NAME) {
    name = name.slice(0, MAX_SCENE_NAME);
    problems.push(`${where}.name: longer than ${MAX_SCENE_NAME} characters; cut to “${name}”`);
  }
  const rawNarration = Object.hasOwn(item, "narration") ? item.narration : undefined;
  let narration = "";
  if (typeof rawNarration === "string") narration = rawNarration.trim();
  else if (rawNarration !== undefined) bad.push(`${where}.narration: must be text (up to ${MAX_NARRATION} characters)`);
  if (narration.length > MAX_NARRATION) {
    narration = narration.slice(0, MAX_NARRATION);
    problems.push(`${where}.narration: longer than ${MAX_NARRATION} characters; cut`);
  }
  const v = validateExperiment(Object.hasOwn(item, "experiment") ? item.experiment : undefined);
  if (!Object.hasOwn(item, "experiment")) bad.push(`${where}.experiment: is required (an experiment: surface, steps, runs)`);
  else if (!v.ok) bad.push(...v.errors.map((e) => `${where}.experiment.${formatError(e)}`.replace(".experiment.(experiment)", ".experiment")));
  if (bad.length) return { scene: null, problems: [...bad.map((b) => `${b}; scene skipped`)] };
  return { scene: { name, narration, experiment: (v as { experiment: Experiment }).experiment }, problems };
}

/** Reads a deck file's text: the scenes that pass, and what was wrong with the rest. */
export function parseDeck(raw: string): DeckRead {
  if (raw.length > MAX_DECK_CHARS) return { scenes: [], problems: [`(file): ${raw.length.toLocaleString("en")} characters is more than a deck may hold (${MAX_DECK_CHARS.toLocaleString("en")})`] };
  const text = stripBom(raw);
  // Two levels above an experiment: the deck and its scene.
  const shape = shapeProblem(text, MAX_DEPTH + 2);
  if (shape) return { scenes: [], problems: [`(file): nests too deep or holds too many items (${lineColumn(text, shape.offset)})`] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    return { scenes: [], problems: [`(file): is not valid JSON: ${(err as Error).message}`] };
  }
  if (!isRecord(input) || input.downhillDeck !== DECK_FORMAT) {
    return { scenes: [], problems: [`downhillDeck: must be ${DECK_FORMAT}; this is not a Downhill deck file`] };
  }
  const list = input.scenes;
  if (!Array.isArray(list)) return { scenes: [], problems: ["scenes: must be a list of scenes"] };
  const scenes: SceneContent[] = [];
  const problems: string[] = [];
  list.slice(0, MAX_SCENES).forEach((item, i) => {
    const r = checkScene(item, `scenes[${i}]`);
    problems.push(...r.problems);
    if (r.scene) scenes.push(r.scene);
  });
  if (list.length > MAX_SCENES) problems.push(`scenes: ${list.length} scenes; only the first ${MAX_SCENES} are read`);
  return { scenes, problems };
}
