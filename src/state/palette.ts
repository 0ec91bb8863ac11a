/**
 * Run colours: Paul Tol's colour-blind-safe "vibrant" and "muted" qualitative sets,
 * ten distinct hues that stay readable over the contour colours in both themes.
 */
export const PALETTE = ["#0077bb", "#ee7733", "#009988", "#cc3311", "#ee3377", "#33bbee", "#aa4499", "#ddcc77", "#332288", "#bbbbbb"] as const;

/** The first palette colour no run uses yet (cycling when all are taken). */
export function nextColor(used: readonly (string | undefined)[]): string {
  const taken = new Set(used.map((c) => c?.toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[used.length % PALETTE.length];
}
