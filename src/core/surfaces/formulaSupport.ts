import type { Compiled } from "./expression/compileFormula";
import type { FormulaSpec, FormulaSurface } from "./expression/formulaSurface";
import type { FormulaError } from "./expression/parseFormula";

/**
 * Typed surfaces need mathjs (parsing and symbolic derivatives), about 190 kB gzipped: more
 * than the rest of the page's first load. So the core reaches the formula compiler through
 * this slot instead of importing it: the workers, the CLI and the tests install it at start
 * (typedSurfaces.ts), the page loads it right after its first render, and a link holding a
 * formula waits for it (src/state/formulas.ts). Type-only imports above: nothing of mathjs
 * is pulled in by this file.
 */
export interface FormulaSupport {
  compileFormula(text: unknown): Compiled;
  formulaSurface(spec: FormulaSpec): FormulaSurface;
}

let support: FormulaSupport | null = null;

export function installFormulaSupport(s: FormulaSupport): void {
  support = s;
}

/** The formula compiler, or null while it is still loading (in the page only). */
export function formulaSupport(): FormulaSupport | null {
  return support;
}

/** What a formula gets while the compiler is not there yet (the page's first moments). */
export const FORMULAS_LOADING = "cannot be read yet: the formula compiler is still loading; try again in a moment";

/** A formula's error as one phrase after its field's name: "at character 7: the function …". */
export function formulaErrorText({ message, position }: FormulaError): string {
  return position === undefined ? message : `at character ${position}: ${message}`;
}
