import { getSurface, surfaceKey } from "../../core/surfaces";
import { useId, useRef, useState } from "react";
import { MAX_NARRATION, MAX_SCENE_NAME, type Scene } from "../../state/deckFile";
import { deleteScene, exportDeckText, importDeck, moveScene, renameScene, saveScene, showScene } from "../../state/scenes";
import { useStore } from "../../state/store";
import { downloadFile } from "../download";
import { Modal } from "./Modal";
import { enterLecture } from "./lectureMode";

function SaveSceneForm() {
  const nameId = useId();
  const narrationId = useId();
  const [name, setName] = useState("");
  const [narration, setNarration] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problem = saveScene(name, narration);
    setError(problem);
    if (problem === null) {
      setSaved(name.trim());
      setName("");
      setNarration("");
    }
  };
  return (
    <form className="scene-save" onSubmit={submit} aria-label="Save the page as a scene" noValidate>
      <label htmlFor={nameId}>Name</label>
      <input id={nameId} type="text" value={name} maxLength={MAX_SCENE_NAME} required aria-invalid={error?.startsWith("Name") || undefined} onChange={(e) => setName(e.currentTarget.value)} />
      <label htmlFor={narrationId}>Narration (optional, shown in lecture mode)</label>
      <textarea id={narrationId} rows={3} value={narration} maxLength={MAX_NARRATION} onChange={(e) => setNarration(e.currentTarget.value)} />
      <button type="submit" className="ctl-primary">
        Save scene
      </button>
      {error && (
        <p className="scene-error" role="alert">
          {error}
        </p>
      )}
      {!error && saved && (
        <p className="scene-ok" role="status">
          Saved “{saved}” at the end of the deck.
        </p>
      )}
    </form>
  );
}

function SceneRow({ scene, index, count, shown }: { scene: Scene; index: number; count: number; shown: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const finish = (apply: boolean) => {
    if (apply && draft !== null) {
      const problem = renameScene(scene.id, draft);
      setError(problem);
      if (problem) return;
    }
    setDraft(null);
    setError(null);
    setTimeout(() => renameRef.current?.focus(), 0);
  };
  const surface = getSurface(scene.experiment.surface)?.displayName ?? surfaceKey(scene.experiment.surface);
  const runs = scene.experiment.runs.length;
  return (
    <li className={shown ? "scene-row scene-shown" : "scene-row"} aria-current={shown || undefined}>
      <span className="scene-number">{index + 1}.</span>
      <div className="scene-text">
        {draft === null ? (
          <span className="scene-name">{scene.name}</span>
        ) : (
          <input
            type="text"
            aria-label={`New name for scene ${index + 1}`}
            value={draft}
            maxLength={MAX_SCENE_NAME}
            autoFocus
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") finish(true);
              else if (e.key === "Escape") {
                // Gives up the rename only, not the whole dialog.
                e.preventDefault();
                e.stopPropagation();
                finish(false);
              }
            }}
          />
        )}
        <span className="scene-meta">
          {surface} · {runs} {runs === 1 ? "run" : "runs"} · {scene.experiment.steps} steps
        </span>
        {error && (
          <span className="scene-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="scene-actions">
        <button type="button" onClick={() => showScene(index)} aria-label={`Show scene ${index + 1}: ${scene.name}`}>
          Show
        </button>
        {draft === null ? (
          <button type="button" ref={renameRef} onClick={() => setDraft(scene.name)} aria-label={`Rename scene ${index + 1}`}>
            Rename
          </button>
        ) : (
          <button type="button" onClick={() => finish(true)}>
            Apply name
          </button>
        )}
        <button type="button" onClick={() => moveScene(scene.id, -1)} disabled={index === 0} aria-label={`Move scene ${index + 1} up`} title="Earlier in the deck">
          ↑
        </button>
        <button type="button" onClick={() => moveScene(scene.id, 1)} disabled={index === count - 1} aria-label={`Move scene ${index + 1} down`} title="Later in the deck">
          ↓
        </button>
        <button type="button" onClick={() => deleteScene(scene.id)} aria-label={`Delete scene ${index + 1}: ${scene.name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

function DeckFiles() {
  const scenes = useStore((s) => s.scenes);
  const fileRef = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ added: number; problems: string[] } | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(importDeck(await file.text()));
    if (fileRef.current) fileRef.current.value = "";
  };
  return (
    <div className="deck-files">
      <button type="button" disabled={scenes.length === 0} onClick={() => downloadFile("downhill-deck.json", exportDeckText(), "application/json")}>
        Export deck
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>
        Import deck
      </button>
      <input ref={fileRef} type="file" accept="application/json,.json" className="visually-hidden" tabIndex={-1} aria-label="Deck file to import" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      {report && (
        <div className={report.problems.length ? "deck-report scene-error" : "deck-report"} role={report.problems.length ? "alert" : "status"}>
          <p>
            {report.added} {report.added === 1 ? "scene" : "scenes"} added
            {report.problems.length ? `; ${report.problems.length} ${report.problems.length === 1 ? "problem" : "problems"}:` : "."}
          </p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The scene library and deck: a toolbar button and its dialog. */
export function ScenesDialog() {
  const [open, setOpen] = useState(false);
  const scenes = useStore((s) => s.scenes);
  const sceneIndex = useStore((s) => s.sceneIndex);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Save the page as a scene; order scenes into a lecture deck">
        Scenes
      </button>
      <Modal open={open} onClose={close} label="Scenes" className="scenes">
        <div className="modal-head">
          <h2>Scenes</h2>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
        <SaveSceneForm />
        <h3>Deck</h3>
        {scenes.length === 0 ? (
          <p className="scene-empty">No scenes yet. Each scene keeps the whole experiment as the page shows it now.</p>
        ) : (
          <ol className="scene-list" aria-label="Deck">
            {scenes.map((s, i) => (
              <SceneRow key={s.id} scene={s} index={i} count={scenes.length} shown={i === sceneIndex} />
            ))}
          </ol>
        )}
        <div className="scenes-foot">
          <DeckFiles />
          <button
            type="button"
            onClick={() => {
              close();
              enterLecture();
            }}
          >
            Start lecture
          </button>
        </div>
      </Modal>
    </>
  );
}
