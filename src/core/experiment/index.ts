export * from "./types";
export { experimentSchema, optimizerSchema, scheduleSchema, clipSchema, noiseSchema, runSchema } from "./schema";
export { validateExperiment, parseExperiment, formatError, pathToField, type Validation, type ValidationError } from "./validate";
export { decodeText } from "./jsonText";
export { uniqueRunId } from "./runIds";
