import { useId } from "react";
import { getEngine } from "../../state/engine";
import { SPEEDS } from "../../state/playbackSlice";
import { raceSettledAt } from "../../state/settled";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { EndIcon, PauseIcon, PlayIcon, ResetIcon, StepIcon } from "./icons";
import { StepsField } from "./StepsField";
import "./controls.css";

const speedValue = (s: number) => (Number.isFinite(s) ? String(s) : "max");
const speedLabel = (s: number) => (Number.isFinite(s) ? `${s.toLocaleString("en")} ${s === 1 ? "step" : "steps"}/s` : "Max");

/**
 * Playback under the plot: play / pause, one step, reset, run to the end, speed, the
 * timeline scrubber and the step counter. The step it shows is the timeline's while
 * scrubbing, else the head of the race. With "Stop when settled" on, playing pauses once
 * every visible run has converged or diverged (engine.ts), and Play stays off while the race
 * is settled: it would stop again at the very next step.
 */
export function Transport() {
  const speedId = useId();
  const settledId = useId();
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  const head = useStore((s) => s.step);
  const scrub = useStore((s) => s.scrub);
  const speed = useStore((s) => s.speed);
  const total = useStore((s) => s.experiment.steps);
  const stopWhenSettled = useStore((s) => s.experiment.stopWhenSettled ?? false);
  const setStopWhenSettled = useStore((s) => s.setStopWhenSettled);
  // Read when the head moves (this component re-renders on every progress update).
  const settled = stopWhenSettled && !playing && !done && raceSettledAt(useStore.getState().experiment, trajectories, head);
  const shown = scrub === null ? head : Math.min(scrub, head);
  const engine = getEngine();

  const onScrub = (v: number) => {
    const s = useStore.getState();
    if (v >= s.step) return s.setScrub(null);
    // Looking back pauses the race: the head would otherwise run away from what is shown.
    if (s.playing) engine.pause();
    s.setScrub(v);
  };

  return (
    <div className="transport panel" role="group" aria-label="Playback">
      <div className="transport-buttons">
        <button
          type="button"
          className="ctl-primary play"
          onClick={() => engine.togglePlay()}
          disabled={(done || settled) && !playing}
          aria-describedby={settled ? settledId : undefined}
          title={
            done
              ? "The race is over: Reset to run it again"
              : settled
                ? "Every visible run has converged or diverged: untick Stop when settled to play on"
                : playing
                  ? "Pause (Space)"
                  : "Play (Space)"
          }
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          {playing ? "Pause" : "Play"}
        </button>
        <button type="button" onClick={() => engine.step(1)} disabled={done} title="One step (→)">
          <StepIcon />
          Step
        </button>
        <button type="button" onClick={() => engine.reset()} title="Back to step 0 (R)">
          <ResetIcon />
          Reset
        </button>
        <button type="button" onClick={() => engine.runToEnd()} disabled={done} title="Compute every step at once">
          <EndIcon />
          Run to end
        </button>
      </div>
      <input
        className="timeline"
        type="range"
        aria-label="Timeline"
        min={0}
        max={head}
        step={1}
        value={shown}
        aria-valuetext={`Step ${shown} of ${head} computed`}
        onChange={(e) => onScrub(Number(e.currentTarget.value))}
      />
      <output className="step-counter" aria-label="Step" aria-live="off" data-step={shown} title={scrub === null ? "Step of the race" : "Step shown by the timeline"}>
        <span className={scrub === null ? undefined : "scrubbed"}>{shown}</span>
        <span className="ctl-muted"> / {total}</span>
      </output>
      <div className="speed">
        <label htmlFor={speedId}>Speed</label>
        <select id={speedId} value={speedValue(speed)} onChange={(e) => engine.setSpeed(e.currentTarget.value === "max" ? Infinity : Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={speedValue(s)} value={speedValue(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <StepsField />
      <label className="stop-settled" title="Pause at the first step where every visible run has converged or diverged">
        <input type="checkbox" checked={stopWhenSettled} onChange={(e) => setStopWhenSettled(e.currentTarget.checked)} />
        Stop when settled
      </label>
      <span className="settled-note" id={settledId} role="status">
        {settled ? "Settled: every visible run has converged or diverged" : ""}
      </span>
    </div>
  );
}
