/**
 * Glue between the store, the worker and the trajectory buffers: an engine-relevant
 * change to the experiment is validated and sent to the worker, which re-runs the race
 * up to the current step (so a slider drag reshapes the paths at once, and a playing
 * race continues from the same step with the new settings).
 */
import type { SurfaceRef } from "../core/surfaces";
import { formatError, validateExperiment } from "../core/experiment";
import { createBridge, createContourBridge, type ContourBridge, type EngineBridge } from "../worker/bridge";
import { MAX_BROWSER_STEPS, type FromWorker, type View } from "../worker/protocol";
import { ContourRequests, type ContourReply } from "./contourRequests";
import { firstSettledStep, raceSettledAt, settleInputs } from "./settled";
import { engineKey, useStore } from "./store";
import { trajectories } from "./trajectories";

export { MAX_BROWSER_STEPS };

export interface EngineController {
  /** Generation of the latest race sent to the worker (each engine-relevant change bumps it). */
  readonly generation: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(count?: number): void;
  reset(): void;
  runToEnd(): void;
  /** Starts the race afresh and computes it up to `step` (a loaded link, preset or scene), paused there. */
  restartAt(step: number): void;
  setSpeed(speed: number): void;
  requestContours(surface: SurfaceRef, view: View, nx: number, ny: number, levels: number): Promise<ContourReply>;
  /** The step inspector's numbers for `runId` at shown step `step` (see core/engine/inspect.ts), computed in the worker. */
  inspect(runId: string, step: number, seriesUpTo: number | null): Promise<InspectReply>;
}

export type InspectReply = FromWorker & { type: "inspect" };

let controller: EngineController | null = null;

export function getEngine(): EngineController {
  if (!controller) controller = startEngine(createBridge(), [createContourBridge(0), createContourBridge(1)]);
  return controller;
}

function startEngine(bridge: EngineBridge, contourWorkers: ContourBridge[]): EngineController {
  let generation = 0;
  let lastKey = "";
  let progressQueued = false;
  const contours = new ContourRequests(contourWorkers, (message) => useStore.getState().setMessage(message));

  const pushProgress = () => {
    if (progressQueued) return;
    progressQueued = true;
    requestAnimationFrame(() => {
      progressQueued = false;
      useStore.getState().setProgress(trajectories.step, trajectories.done, trajectories.playing);
    });
  };

  let inspectId = 0;
  const inspections = new Map<number, (reply: InspectReply) => void>();

  /** Whether the next batch follows a reset (it then replays steps the page had already shown). */
  let afterReset = true;
  bridge.subscribe((msg) => {
    if (msg.type === "inspect") {
      inspections.get(msg.requestId)?.(msg);
      inspections.delete(msg.requestId);
      return;
    }
    if (msg.type === "error") {
      useStore.getState().setMessage(`Engine: ${msg.message}`);
      return;
    }
    const before = trajectories.step;
    if (!trajectories.receive(msg, generation)) return;
    if (msg.type === "reset") afterReset = true;
    else if (msg.type === "batch") {
      // After a reset the batch replays steps already shown (a slider drag while playing):
      // only its head is new, so only the head is checked; else every step it brought.
      // A race played at Max speed can reach its horizon within one batch: `done`, no longer playing.
      stopIfSettled(msg.playing || msg.done, afterReset ? trajectories.step : before + 1);
      afterReset = false;
    }
    pushProgress();
  });

  /** "Stop when settled": pause at the first step in [from, head] where every visible run has converged or diverged. */
  const stopIfSettled = (batchPlaying: boolean, from: number) => {
    const s = useStore.getState();
    if (!batchPlaying || !s.playing || !s.experiment.stopWhenSettled) return;
    const { runs, ctx } = settleInputs(s.experiment, trajectories);
    const at = firstSettledStep(runs, from, trajectories.step, ctx);
    if (at === null) return;
    s.setPlaying(false);
    bridge.send({ type: "pause", atStep: at });
  };

  const load = (keepStep: boolean) => {
    const { experiment, setMessage } = useStore.getState();
    const checked = validateExperiment(experiment);
    if (!checked.ok) {
      setMessage(formatError(checked.errors[0]));
      return;
    }
    if (experiment.steps > MAX_BROWSER_STEPS) {
      setMessage(`steps: ${experiment.steps} is more than the browser keeps; allowed: at most ${MAX_BROWSER_STEPS.toLocaleString("en")} (use the CLI for longer races)`);
      return;
    }
    setMessage(null);
    generation++;
    bridge.send({ type: "load", generation, experiment, keepStep });
  };

  useStore.subscribe((state) => {
    const key = engineKey(state.experiment);
    if (key !== lastKey) {
      lastKey = key;
      load(true);
    }
  });
  lastKey = engineKey(useStore.getState().experiment);
  load(false);

  const api: EngineController = {
    get generation() {
      return generation;
    },
    play() {
      const s = useStore.getState();
      if (trajectories.done) return;
      // Settled with "Stop when settled" on: playing would stop again at the next step (Space, like the disabled Play button, does nothing).
      if (s.experiment.stopWhenSettled && raceSettledAt(s.experiment, trajectories, trajectories.step)) return;
      s.setScrub(null);
      s.setPlaying(true);
      bridge.send({ type: "play", speed: s.speed });
    },
    pause() {
      const s = useStore.getState();
      s.setPlaying(false);
      bridge.send({ type: "pause", atStep: s.step });
    },
    togglePlay() {
      if (useStore.getState().playing) api.pause();
      else api.play();
    },
    step(count = 1) {
      useStore.getState().setScrub(null);
      useStore.getState().setPlaying(false);
      bridge.send({ type: "step", count });
    },
    reset() {
      useStore.getState().setScrub(null);
      useStore.getState().setPlaying(false);
      bridge.send({ type: "reset" });
    },
    runToEnd() {
      useStore.getState().setScrub(null);
      useStore.getState().setPlaying(false);
      bridge.send({ type: "runToEnd" });
    },
    restartAt(step) {
      api.reset();
      const n = Math.min(Math.max(0, Math.floor(step)), useStore.getState().experiment.steps);
      if (n > 0) bridge.send({ type: "step", count: n });
    },
    setSpeed(speed) {
      useStore.getState().setSpeed(speed);
      bridge.send({ type: "speed", speed });
    },
    requestContours(surface, view, nx, ny, levels) {
      return contours.request(surface, view, nx, ny, levels);
    },
    inspect(runId, step, seriesUpTo) {
      const requestId = ++inspectId;
      return new Promise((resolve) => {
        inspections.set(requestId, resolve);
        bridge.send({ type: "inspect", requestId, runId, step, seriesUpTo });
      });
    },
  };
  return api;
}
