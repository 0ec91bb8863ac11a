/**
 * The address bar holds the experiment: a link opened (or pasted into this tab) is loaded,
 * salvaged field by field, before anything races; every later edit is written back to the
 * hash, debounced and with replaceState, so a reload keeps the state and the Back button
 * is not flooded with one entry per slider tick.
 */
import { defaultExperiment } from "./defaults";
import { formulaSupport } from "../core/surfaces/formulaSupport";
import { formulasReady } from "./formulas";
import { decodeLink, describeIgnored, encodeLink, linkNeedsFormulas } from "./shareLink";
import { loadExperiment, snapshotExperiment } from "./snapshot";
import { useStore, type AppState } from "./store";

/** Long enough that a slider drag or a playing race writes once, after it settles. */
export const URL_DEBOUNCE_MS = 300;

/** The hash this page last wrote or loaded: a hashchange to it is our own echo, not a new link. */
let current = "";

/** Loads the experiment in `hash`, if it holds one; says what was ignored and why. True when it did. */
export function loadFromHash(hash: string): boolean {
  const link = decodeLink(hash, defaultExperiment());
  if (!link) return false;
  loadExperiment(link.experiment);
  current = hash;
  // After loading: the engine clears the message when it accepts a race.
  useStore.getState().setMessage(link.ignored.length ? describeIgnored(link.ignored) : null);
  return true;
}

/** The full address of a link to the page's current state (or to the link `hash`, already encoded). */
export function currentLink(hash = encodeLink(snapshotExperiment())): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${hash}`;
}

/** Writes the current state (or its link, already encoded) into the address bar now (no history entry). */
export function writeHash(hash = encodeLink(snapshotExperiment())): void {
  if (hash === window.location.hash) return;
  current = hash;
  history.replaceState(history.state, "", hash);
}

const watched = (s: AppState) => [s.experiment, s.selectedRunId, s.scrub, s.step] as const;

/**
 * Restores the page from its hash, then keeps the hash in step with the store. Call once,
 * before the first render (after `formulasReady` when `linkNeedsFormulas`). Returns a
 * function that stops following.
 */
export function startUrlSync(): () => void {
  loadFromHash(window.location.hash);
  // Nothing is written until the state differs from what the page opened with: a plain URL stays plain.
  const opened = encodeLink(snapshotExperiment());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const hash = encodeLink(snapshotExperiment());
    if (!window.location.hash.startsWith("#e=") && hash === opened) return;
    writeHash(hash);
  };
  const unsubscribe = useStore.subscribe((state, prev) => {
    const now = watched(state);
    const before = watched(prev);
    if (now.every((v, i) => v === before[i])) return;
    clearTimeout(timer);
    timer = setTimeout(flush, URL_DEBOUNCE_MS);
  });
  const onHashChange = () => {
    if (window.location.hash === current) return;
    clearTimeout(timer);
    const hash = window.location.hash;
    if (linkNeedsFormulas(hash) && !formulaSupport()) void formulasReady.then(() => loadFromHash(hash));
    else loadFromHash(hash);
  };
  window.addEventListener("hashchange", onHashChange);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener("hashchange", onHashChange);
  };
}
