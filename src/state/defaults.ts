import type { Experiment, RunSpec } from "../core/experiment/types";
import { PALETTE } from "./palette";

/** What the page opens with: the seeds' Rosenbrock shootout (seed 003, exercise 1). */
export function defaultExperiment(): Experiment {
  const runs: RunSpec[] = [
    { id: "sgd", label: "SGD", color: PALETTE[0], optimizer: { name: "sgd", lr: 0.001 } },
    { id: "momentum", label: "Momentum", color: PALETTE[1], optimizer: { name: "sgd", lr: 0.001, momentum: 0.9 } },
    { id: "adam", label: "Adam", color: PALETTE[2], optimizer: { name: "adam", lr: 0.01 } },
  ];
  return { surface: "rosenbrock", start: [-2, 2], steps: 5000, tolerance: 0.1, runs };
}
