import { formatError, validateExperiment } from "../../core/experiment/validate";
import { presets } from "../../presets";
import { loadExperiment } from "../../state/snapshot";
import { useStore } from "../../state/store";
import "./controls.css";

/** Loads preset `id`: its race, title and caption replace the page's (the unit tests validate every preset; this re-checks rather than trust). */
function choose(id: string): void {
  const preset = presets.find((p) => p.id === id);
  if (!preset) return;
  const v = validateExperiment(structuredClone(preset.experiment));
  const { setMessage } = useStore.getState();
  if (!v.ok) {
    setMessage(`Preset "${preset.title}" not loaded: ${v.errors.map(formatError).join(" · ")}`);
    return;
  }
  // No status line on success: it is for problems (drawn in the danger colour); the caption
  // and this select show which lesson is loaded.
  loadExperiment(v.experiment);
}

/**
 * The seeds' lessons, one click away. A native select, keyboard operable as every select is:
 * it shows the lesson the page holds (by its title), so the arrow keys step from one lesson
 * to the next, and "Presets…" once the lesson text is dismissed or replaced.
 */
export function PresetPicker() {
  const title = useStore((s) => s.experiment.title);
  const current = presets.find((p) => p.title === title)?.id ?? "";
  return (
    <select className="preset-picker" aria-label="Presets" value={current} onChange={(e) => choose(e.currentTarget.value)}>
      <option value="" disabled>
        Presets…
      </option>
      {presets.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title}
        </option>
      ))}
    </select>
  );
}
