/**
 * How the rule writes each optimizer state vector (the names transforms give their state in
 * InitContext.state), so the inspector's table and the substituted rule use the rule's symbols.
 */
const SYMBOLS: Record<string, { tex: string; text: string }> = {
  m: { tex: "m_{t+1}", text: "first moment m" },
  v: { tex: "v_{t+1}", text: "second moment / velocity v" },
  vMax: { tex: String.raw`\hat v_{t+1}`, text: "AMSGrad max of v" },
  mHat: { tex: String.raw`\hat m_{t+1} = m_{t+1}/(1-\beta_1^{t+1})`, text: "bias-corrected m̂" },
  vHat: { tex: String.raw`\hat v_{t+1} = v_{t+1}/(1-\beta_2^{t+1})`, text: "bias-corrected v̂" },
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

/** The rule's symbol for a state vector (the name itself, as text, for one the table does not know). */
export function stateSymbol(name: string): { tex: string; text: string } {
  return Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name] : { tex: String.raw`\text{${name.replace(/[^A-Za-z0-9]/g, "")}}`, text: name };
}

/** The state vectors the plot's momentum arrow shows (the first one a run has), in gradient units. */
export const MOMENTUM_STATES = ["m", "buf"] as const;
