import { formulasReady } from "../../state/formulas";
import { useEffect, useId, useRef, useState } from "react";
import { decodeText } from "../../core/experiment/jsonText";
import { formatError, parseExperiment } from "../../core/experiment/validate";
import { MAX_BROWSER_STEPS } from "../../state/engine";
import { MAX_UI_RUNS } from "../../state/experimentSlice";
import { encodeLink, experimentFileText, statusList } from "../../state/shareLink";
import { loadExperiment, snapshotExperiment } from "../../state/snapshot";
import { useStore } from "../../state/store";
import { currentLink, writeHash } from "../../state/urlSync";
import { downloadFile } from "../download";
import "./share.css";

export const EXPERIMENT_FILE = "downhill-experiment.json";
/** Twelve runs with every option, pretty-printed, are about 5 kB: a bigger file is not read into the page. */
const MAX_IMPORT_BYTES = 1024 * 1024;

/** What this page cannot race although the format allows it (the CLI can). */
function pageLimits(runs: number, steps: number): string | null {
  if (runs > MAX_UI_RUNS) return `runs: ${runs} runs; this page races at most ${MAX_UI_RUNS} (npm run race takes up to 32)`;
  if (steps > MAX_BROWSER_STEPS) return `steps: ${steps} is more than this page keeps (at most ${MAX_BROWSER_STEPS.toLocaleString("en")}; npm run race has no such limit)`;
  return null;
}

/**
 * A file the user picked is validated whole: if anything is wrong it is refused with its
 * errors, field by field, and the current experiment stays as it was (the user can fix the
 * file; a link's reader cannot, which is why links are salvaged instead).
 */
async function importFile(file: File): Promise<void> {
  const { setMessage } = useStore.getState();
  if (file.size > MAX_IMPORT_BYTES) {
    setMessage(`Not imported: ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an experiment file is at most 1 MB`);
    return;
  }
  const text = decodeText(new Uint8Array(await file.arrayBuffer()));
  if (text === null) {
    setMessage(`Not imported: ${file.name} is not UTF-8 or UTF-16 text`);
    return;
  }
  await formulasReady;
  const v = parseExperiment(text);
  if (!v.ok) {
    setMessage(`Not imported: ${file.name}: ${statusList(v.errors.map(formatError))}`);
    return;
  }
  const limit = pageLimits(v.experiment.runs.length, v.experiment.steps);
  if (limit) {
    setMessage(`Not imported: ${file.name}: ${limit}`);
    return;
  }
  loadExperiment(v.experiment);
  setMessage(`Imported ${file.name}`, "info");
}

function exportFile(): void {
  downloadFile(EXPERIMENT_FILE, experimentFileText(snapshotExperiment()), "application/json");
}

/**
 * The Classroom toolbar's "Share" menu: Copy link, Export experiment, Import experiment.
 * A disclosure (button + aria-expanded) rather than a role="menu": its items are ordinary
 * buttons reached with Tab; Escape or a click outside closes it and focus returns to "Share".
 */
export function ShareMenu() {
  const [open, setOpen] = useState(false);
  // Shown when the clipboard refuses: the link itself, selected, to copy by hand.
  const [manualLink, setManualLink] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const linkBox = useRef<HTMLInputElement>(null);
  const panelId = useId();

  const close = (refocus: boolean) => {
    setOpen(false);
    setManualLink(null);
    if (refocus) toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    // Opened with the mouse, the focus is handed back to the page (shortcuts keep working), so
    // Escape is heard on the document, not only inside the menu.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(root.current?.contains(document.activeElement) ?? false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useEffect(() => {
    if (manualLink !== null) linkBox.current?.select();
  }, [manualLink]);

  const copyLink = async () => {
    const hash = encodeLink(snapshotExperiment());
    writeHash(hash);
    const link = currentLink(hash);
    try {
      await navigator.clipboard.writeText(link);
      useStore.getState().setMessage("Link copied", "info");
      close(true);
    } catch {
      useStore.getState().setMessage("The browser refused the clipboard: copy the link from the box in the Share menu");
      setManualLink(link);
    }
  };

  return (
    <div
      className="share"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          close(true);
        }
      }}
    >
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => (open ? close(false) : setOpen(true))}>
        Share
      </button>
      <div className="share-panel" id={panelId} hidden={!open} role="group" aria-label="Share">
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
        <button
          type="button"
          onClick={() => {
            exportFile();
            close(true);
          }}
        >
          Export experiment
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import experiment
        </button>
        <input
          ref={fileInput}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          tabIndex={-1}
          aria-label="Experiment file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            close(true);
            void importFile(file);
          }}
        />
        {manualLink !== null && (
          <label className="share-link">
            Link to this experiment
            <input ref={linkBox} type="text" readOnly value={manualLink} onFocus={(e) => e.target.select()} />
          </label>
        )}
      </div>
    </div>
  );
}
