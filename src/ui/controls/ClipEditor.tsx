import { useId, useRef } from "react";
import type { ClipSpec, RunSpec } from "../../core/experiment/types";
import type { NumberParam } from "../../core/params";
import { useStore } from "../../state/store";
import { ParamControl } from "./ParamControl";

// Ranges match the experiment schema (both must be > 0); sliders cover the useful span.
const maxNormSpec: NumberParam = {
  kind: "number", label: "Max norm", symbol: "c", default: 1, min: 0, minExclusive: true, scale: "log", slider: [1e-3, 100],
  help: "torch.nn.utils.clip_grad_norm_: the gradient is scaled down when its norm exceeds this.",
};
const clipValueSpec: NumberParam = {
  kind: "number", label: "Clip value", symbol: "c", default: 1, min: 0, minExclusive: true, scale: "log", slider: [1e-3, 100],
  help: "torch.nn.utils.clip_grad_value_: each gradient coordinate is clamped to [−c, c].",
};

/** Gradient clipping of one run: off, by norm (2 or ∞) or by value. */
export function ClipEditor({ run }: { run: RunSpec }) {
  const id = useId();
  const setClip = useStore((s) => s.setClip);
  const clip = run.clip;
  // Switching off and on again brings back the last settings of each mode.
  const last = useRef<{ norm: ClipSpec; value: ClipSpec }>({ norm: { mode: "norm", maxNorm: 1 }, value: { mode: "value", clipValue: 1 } });
  if (clip) last.current[clip.mode] = clip;

  return (
    <fieldset className="editor-group">
      <legend>Gradient clipping</legend>
      <div className="param param-box-only">
        <label className="param-label" htmlFor={`${id}-mode`}>
          Clipping
        </label>
        <select
          id={`${id}-mode`}
          className="param-select"
          value={clip?.mode ?? "off"}
          onChange={(e) => {
            const mode = e.currentTarget.value;
            setClip(run.id, mode === "norm" || mode === "value" ? last.current[mode] : undefined);
          }}
        >
          <option value="off">Off</option>
          <option value="norm">By norm</option>
          <option value="value">By value</option>
        </select>
      </div>
      {clip?.mode === "norm" && (
        <>
          <ParamControl spec={maxNormSpec} value={clip.maxNorm} onCommit={(v) => { if (v !== undefined) setClip(run.id, { ...clip, maxNorm: v }); }} />
          <div className="param param-box-only">
            <label className="param-label" htmlFor={`${id}-norm`}>
              Norm type
            </label>
            <select
              id={`${id}-norm`}
              className="param-select"
              value={clip.normType === "inf" ? "inf" : "2"}
              onChange={(e) => setClip(run.id, { ...clip, normType: e.currentTarget.value === "inf" ? "inf" : 2 })}
            >
              <option value="2">2 (Euclidean)</option>
              <option value="inf">∞ (largest coordinate)</option>
            </select>
          </div>
        </>
      )}
      {clip?.mode === "value" && (
        <ParamControl spec={clipValueSpec} value={clip.clipValue} onCommit={(v) => { if (v !== undefined) setClip(run.id, { mode: "value", clipValue: v }); }} />
      )}
    </fieldset>
  );
}
