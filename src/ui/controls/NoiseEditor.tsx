import { useId, useRef } from "react";
import type { NoiseSpec, RunSpec } from "../../core/experiment/types";
import type { NumberParam } from "../../core/params";
import { useStore } from "../../state/store";
import { ParamControl } from "./ParamControl";

// Ranges match the experiment schema: std ≥ 0, seed a 32-bit unsigned integer.
const stdSpec: NumberParam = {
  kind: "number", label: "Noise std", symbol: "\\sigma", default: 0.1, min: 0, scale: "log", slider: [1e-3, 10],
  help: "Standard deviation of the Gaussian noise added to each gradient coordinate (0: none).",
};
const seedSpec: NumberParam = {
  kind: "integer", label: "Noise seed", symbol: "s", default: 0, min: 0, max: 4294967295, scale: "linear", slider: [0, 100],
  help: "The same seed gives the same noise, so a race can be replayed and shared.",
};

/** Gaussian gradient noise of one run (simulated stochastic gradients). */
export function NoiseEditor({ run }: { run: RunSpec }) {
  const id = useId();
  const setNoise = useStore((s) => s.setNoise);
  const noise = run.noise;
  const last = useRef<NoiseSpec>({ std: 0.1, seed: 0 });
  if (noise) last.current = noise;

  return (
    <fieldset className="editor-group">
      <legend>Gradient noise</legend>
      <div className="param param-check">
        <input id={id} type="checkbox" checked={Boolean(noise)} onChange={(e) => setNoise(run.id, e.currentTarget.checked ? last.current : undefined)} />
        <label htmlFor={id}>Gradient noise</label>
      </div>
      {noise && (
        <>
          <ParamControl spec={stdSpec} value={noise.std} onCommit={(v) => { if (v !== undefined) setNoise(run.id, { ...noise, std: v }); }} />
          <ParamControl spec={seedSpec} value={noise.seed} onCommit={(v) => { if (v !== undefined) setNoise(run.id, { ...noise, seed: v }); }} slider={false} />
        </>
      )}
    </fieldset>
  );
}
