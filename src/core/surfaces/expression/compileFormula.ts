import { CONSTANTS, FUNCTIONS, HELPERS } from "./limits";
import { derivative, toTex, type MathNode } from "./math";
import { checkDerived, parseFormula, type FormulaError } from "./parseFormula";
import { printJs } from "./printJs";
import { recent } from "../../recent";

/** A typed formula, compiled: f, its gradient and Hessian from mathjs' symbolic derivative. */
export interface CompiledFormula {
  f(x: number, y: number): number;
  grad(x: number, y: number, out: Float64Array): void;
  /** out = [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²] */
  hessian(x: number, y: number, out: Float64Array): void;
  /** f as LaTeX (mathjs' own printing of the checked tree). */
  latex: string;
  /** The JavaScript each function was compiled from (for the docs and the tests). */
  source: { f: string; grad: [string, string]; hessian: [string, string, string] };
}

export type Compiled = { ok: true; formula: CompiledFormula } | { ok: false; error: FormulaError };

/** Identifiers printed code may contain: the printer's own vocabulary, nothing else. */
const VOCABULARY = new Set(["x", "y", "sq", "Math.pow", ...Object.values(CONSTANTS), ...Object.values(FUNCTIONS)]);
const TOKEN = /\s+|\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?|[()+\-*/,]/y;

/**
 * Defence in depth: printed code is made of numbers, the vocabulary and ( ) + - * / , only.
 * printJs already guarantees this; a printer bug must not become a way to run code.
 */
function assertPrinted(src: string): void {
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`printed code has an unexpected character at ${at}`);
    if (/^[A-Za-z_]/.test(m[0]) && !VOCABULARY.has(m[0])) throw new Error(`printed code names ${m[0]}`);
  }
}

/** Formulas compiled lately, by text: validation, the surface cache and the editor all ask for the same one. */
const compiled = recent<Compiled>(16);

/**
 * Parses, checks, differentiates and compiles a typed formula f(x, y) (once per text: the
 * result is pure, so a repeat gets the same one). The code is printed
 * from the checked tree (printJs), verified token by token, and compiled once with
 * `new Function`; no text the user typed reaches it.
 */
export function compileFormula(text: unknown): Compiled {
  if (typeof text !== "string") return parseFormula(text) as Compiled;
  return compiled(text, () => compileNew(text));
}

function compileNew(text: string): Compiled {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed;
  const node = parsed.node;
  let dx: MathNode, dy: MathNode, dxx: MathNode, dxy: MathNode, dyy: MathNode;
  try {
    dx = derivative(node, "x");
    dy = derivative(node, "y");
    dxx = derivative(dx, "x");
    dxy = derivative(dx, "y");
    dyy = derivative(dy, "y");
  } catch (err) {
    return { ok: false, error: { message: `cannot be differentiated: ${String((err as Error).message ?? err)}` } };
  }
  for (const d of [dx, dy, dxx, dxy, dyy]) {
    const problem = checkDerived(d);
    if (problem) return { ok: false, error: { message: `its derivative is not supported: ${problem.message}` } };
  }
  const source = {
    f: printJs(node),
    grad: [printJs(dx), printJs(dy)] as [string, string],
    hessian: [printJs(dxx), printJs(dxy), printJs(dyy)] as [string, string, string],
  };
  for (const s of [source.f, ...source.grad, ...source.hessian]) assertPrinted(s);
  const make = (body: string) => new Function(`"use strict";\n${HELPERS}\n${body}`)();
  const formula: CompiledFormula = {
    f: make(`return function f(x, y) { return ${source.f}; };`),
    grad: make(`return function grad(x, y, out) { out[0] = ${source.grad[0]}; out[1] = ${source.grad[1]}; };`),
    hessian: make(`return function hessian(x, y, out) { out[0] = ${source.hessian[0]}; out[1] = ${source.hessian[1]}; out[2] = ${source.hessian[2]}; };`),
    latex: toTex(node),
    source,
  };
  return { ok: true, formula };
}
