import { CONSTANTS, FUNCTIONS } from "./limits";
import type { MathNode } from "./math";

/** A finite number as a JavaScript literal (String() of a finite double is digits, ".", "e", "+", "-"). */
function literal(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

const BINARY: Record<string, string> = { add: "+", subtract: "-", multiply: "*", divide: "/" };

/**
 * JavaScript source for a checked tree (see parseFormula): every token comes from this
 * printer — x, y, numeric literals, Math.* and the helpers in limits.ts — never from the
 * text the user typed. Everything is parenthesised, so JavaScript's precedence never has
 * to agree with mathjs'. Integer squares print as sq(u) (one evaluation of u, and the
 * product the built-in surfaces write by hand).
 */
export function printJs(node: MathNode): string {
  const n = node as MathNode & { type: string; value?: number; name?: string; fn?: unknown; args?: MathNode[]; content?: MathNode };
  switch (n.type) {
    case "ConstantNode":
      return literal(n.value as number);
    case "SymbolNode":
      if (n.name === "x" || n.name === "y") return n.name;
      if (n.name && Object.hasOwn(CONSTANTS, n.name)) return CONSTANTS[n.name];
      break;
    case "ParenthesisNode":
      return printJs(n.content!);
    case "OperatorNode": {
      const fn = String(n.fn);
      const args = n.args!;
      if (fn === "unaryMinus") return `(-${printJs(args[0])})`;
      if (fn === "unaryPlus") return `(+${printJs(args[0])})`;
      if (fn === "pow") {
        const exp = args[1] as MathNode & { type: string; value?: number };
        if (exp.type === "ConstantNode" && exp.value === 2) return `sq(${printJs(args[0])})`;
        return `Math.pow(${printJs(args[0])}, ${printJs(args[1])})`;
      }
      if (Object.hasOwn(BINARY, fn)) return `(${args.map(printJs).join(` ${BINARY[fn]} `)})`;
      break;
    }
    case "FunctionNode": {
      const name = (n.fn as { name?: string }).name;
      if (name && Object.hasOwn(FUNCTIONS, name) && n.args!.length === 1) return `${FUNCTIONS[name]}(${printJs(n.args![0])})`;
      break;
    }
  }
  throw new Error(`cannot print a ${n.type}`);
}
