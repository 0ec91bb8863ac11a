export { Race, type RaceOptions } from "./race";
export { Run, DIVERGENCE_LIMIT, optimizerParams, type RunMetrics, type RunStatus } from "./run";
export { Trace } from "./trace";
export { GaussianNoise } from "./noise";
export { minimaOf, nearestMinimum, withinTolerance, type Nearest } from "./minima";
export { runExperiment, type RaceOutput, type RunOutput } from "./output";
