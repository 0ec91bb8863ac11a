/**
 * "Write the current values in": the assignments shown under a formula, one per
 * parameter, from the same param specs the engine and the controls use
 * (symbol = LaTeX, label for flags and choices), e.g. \beta_1 = 0.9.
 */
import type { ParamSpecs, ParamValue } from "../../core/params";
import { texNumber } from "./texNumber";

export interface Assignment {
  /** Parameter key ("lr", "beta1"). */
  key: string;
  /** LaTeX of the assignment. */
  tex: string;
  /** Plain-text value (for tests and tooltips). */
  value: string;
}

const textEscape = (s: string) => s.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`);

/**
 * One assignment per parameter that has a value. `symbols` overrides a spec's symbol
 * where the formula names it differently (the optimizer's lr is η₀ in the formulas:
 * η_t is the scheduled value at step t).
 */
export function assignments(specs: ParamSpecs, values: Record<string, unknown>, symbols: Record<string, string> = {}): Assignment[] {
  const out: Assignment[] = [];
  for (const [key, spec] of Object.entries(specs)) {
    const v = values[key] as ParamValue | undefined;
    if (v === undefined || v === null) continue;
    const symbol = symbols[key] ?? spec.symbol;
    if (spec.kind === "boolean") {
      out.push({ key, tex: String.raw`\text{${textEscape(spec.label)} ${v ? "on" : "off"}}`, value: v ? "on" : "off" });
    } else if (spec.kind === "enum") {
      out.push({ key, tex: String.raw`\text{${textEscape(spec.label)}: ${textEscape(String(v))}}`, value: String(v) });
    } else if (spec.kind === "numberList") {
      const list = v as readonly number[];
      out.push({ key, tex: `${symbol} = (${list.map(texNumber).join(", ")})`, value: list.join(", ") });
    } else if (typeof v === "number") {
      out.push({ key, tex: `${symbol} = ${texNumber(v)}`, value: String(v) });
    }
  }
  return out;
}

/**
 * The lr in force at the shown step, written under the update rule: η_t with the step as
 * subscript. At step 0 that symbol is the base lr's own (η₀), so it is left out when it says
 * the same as η₀, and spelled "η_t … at t = 0" when it does not (a warmup starts at 0).
 */
export function currentLrAssignment(now: { t: number; lr: number }, baseLr: number | undefined): Assignment | null {
  const value = String(now.lr);
  if (now.t !== 0) return { key: "lrNow", tex: String.raw`\eta_{${now.t}} = ${texNumber(now.lr)}`, value };
  if (baseLr !== undefined && Object.is(now.lr, baseLr)) return null;
  return { key: "lrNow", tex: String.raw`\eta_t = ${texNumber(now.lr)}\ \text{at}\ t = 0`, value };
}
