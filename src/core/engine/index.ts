export { Race, type RaceOptions } from "./race";
export { Run, DIVERGENCE_LIMIT, type RunMetrics, type RunStatus } from "./run";
export { resolveRun, resolveOptimizer, resolveSchedule, type ResolvedRun, type ResolvedOptimizer, type ResolvedSchedule, type RunContext } from "./resolveRun";
export { Trace } from "./trace";
export { GaussianNoise } from "./noise";
export { minimaOf, nearestMinimum, withinTolerance, type Nearest } from "./minima";
export { runExperiment, type RaceOutput, type RunOutput } from "./output";
export { CSV_HEADER, csvText, csvNumber, raceCsv, raceCsvChunks, type CsvRun } from "./csv";
