import type { BooleanParam, NumberParam } from "../params";

/** Parameter specs shared by several optimizers (PyTorch names, camelCase). */

export const lr = (def: number): NumberParam => ({
  kind: "number", label: "Learning rate", symbol: "\\eta", default: def,
  min: 0, minExclusive: true, scale: "log", slider: [1e-5, 10],
});

export const beta1 = (def = 0.9): NumberParam => ({
  kind: "number", label: "Beta 1", symbol: "\\beta_1", default: def,
  min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0, 0.999],
});

export const beta2 = (def = 0.999): NumberParam => ({
  kind: "number", label: "Beta 2", symbol: "\\beta_2", default: def,
  min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0.5, 0.9999],
});

export const eps = (def: number): NumberParam => ({
  kind: "number", label: "Epsilon", symbol: "\\epsilon", default: def,
  min: 0, scale: "log", slider: [1e-12, 1],
});

export const weightDecay = (def = 0): NumberParam => ({
  kind: "number", label: "Weight decay", symbol: "\\lambda", default: def,
  min: 0, scale: "log", slider: [1e-5, 1],
  help: "0 turns it off; the slider's log scale starts at 1e-5",
});

export const momentum = (def: number, symbol = "\\mu"): NumberParam => ({
  kind: "number", label: "Momentum", symbol, default: def,
  min: 0, max: 1, maxExclusive: true, scale: "linear", slider: [0, 0.999],
});

export const flag = (label: string, def = false): BooleanParam => ({ kind: "boolean", label, default: def });
