/**
 * The scene library: named experiments with a narration, in the order the lecture deck
 * plays them, kept in IndexedDB so they survive reloads. The store holds the list the page
 * shows; every change writes the whole list back (a few scenes of a few kB each), one write
 * after another so the last change always wins.
 */
import { formulasReady } from "./formulas";
import { checkScene, deckJson, MAX_NARRATION, MAX_SCENE_NAME, MAX_SCENES, parseDeck, cleanName, type Scene, type SceneContent } from "./deckFile";
import { idbGet, idbSet } from "./idbStore";
import { loadExperiment, snapshotExperiment } from "./snapshot";
import { useStore } from "./store";

const LIBRARY_KEY = "scenes";

let writing: Promise<void> = Promise.resolve();
let loaded: Promise<void> | null = null;

const newId = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

function storageProblem(err: unknown): void {
  useStore.getState().setMessage(`Scenes are kept only until this page closes: the browser refused storage (${(err as Error)?.message ?? err}).`);
}

function commit(scenes: Scene[], sceneIndex?: number | null): Promise<void> {
  useStore.getState().setScenes(scenes, sceneIndex);
  // Stored as plain data: what was validated is what is written.
  const data = scenes.map(({ id, name, narration, experiment, created }) => ({ id, name, narration, experiment, created }));
  writing = writing.then(() => idbSet(LIBRARY_KEY, data)).catch(storageProblem);
  return writing;
}

/** Reads the library from IndexedDB once (each scene checked again: storage outlives versions). */
export function loadScenes(): Promise<void> {
  // A stored scene may hold a typed surface: it is checked once the formula compiler is there.
  loaded ??= Promise.all([idbGet(LIBRARY_KEY), formulasReady])
    .then(([stored]) => {
      const scenes: Scene[] = [];
      const problems: string[] = [];
      if (Array.isArray(stored)) {
        stored.slice(0, MAX_SCENES).forEach((item: unknown, i) => {
          const r = checkScene(item, `scene ${i + 1}`);
          problems.push(...r.problems);
          const rec = item as Partial<Scene>;
          if (r.scene) scenes.push({ ...r.scene, id: typeof rec.id === "string" ? rec.id : newId(), created: typeof rec.created === "number" ? rec.created : Date.now() });
        });
      }
      // Scenes saved before the library was read come after the stored ones.
      const s = useStore.getState();
      s.setScenes([...scenes, ...s.scenes]);
      if (problems.length) s.setMessage(`Some saved scenes could not be read: ${problems.join("; ")}`);
    })
    .catch(storageProblem);
  return loaded;
}

/** Saves the page as it is now as a new scene at the end of the deck. Returns an error message, or null. */
export function saveScene(name: string, narration: string): string | null {
  const clean = cleanName(name);
  if (clean === "") return "Name: required (1 to 80 characters)";
  if (clean.length > MAX_SCENE_NAME) return `Name: at most ${MAX_SCENE_NAME} characters (this one has ${clean.length})`;
  if (narration.trim().length > MAX_NARRATION) return `Narration: at most ${MAX_NARRATION} characters (this one has ${narration.trim().length})`;
  const { scenes } = useStore.getState();
  if (scenes.length >= MAX_SCENES) return `The library holds at most ${MAX_SCENES} scenes: delete one first`;
  const scene: Scene = { id: newId(), name: clean, narration: narration.trim(), experiment: snapshotExperiment(), created: Date.now() };
  void commit([...scenes, scene], scenes.length);
  return null;
}

export function renameScene(id: string, name: string): string | null {
  const clean = cleanName(name);
  if (clean === "" || clean.length > MAX_SCENE_NAME) return `Name: must be 1 to ${MAX_SCENE_NAME} characters`;
  void commit(useStore.getState().scenes.map((s) => (s.id === id ? { ...s, name: clean } : s)));
  return null;
}

export function deleteScene(id: string): void {
  const { scenes, sceneIndex } = useStore.getState();
  const at = scenes.findIndex((s) => s.id === id);
  if (at < 0) return;
  const index = sceneIndex === null || sceneIndex === at ? null : sceneIndex > at ? sceneIndex - 1 : sceneIndex;
  void commit(scenes.filter((s) => s.id !== id), index);
}

/** Moves a scene `by` places in the deck (−1: earlier); the shown scene keeps being shown. */
export function moveScene(id: string, by: number): void {
  const { scenes, sceneIndex } = useStore.getState();
  const from = scenes.findIndex((s) => s.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= scenes.length) return;
  const next = scenes.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  const shown = sceneIndex === null ? null : next.indexOf(scenes[sceneIndex]);
  void commit(next, shown);
}

/** Loads scene `index` of the deck into the page. */
export function showScene(index: number): void {
  const { scenes, setSceneIndex } = useStore.getState();
  const scene = scenes[index];
  if (!scene) return;
  loadExperiment(scene.experiment);
  setSceneIndex(index);
}

/** The next (+1) or previous (−1) scene of the deck; from no scene, → starts at the first. */
export function stepDeck(by: 1 | -1): void {
  const { scenes, sceneIndex } = useStore.getState();
  if (scenes.length === 0) return;
  const to = sceneIndex === null ? (by > 0 ? 0 : -1) : sceneIndex + by;
  if (to >= 0 && to < scenes.length) showScene(to);
}

export function exportDeckText(): string {
  return deckJson(useStore.getState().scenes);
}

/** Adds a deck file's valid scenes at the end of the library; returns what was read and what was skipped. */
export function importDeck(text: string): { added: number; problems: string[] } {
  const read = parseDeck(text);
  const { scenes } = useStore.getState();
  const room = Math.max(0, MAX_SCENES - scenes.length);
  const taken: SceneContent[] = read.scenes.slice(0, room);
  const problems = [...read.problems];
  if (read.scenes.length > room) problems.push(`the library holds at most ${MAX_SCENES} scenes: ${read.scenes.length - room} not added`);
  const now = Date.now();
  if (taken.length) void commit([...scenes, ...taken.map((s, i) => ({ ...s, id: newId(), created: now + i }))]);
  return { added: taken.length, problems };
}
