/**
 * Run colours and line styles: the one place a run's look is decided (run cards, plot
 * paths, charts, leaderboard and the update-rule panel all ask `runColor` / `runDash`).
 *
 * Twelve colours, one per allowed run. They were picked (greedy max–min search, then by
 * eye) so that every pair stays apart by ΔE*ab ≥ 12 in normal vision and under simulated
 * protanopia, deuteranopia and tritanopia (Machado et al. 2009), and every colour has a
 * relative luminance between 0.15 and 0.25: ≥ 3:1 (WCAG non-text contrast) against the
 * white casing paths get in the light theme and the near-black one in the dark theme.
 * palette.test.ts measures both. Beyond eight runs hue alone asks too much of the eye, so
 * runs 9–12 are also dashed.
 */
export const PALETTE = [
  "#0077bb", // blue
  "#d55e00", // vermillion
  "#009988", // teal
  "#9966ff", // lavender
  "#dd3377", // raspberry
  "#a65d38", // brown
  "#9d1aff", // violet
  "#7788aa", // slate
  "#dd33cc", // orchid (dashed)
  "#559922", // green (dashed)
  "#ff2266", // red (dashed)
  "#bb11dd", // purple (dashed)
] as const;

/** How many palette colours are told apart by hue alone; the rest are dashed too. */
export const SOLID_COLOURS = 8;

/** Dash patterns (in line widths) for the dashed colours, each different. */
const DASHES: readonly (readonly number[])[] = [
  [6, 3],
  [2, 3],
  [8, 3, 2, 3],
  [4, 4],
];

/** The colour a run is drawn in: its own, else the palette's colour for its place. */
export function runColor(run: { color?: string }, index: number): string {
  return run.color ?? PALETTE[index % PALETTE.length];
}

/**
 * The dash pattern of a run's path (empty: solid), in line widths. A palette colour carries
 * its dash with it (so removing a run never restyles the others); a colour of the user's
 * own choosing is dashed by the run's place, past the eighth.
 */
export function runDash(run: { color?: string }, index: number): readonly number[] {
  const color = runColor(run, index).toLowerCase();
  const at = PALETTE.indexOf(color as (typeof PALETTE)[number]);
  const place = at >= 0 ? at : index;
  return place < SOLID_COLOURS ? [] : DASHES[(place - SOLID_COLOURS) % DASHES.length];
}

/** The first palette colour no run uses yet (cycling when all are taken). */
export function nextColor(used: readonly (string | undefined)[]): string {
  const taken = new Set(used.map((c) => c?.toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[used.length % PALETTE.length];
}

/**
 * CSS background of a run's swatch (run cards, leaderboard, update rule): its colour, or,
 * for a dashed run, stripes in its dash pattern (1 px per unit), so the swatch tells
 * which path is whose where hue alone would not.
 */
export function swatchBackground(color: string, dash: readonly number[]): string {
  if (dash.length === 0) return color;
  const stops: string[] = [];
  let at = 0;
  dash.forEach((len, i) => {
    const paint = i % 2 === 0 ? color : "transparent";
    stops.push(`${paint} ${at}px ${at + len}px`);
    at += len;
  });
  return `repeating-linear-gradient(90deg, ${stops.join(", ")})`;
}
