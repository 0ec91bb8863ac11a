/** Agreement asked of every PyTorch fixture: relative to max(1, |coordinate|). */
export const RTOL = 1e-9;

/**
 * Torch's CPU kernels fuse multiply-adds and JavaScript never does, so engine and torch
 * differ by an ulp here and there. On well-conditioned cases that stays far below 1e-9.
 * A few cases are chaotic (an ulp nudge to the gradient moves the end point by up to ~1e-6:
 * the generators measure this as `sensitivity`); those must match to 1e-9 over their first
 * 50 steps and within 10⁴ × sensitivity after that.
 */
export const referenceTolerance = (sensitivity: number | undefined, step: number): number =>
  step <= 50 ? RTOL : Math.max(RTOL, 1e4 * (sensitivity ?? 0));
