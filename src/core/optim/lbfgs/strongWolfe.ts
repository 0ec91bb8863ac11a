import { cubicInterpolate, pyMax, pyMin } from "./cubicInterpolate";

/** f and ∇f at x + t·d (the closure of one evaluation); writes the gradient into `g`. */
export type DirectionalEvaluate = (t: number, g: Float64Array) => number;

export interface LineSearchResult {
  f: number;
  /** The gradient at the accepted point (a vector the caller may keep). */
  g: Float64Array;
  t: number;
  evaluations: number;
}

/** a · b, summed in index order (as torch sums a 2-element dot). */
export const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * PyTorch's `_strong_wolfe` (from Torch7's lswolfe.lua): bracket a step satisfying the
 * strong Wolfe conditions (c1 = 1e-4, c2 = 0.9) along `d` from step `t`, then zoom in with
 * cubic interpolation; at most 25 evaluations. Same branches and arithmetic as
 * torch/optim/lbfgs.py, so it returns the same step and the same number of evaluations.
 */
export function strongWolfe(evaluate: DirectionalEvaluate, d: Float64Array, t0: number, f: number, g: Float64Array, gtd: number, tolChange = 1e-9): LineSearchResult {
  const c1 = 1e-4;
  const c2 = 0.9;
  const maxLs = 25;
  let dNorm = 0;
  for (let i = 0; i < d.length; i++) dNorm = Math.max(dNorm, Math.abs(d[i]));
  let t = t0;
  let gNew = new Float64Array(d.length);
  let fNew = evaluate(t, gNew);
  let evaluations = 1;
  let gtdNew = dot(gNew, d);

  let tPrev = 0;
  let fPrev = f;
  let gPrev = Float64Array.from(g);
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Float64Array[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, Float64Array.from(gNew)], [gtdPrev, gtdNew]];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      [bracket, bracketF, bracketG] = [[t], [fNew], [gNew]];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, Float64Array.from(gNew)], [gtdPrev, gtdNew]];
      break;
    }
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = Float64Array.from(gNew);
    gtdPrev = gtdNew;
    gNew = new Float64Array(d.length);
    fNew = evaluate(t, gNew);
    evaluations++;
    gtdNew = dot(gNew, d);
    lsIter++;
  }
  if (lsIter === maxLs) {
    // PyTorch leaves bracket_gtd as it was here (unset on this path): the zoom below then
    // never runs, since ls_iter == max_ls, so only the three lists it reads are set.
    [bracket, bracketF, bracketG] = [[0, t], [f, fNew], [g, gNew]];
  }

  let insufProgress = false;
  let [lowPos, highPos] = bracketF[0] <= bracketF[bracketF.length - 1] ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) break;
    t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
    const bMax = pyMax(bracket[0], bracket[1]);
    const bMin = pyMin(bracket[0], bracket[1]);
    const eps = 0.1 * (bMax - bMin);
    if (pyMin(bMax - t, t - bMin) < eps) {
      if (insufProgress || t >= bMax || t <= bMin) {
        t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
        insufProgress = false;
      } else insufProgress = true;
    } else insufProgress = false;

    gNew = new Float64Array(d.length);
    fNew = evaluate(t, gNew);
    evaluations++;
    gtdNew = dot(gNew, d);
    lsIter++;

    if (fNew > f + c1 * t * gtd || fNew >= bracketF[lowPos]) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = Float64Array.from(gNew);
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = bracketF[0] <= bracketF[1] ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) done = true;
      else if (gtdNew * (bracket[highPos] - bracket[lowPos]) >= 0) {
        bracket[highPos] = bracket[lowPos];
        bracketF[highPos] = bracketF[lowPos];
        bracketG[highPos] = bracketG[lowPos];
        bracketGtd[highPos] = bracketGtd[lowPos];
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = Float64Array.from(gNew);
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return { t: bracket[lowPos], f: bracketF[lowPos], g: bracketG[lowPos], evaluations };
}
