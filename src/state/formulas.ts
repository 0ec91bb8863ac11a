/**
 * The page's copy of the formula compiler (mathjs), loaded right away but apart from the
 * first bundle (see src/core/surfaces/formulaSupport.ts): the plot draws before it arrives,
 * and whatever needs it (a link, a file or a stored scene holding a typed surface) waits.
 */
export const formulasReady: Promise<void> = import("../core/surfaces/typedSurfaces").then(
  () => undefined,
  // Offline without a cache, say: built-in surfaces still work; a typed one says it cannot be read yet.
  () => undefined,
);
