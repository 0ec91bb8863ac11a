/** Types for adamFloor.mjs (plain JavaScript so it can run as its own process). */
export function adamFloor(steps: number): [number, number];
