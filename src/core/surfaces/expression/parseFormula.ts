import { ALLOWED, CONSTANTS, FUNCTIONS, MAX_FORMULA_LENGTH, MAX_NESTING, MAX_NODES, MAX_TREE_DEPTH } from "./limits";
import { parse, type MathNode } from "./math";

/** What is wrong with a typed formula, and where (1-based character position, when there is one). */
export interface FormulaError {
  message: string;
  position?: number;
}

export type Parsed = { ok: true; node: MathNode } | { ok: false; error: FormulaError };

const fail = (message: string, position?: number): Parsed => ({ ok: false, error: position === undefined ? { message } : { message, position } });

/** Characters a formula can hold; anything else is refused before parsing, with a reason. */
const ALLOWED_CHAR = /[0-9A-Za-z_.+\-*/^(), \t\r\n]/;
const CHAR_REASON: Record<string, string> = {
  "=": "assignments and function definitions are not allowed",
  '"': "strings are not allowed",
  "'": "strings are not allowed",
  "`": "strings are not allowed",
  "[": "matrices and indexing are not allowed",
  "]": "matrices and indexing are not allowed",
  "{": "objects are not allowed",
  "}": "objects are not allowed",
  ";": "only one expression is allowed",
  ":": "ranges are not allowed",
  "?": "conditionals are not allowed",
  "!": "factorials are not allowed",
  "%": "the modulo operator is not allowed",
};

/** Operators a formula may use (mathjs' names), with how many operands. */
const OPERATORS: Record<string, number> = { add: 2, subtract: 2, multiply: 2, divide: 2, pow: 2, unaryMinus: 1, unaryPlus: 1 };

/** 1-based position of the first whole-word occurrence of `name` in `text`. */
function wordAt(text: string, name: string): number | undefined {
  const re = new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, "")}(?![A-Za-z0-9_])`);
  const m = re.exec(text);
  return m ? m.index + m[1].length + 1 : undefined;
}

const quote = (s: string) => JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);

/**
 * Parses a typed formula f(x, y) into a mathjs tree holding only x, y, numbers, pi, e, the
 * arithmetic operators and the whitelisted one-argument functions (limits.ts), or says what
 * is wrong and where. The text is bounded in length and nesting before the parser sees it,
 * and the tree in size and depth after; nothing in it is ever evaluated.
 */
export function parseFormula(input: unknown): Parsed {
  if (typeof input !== "string") return fail("must be a formula in x and y (text)");
  const text = input;
  if (!text.trim()) return fail("is empty; type a function of x and y, e.g. x^2 + 10*y^2");
  if (text.length > MAX_FORMULA_LENGTH) return fail(`is ${text.length.toLocaleString("en")} characters long; at most ${MAX_FORMULA_LENGTH} are allowed`);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!ALLOWED_CHAR.test(c)) {
      const shown = c.trim() ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      return fail(`unexpected ${shown}: ${CHAR_REASON[c] ?? `allowed are ${ALLOWED}`}`, i + 1);
    }
    if (c === "(" && ++depth > MAX_NESTING) return fail(`parentheses nest deeper than ${MAX_NESTING} levels`, i + 1);
    if (c === ")") depth--;
  }

  let node: MathNode;
  try {
    node = parse(text);
  } catch (err) {
    const message = String((err as Error).message ?? err);
    const at = /\(char (\d+)\)/.exec(message);
    const position = at ? Math.min(Number(at[1]) + 1, text.length + 1) : undefined;
    const what = message.replace(/\s*\(char \d+\)/, "").replace(/^Unexpected end of expression$/, "ends too early: a value or ) is expected");
    return fail(what.charAt(0).toLowerCase() + what.slice(1), position);
  }
  return checkTree(node, text);
}

/** Walks the tree (iteratively): every node must be one the printer knows. */
function checkTree(root: MathNode, text: string): Parsed {
  const stack: { node: MathNode; depth: number }[] = [{ node: root, depth: 1 }];
  let count = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (++count > MAX_NODES) return fail(`is too large: more than ${MAX_NODES} terms and operations`);
    if (depth > MAX_TREE_DEPTH) return fail(`nests deeper than ${MAX_TREE_DEPTH} levels`);
    const n = node as MathNode & { type: string; value?: unknown; name?: string; fn?: unknown; op?: string; args?: MathNode[]; content?: MathNode };
    switch (n.type) {
      case "ConstantNode":
        if (typeof n.value !== "number") return fail("only numbers are allowed as constants");
        if (!Number.isFinite(n.value)) return fail(`a number is too large (it overflows to ${n.value})`);
        break;
      case "SymbolNode": {
        const name = String(n.name);
        if (name === "x" || name === "y" || Object.hasOwn(CONSTANTS, name)) break;
        const hint = Object.hasOwn(FUNCTIONS, name) ? `; write ${name}(…) with parentheses` : `; allowed are ${ALLOWED}`;
        return fail(`unknown name ${quote(name)}${hint}`, wordAt(text, name));
      }
      case "ParenthesisNode":
        stack.push({ node: n.content!, depth: depth + 1 });
        break;
      case "OperatorNode": {
        const arity = Object.hasOwn(OPERATORS, String(n.fn)) ? OPERATORS[String(n.fn)] : undefined;
        if (arity === undefined || n.args!.length !== arity) return fail(`the operator ${quote(String(n.op))} is not allowed; allowed are + − * / ^`, text.indexOf(String(n.op)) + 1 || undefined);
        for (const a of n.args!) stack.push({ node: a, depth: depth + 1 });
        break;
      }
      case "FunctionNode": {
        const fn = n.fn as { type?: string; name?: string };
        const name = fn?.type === "SymbolNode" ? String(fn.name) : null;
        if (name === null || !Object.hasOwn(FUNCTIONS, name))
          return fail(`${name === null ? "this call" : `the function ${quote(name)}`} is not allowed; allowed functions are ${Object.keys(FUNCTIONS).join(", ")}`, name ? wordAt(text, name) : undefined);
        if (n.args!.length !== 1) return fail(`${name}(…) takes exactly one argument, not ${n.args!.length}`, wordAt(text, name));
        stack.push({ node: n.args![0], depth: depth + 1 });
        break;
      }
      case "AccessorNode": {
        // The dot a decimal uses is allowed, so say which dot: the first one after a name or a bracket.
        const dot = /[A-Za-z_)]\s*\./.exec(text);
        return fail(`property access (a dot after a name) is not allowed; allowed are ${ALLOWED}`, dot ? dot.index + dot[0].length : undefined);
      }
      default:
        return fail(`${n.type.replace(/Node$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} expressions are not allowed; allowed are ${ALLOWED}`);
    }
  }
  return { ok: true, node: root };
}

/** Re-checks a tree mathjs produced (a derivative): it must hold only what parseFormula allows. */
export function checkDerived(node: MathNode): FormulaError | null {
  const r = checkTree(node, "");
  return r.ok ? null : r.error;
}
