import { surfaceKey } from "../../core/surfaces";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { downloadFile } from "../download";
import { DEFAULT_DURATION_S, DURATIONS_S, recordRace, webmType, type Recording } from "./animationExport";
import { csvRuns, raceCsvBlob } from "./csvExport";
import { exportName, takePlotSnapshot } from "./plotSnapshot";
import { plotPng } from "./pngExport";
import { plotSvg } from "./svgExport";
import "./exportMenu.css";

type Kind = "png" | "svg" | "csv" | "webm";

const ITEMS: { kind: Kind; label: string }[] = [
  { kind: "png", label: "Plot as PNG" },
  { kind: "svg", label: "Plot as SVG" },
  { kind: "csv", label: "Race as CSV" },
  { kind: "webm", label: "Animation (WebM)" },
];

const say = (m: string, kind: "error" | "info" = "error") => useStore.getState().setMessage(m, kind);
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The Classroom toolbar's "Export" menu (a WAI-ARIA menu button: ↑/↓/Home/End move between
 * items, Enter or Space picks one, Escape closes and returns focus to "Export"). While the
 * animation records, a progress bar and a Cancel button stand under the button instead.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Kind | null>(null);
  const [duration, setDuration] = useState<number>(DEFAULT_DURATION_S);
  const [progress, setProgress] = useState(0);
  const recording = useRef<Recording | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>("[role^=menuitem]") ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  // An unmounted menu (lecture mode, embed) must not leave a recorder running.
  useEffect(() => () => recording.current?.cancel(), []);

  const run = async (kind: Kind) => {
    close(true);
    if (kind === "webm" && !webmType()) {
      say("Animation: this browser has no MediaRecorder that writes WebM, so the race cannot be recorded here (Chrome, Edge and Firefox can)");
      return;
    }
    setBusy(kind);
    try {
      if (kind === "csv") {
        const s = useStore.getState();
        downloadFile(exportName(surfaceKey(s.experiment.surface), "race", "csv"), raceCsvBlob(csvRuns(s, trajectories)));
        return;
      }
      const snap = await takePlotSnapshot();
      if (kind === "png") downloadFile(exportName(snap.surface, "plot", "png"), await plotPng(snap));
      else if (kind === "svg") downloadFile(exportName(snap.surface, "plot", "svg"), plotSvg(snap), "image/svg+xml");
      else {
        setProgress(0);
        const rec = recordRace(snap, duration, setProgress);
        recording.current = rec;
        const video = await rec.done;
        if (video) {
          downloadFile(exportName(snap.surface, "race", "webm"), video);
          say(`Animation saved: ${duration} s, ${(video.size / 1e6).toFixed(1)} MB`, "info");
        } else say("Animation cancelled: nothing saved", "info");
      }
    } catch (err) {
      say(`Export failed: ${reason(err)}`);
    } finally {
      recording.current = null;
      setBusy(null);
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(list.length - 1);
    else if (e.key === "Escape") close(true);
    else if (e.key === "Tab") setOpen(false);
    else return;
    if (e.key !== "Tab") {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div className="export" ref={root}>
      <button
        ref={toggle}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy !== null}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      <div className="export-menu" id={menuId} role="menu" aria-label="Export" hidden={!open} ref={menu} onKeyDown={onMenuKey}>
        {ITEMS.map((item) => (
          <button key={item.kind} type="button" role="menuitem" tabIndex={-1} onClick={() => void run(item.kind)}>
            {item.label}
          </button>
        ))}
        <div role="group" aria-label="Animation length" className="export-durations">
          <span aria-hidden="true">Length</span>
          {DURATIONS_S.map((d) => (
            <button key={d} type="button" role="menuitemradio" aria-checked={duration === d} tabIndex={-1} onClick={() => setDuration(d)}>
              {d} s
            </button>
          ))}
        </div>
      </div>
      {busy === "webm" && (
        <div className="export-progress" role="group" aria-label="Recording the animation">
          <span>Recording…</span>
          <div className="export-bar" role="progressbar" aria-label="Animation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
            <div style={{ width: `${progress * 100}%` }} />
          </div>
          <button type="button" onClick={() => recording.current?.cancel()}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
