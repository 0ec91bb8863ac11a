import type { Surface } from "../types";
import { compileFormula } from "./compileFormula";
import { findMinima, type Domain } from "./findMinima";
import type { FormulaError } from "./parseFormula";

/** A surface the user typed: its formula, its domain and optionally a start (else near a corner). */
export interface FormulaSpec {
  expression: string;
  domain: [[number, number], [number, number]];
  start?: [number, number];
}

export type FormulaSurface = { ok: true; surface: Surface } | { ok: false; error: FormulaError };

/** Where a typed surface's runs start when it names no start: a fifth of the way in from the lower-left corner. */
export function defaultStart(domain: Domain): [number, number] {
  return [domain.x[0] + 0.2 * (domain.x[1] - domain.x[0]), domain.y[0] + 0.2 * (domain.y[1] - domain.y[0])];
}

/** The lowest value on a grid of the domain, or at a minimum: the floor of the contour levels. */
function floorOf(f: (x: number, y: number) => number, domain: Domain, minima: readonly { value: number }[]): number {
  let lo = Infinity;
  for (const m of minima) lo = Math.min(lo, m.value);
  const n = 64;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      const v = f(domain.x[0] + (i / n) * (domain.x[1] - domain.x[0]), domain.y[0] + (j / n) * (domain.y[1] - domain.y[0]));
      if (v < lo) lo = v;
    }
  return Number.isFinite(lo) ? lo : 0;
}

/** A typed formula as a Surface the engine races on like a built-in one, minima found numerically. */
export function formulaSurface(spec: FormulaSpec): FormulaSurface {
  const compiled = compileFormula(spec.expression);
  if (!compiled.ok) return compiled;
  const { formula } = compiled;
  const domain: Domain = { x: spec.domain[0], y: spec.domain[1] };
  const critical = findMinima(formula, domain);
  return {
    ok: true,
    surface: {
      name: "formula",
      displayName: "f(x, y)",
      latex: formula.latex,
      f: formula.f,
      grad: formula.grad,
      hessian: formula.hessian,
      domain,
      start: spec.start ?? defaultStart(domain),
      critical,
      floor: floorOf(formula.f, domain, critical),
      note: "Your own function: gradient and Hessian are mathjs' symbolic derivatives; minima were found numerically (Newton's method from a grid of starts).",
    },
  };
}
