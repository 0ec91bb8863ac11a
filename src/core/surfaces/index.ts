import { ackley } from "./ackley";
import { beale } from "./beale";
import { booth } from "./booth";
import { cliff } from "./cliff";
import { bowl } from "./bowl";
import { goldsteinPrice } from "./goldsteinPrice";
import { himmelblau } from "./himmelblau";
import { matyas } from "./matyas";
import { quadratic } from "./quadratic";
import { quartic } from "./quartic";
import { rastrigin } from "./rastrigin";
import { ravine } from "./ravine";
import { rosenbrock } from "./rosenbrock";
import { saddle } from "./saddle";
import { sixHumpCamel } from "./sixHumpCamel";
import { styblinskiTang } from "./styblinskiTang";
import { dataSurface } from "../data/dataSurface";
import type { FormulaSurface } from "./expression/formulaSurface";
import { FORMULAS_LOADING, formulaSupport } from "./formulaSupport";
import { recent } from "../recent";
import type { Surface } from "./types";

export type { CriticalPoint, Surface } from "./types";

/** A typed surface as an experiment writes it: the formula in x and y and its domain [[x0, x1], [y0, y1]]. */
export interface FormulaRef {
  expression: string;
  domain: [[number, number], [number, number]];
}

/** What an experiment's `surface` names: a built-in surface by name, or a typed formula. */
export type SurfaceRef = string | FormulaRef;

/** The seed and size of the two data surfaces' datasets (seed 003 is the batch-size exercise's). */
export const DATA_SEED = 3;
export const DATA_SIZE = 256;

/** Built-in surfaces in menu order. A new surface is one file plus one line here. */
const builtIn: readonly Surface[] = [
  rosenbrock,
  bowl,
  ravine,
  quadratic,
  quartic,
  saddle,
  cliff,
  booth,
  matyas,
  beale,
  himmelblau,
  sixHumpCamel,
  goldsteinPrice,
  styblinskiTang,
  rastrigin,
  ackley,
  dataSurface({ model: "linearRegression", n: DATA_SIZE, seed: DATA_SEED }),
  dataSurface({ model: "logisticRegression", n: DATA_SIZE, seed: DATA_SEED }),
];

/** The registry, keyed by `Surface.name`. */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze(
  Object.fromEntries(builtIn.map((s) => [s.name, s])),
);

export const surfaceNames: string[] = Object.keys(surfaces);

/** Whether a surface reference is a typed formula (an object) rather than a built-in's name. */
export const isFormula = (ref: unknown): ref is FormulaRef => typeof ref === "object" && ref !== null;

/** Typed surfaces compiled lately, by formula and domain: a page asks for the same one on every frame. */
const compiled = recent<FormulaSurface>(16);

/**
 * A typed surface compiled (gradient and Hessian derived, minima found) once per formula
 * and domain, or what is wrong with its formula.
 */
export function compileSurface(ref: FormulaRef): FormulaSurface {
  const support = formulaSupport();
  if (!support) return { ok: false, error: { message: FORMULAS_LOADING } };
  return compiled(JSON.stringify([ref.expression, ref.domain]), () => support.formulaSurface({ expression: ref.expression, domain: ref.domain }));
}

/**
 * The surface `ref` names: a built-in by name (never an inherited key such as "toString"),
 * or a typed formula compiled; undefined when there is no such surface or the formula is
 * refused (see compileSurface for why).
 */
export function getSurface(ref: SurfaceRef): Surface | undefined {
  if (isFormula(ref)) {
    const result = compileSurface(ref);
    return result.ok ? result.surface : undefined;
  }
  return Object.hasOwn(surfaces, ref) ? surfaces[ref] : undefined;
}

/** The surface `ref` names, for code handed a validated experiment: throws (saying why) when there is none. */
export function requireSurface(ref: SurfaceRef): Surface {
  const surface = getSurface(ref);
  if (surface) return surface;
  if (isFormula(ref)) {
    const result = compileSurface(ref);
    throw new Error(`the typed surface ${JSON.stringify(ref.expression)} ${result.ok ? "" : result.error.message}`);
  }
  throw new Error(`unknown surface "${ref}"`);
}

/** A short name of the surface `ref` names, for messages and file names: the built-in's name, or "formula". */
export function surfaceKey(ref: SurfaceRef): string {
  return isFormula(ref) ? "formula" : ref;
}
