import type { RunSpec } from "./types";

/** `base` if free, else `base-2`, `base-3`, …: the first not in `taken`. */
export function uniqueRunId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Fills every missing run id from the run's optimizer name, made unique (`adam`,
 * `adam-2`). Ids the file gives win: generated ones avoid them wherever they appear.
 */
export function fillRunIds(runs: readonly (Omit<RunSpec, "id"> & { id?: string })[]): RunSpec[] {
  const taken = new Set(runs.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  return runs.map((r) => {
    if (r.id !== undefined) return r as RunSpec;
    const id = uniqueRunId(r.optimizer.name, taken);
    taken.add(id);
    const { id: _missing, ...rest } = r; // drops an explicit `id: undefined` too
    return { id, ...rest };
  });
}
