import type { Experiment } from "../core/experiment/types";
import { isFormula, type FormulaRef, type Surface, type SurfaceRef } from "../core/surfaces";
import { dropUnusableBatches } from "./batches";

const sameDomain = (a: FormulaRef["domain"], b: FormulaRef["domain"]) => a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);

/**
 * The experiment moved onto another surface, or why it cannot be (a message that follows
 * "f(x, y)" or the surface's name).
 *
 * Another surface is another lesson: its caption and view go, and every run starts from
 * the new surface's own start. Editing a typed surface is different: the user is refining
 * the same picture, so a start that is still inside the domain (and where f is defined)
 * stays put, and so does the view while the domain is unchanged; only starts that fell
 * outside or onto an undefined point go back to the surface's default.
 */
export function moveToSurface(e: Experiment, ref: SurfaceRef, surface: Surface): Experiment | { refused: string } {
  const { view, title: _t, caption: _c, ...rest } = e;
  const from = e.surface;
  const editing = isFormula(from) && isFormula(ref);
  const { x, y } = surface.domain;
  const usable = (p: readonly [number, number] | undefined): p is [number, number] =>
    p !== undefined && p[0] >= x[0] && p[0] <= x[1] && p[1] >= y[0] && p[1] <= y[1] && Number.isFinite(surface.f(p[0], p[1]));

  const start: [number, number] = editing && usable(e.start) ? e.start : [surface.start[0], surface.start[1]];
  const runs = e.runs.map(({ start: own, ...r }) => dropUnusableBatches(editing && usable(own) ? { ...r, start: own } : r, surface));
  const value = surface.f(start[0], start[1]);
  if (runs.some((r) => !r.start) && !Number.isFinite(value)) {
    const at = start.map((v) => +v.toPrecision(6)).join(", ");
    return {
      refused: `is not defined at the start (${at}): it gives ${value} there. Change the formula, or the domain (runs start a fifth of the way in from its lower-left corner)`,
    };
  }
  const keepView = editing && view && isFormula(from) && isFormula(ref) && sameDomain(from.domain, ref.domain);
  return { ...rest, ...(keepView ? { view } : {}), surface: ref, start, runs };
}
