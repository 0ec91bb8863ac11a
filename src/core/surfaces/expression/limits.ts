/** How long a typed formula may be (a Rosenbrock in log form is 34 characters). */
export const MAX_FORMULA_LENGTH = 500;
/** Deepest bracket nesting, checked on the text before the parser (which recurses) sees it. */
export const MAX_NESTING = 32;
/** Most nodes in the parsed tree, and its depth (a flat sum of n terms is n deep: the parser nests left). */
export const MAX_NODES = 400;
export const MAX_TREE_DEPTH = 250;

/** The names a formula may use besides x and y: constants, then functions (one argument each). */
export const CONSTANTS: Readonly<Record<string, string>> = { pi: "Math.PI", e: "Math.E" };

/**
 * Functions a formula may call, each with the JavaScript it is printed as. The last group are
 * the ones mathjs' derivative writes (tan′ = sec², tanh′ = sech²), so users may type them too.
 */
export const FUNCTIONS: Readonly<Record<string, string>> = {
  sin: "Math.sin",
  cos: "Math.cos",
  tan: "Math.tan",
  asin: "Math.asin",
  acos: "Math.acos",
  atan: "Math.atan",
  sinh: "Math.sinh",
  cosh: "Math.cosh",
  tanh: "Math.tanh",
  exp: "Math.exp",
  log: "Math.log",
  log10: "Math.log10",
  sqrt: "Math.sqrt",
  cbrt: "Math.cbrt",
  abs: "Math.abs",
  sec: "sec",
  csc: "csc",
  cot: "cot",
  sech: "sech",
  csch: "csch",
  coth: "coth",
};

/** Helpers the printed code may call (defined once in each compiled function's prologue). */
export const HELPERS = [
  "const sq = (v) => v * v;",
  "const sec = (v) => 1 / Math.cos(v);",
  "const csc = (v) => 1 / Math.sin(v);",
  "const cot = (v) => 1 / Math.tan(v);",
  "const sech = (v) => 1 / Math.cosh(v);",
  "const csch = (v) => 1 / Math.sinh(v);",
  "const coth = (v) => 1 / Math.tanh(v);",
].join("\n");

/** What the error messages list as allowed. */
export const ALLOWED = `x, y, numbers, pi, e, + − * / ^, parentheses and ${Object.keys(FUNCTIONS).join(", ")}`;
