/**
 * How the rule writes each optimizer state vector (the names transforms give their state in
 * InitContext.state), so the inspector's table and the substituted rule use the rule's symbols.
 */
const SYMBOLS: Record<string, { tex: string; text: string }> = {
  m: { tex: "m_{t+1}", text: "first moment m" },
  v: { tex: "v_{t+1}", text: "second moment / velocity v" },
  vMax: { tex: String.raw`\hat v_{t+1}`, text: "AMSGrad max of v" },
  // The rule's v̂ is AMSGrad's max (bias correction sits in its denominator), so the
  // bias-corrected moments are written out rather than given a hat of their own.
  mHat: { tex: String.raw`m_{t+1}/(1-\beta_1^{t+1})`, text: "bias-corrected m̂" },
  vHat: { tex: String.raw`v_{t+1}/(1-\beta_2^{t+1})`, text: "bias-corrected v̂" },
  buf: { tex: "b_{t+1}", text: "momentum buffer b" },
  sum: { tex: "s_{t+1}", text: "sum of squares s" },
  gAvg: { tex: String.raw`\bar g_{t+1}`, text: "mean gradient ḡ" },
  u: { tex: "u_{t+1}", text: "u" },
  prev: { tex: String.raw`\tilde g_{t+1}`, text: "previous gradient g̃" },
  size: { tex: String.raw`\Gamma_{t+1}`, text: "step sizes Γ" },
  etaT: { tex: String.raw`\tilde\eta_{t+1}`, text: "ASGD step size η̃" },
  muProduct: { tex: String.raw`\Pi_t`, text: "product of μ" },
  ax: { tex: String.raw`\bar x_{t+1}`, text: "averaged iterate x̄" },
  mu: { tex: String.raw`\mu_{t+1}`, text: "averaging weight μ" },
};

/** Where one optimizer names a state as another does, but the rule writes it differently. */
const BY_OPTIMIZER: Record<string, Record<string, { tex: string; text: string }>> = {
  newton: { d: { tex: "d_t", text: "Newton direction d" }, mu: { tex: String.raw`\mu_t`, text: "damping shift μ" } },
  lbfgs: {
    d: { tex: "d_t", text: "last direction d" },
    prevGrad: { tex: "g_{t-1}", text: "previous gradient" },
    alpha: { tex: String.raw`\alpha_t`, text: "step length α" },
  },
};

/**
 * The rule's symbol for a state vector of optimizer `optimizer` (the name itself, as text,
 * for one this table does not know: substitutedRule.test.ts holds every registry optimizer to it).
 */
export function stateSymbol(name: string, optimizer = ""): { tex: string; text: string } {
  const own = Object.hasOwn(BY_OPTIMIZER, optimizer) ? BY_OPTIMIZER[optimizer] : {};
  if (Object.hasOwn(own, name)) return own[name];
  return Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : { tex: String.raw`\text{${name.replace(/[^A-Za-z0-9]/g, "")}}`, text: name };
}

/** The state vectors the plot's momentum arrow shows (the first one a run has), in gradient units. */
export const MOMENTUM_STATES = ["m", "buf"] as const;
