/**
 * The one mathjs instance: only its parser, symbolic derivative and the light simplifiers
 * (the rest of mathjs, its evaluator included, is never built). A typed formula is parsed
 * here into a tree and never evaluated by mathjs; code is printed from the checked tree
 * (printJs.ts).
 */
import {
  create,
  derivativeDependencies,
  parseDependencies,
  simplifyConstantDependencies,
  simplifyCoreDependencies,
  simplifyDependencies,
  type MathNode,
} from "mathjs";

const math = create({ parseDependencies, derivativeDependencies, simplifyDependencies, simplifyCoreDependencies, simplifyConstantDependencies });

export type { MathNode };

export function parse(text: string): MathNode {
  return math.parse(text);
}

/**
 * ∂node/∂v, tidied only by folding constants and dropping 0 + …, 1 · …, u¹ (simplifyConstant,
 * simplifyCore): the chain rule's own shape, without mathjs' full simplify, which expands
 * products into powers (Rosenbrock's gradient into x·y − x³). The result is the product a
 * hand-written gradient computes, so a typed Rosenbrock races exactly like the built-in one,
 * and about as fast.
 */
export function derivative(node: MathNode, v: "x" | "y"): MathNode {
  const raw = math.derivative(node, v, { simplify: false });
  return math.simplifyCore(math.simplifyConstant(raw));
}

export function toTex(node: MathNode): string {
  return node.toTex({ parenthesis: "keep", implicit: "show" });
}
