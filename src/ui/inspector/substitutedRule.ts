/**
 * The update rule with one step's numbers written in, as seed 001's worked example does:
 * each quantity the rule names (in the rule's own symbols, threaded through the chain as
 * for the rule itself) followed by "= <its value at this step>". Every number comes from
 * the engine's inspection; nothing is recomputed here.
 */
import type { StepRecord, Vec } from "../../core/engine/inspect";
import { step as stepTex } from "../../core/optim/transforms/descend";
import type { OptimizerDef } from "../../core/optim/types";
import { texNumber } from "../math/texNumber";
import { stateSymbol } from "./stateSymbols";

export const texVec = (v: readonly number[]): string => (v.length === 1 ? texNumber(v[0]) : String.raw`(${v.map(texNumber).join(String.raw`,\ `)})`);

/** `aligned` rows: symbol &= value. */
export function substitutedRows(def: Pick<OptimizerDef, "name" | "symbols" | "terminal" | "transforms">, r: StepRecord, lookAhead: boolean): string[] {
  const rows: string[] = [];
  const seen = new Set<string>();
  const row = (lhs: string, rhs: string) => {
    if (seen.has(lhs)) return;
    seen.add(lhs);
    rows.push(`${lhs} &= ${rhs}`);
  };
  row(String.raw`x_t`, texVec(r.from));
  row(lookAhead ? String.raw`\nabla f(\text{look-ahead } ${texVec(r.gradientAt)})` : String.raw`\nabla f(x_t)`, texVec(r.gradient));
  const changed = r.used[0] !== r.gradient[0] || r.used[1] !== r.gradient[1];
  rows.push(String.raw`g_t &= ${texVec(r.used)}${changed ? String.raw`\ \text{(noise, clip)}` : ""}`);
  seen.add("g_t");
  row(String.raw`\eta_t`, texNumber(r.lr));
  for (const s of [...r.state, ...r.derived]) row(stateSymbol(s.name, def.name).tex, texVec(s.values));
  if (def.terminal === "descend") {
    const sym = def.symbols;
    if (sym.num !== "g_t") row(sym.num, texVec(r.num));
    if (sym.den !== null && r.den) row(sym.den, texVec(r.den));
    if (sym.scale !== null) row(sym.scale, texNumber(r.scale));
    // Two rows: the step in the rule's symbols, then its value (one row would outgrow a panel).
    rows.push(String.raw`x_{t+1} &= x_t - ${stepTex(sym)}`, String.raw`&= ${texVec(r.to)}`);
  } else rows.push(String.raw`x_{t+1} &= ${texVec(r.to)}`);
  rows.push(String.raw`\Delta x = x_{t+1} - x_t &= ${texVec(r.update)}`);
  return rows;
}

/**
 * The effective step's formula, in the rule's symbols: Adam-like, η_t over the denominator
 * the rule builds (√v̂/√(1 − β₂ᵗ⁺¹) + ε, the textbook's √v̂ + ε with v̂ bias-corrected);
 * otherwise scale / den.
 */
export function effectiveTex(def: Pick<OptimizerDef, "symbols" | "transforms">): string {
  const { scale, den } = def.symbols;
  if (def.transforms.includes("biasCorrection") && den !== null) return String.raw`\eta_t / (${den})`;
  const s = scale ?? "1";
  return den === null ? s : String.raw`(${s}) / (${den})`;
}

/** The direction the effective step multiplies (Adam-like: m̂). */
export function directionTex(def: Pick<OptimizerDef, "symbols" | "transforms">): string {
  return def.transforms.includes("biasCorrection") ? stateSymbol("mHat").tex : def.symbols.num;
}

export type { Vec };
