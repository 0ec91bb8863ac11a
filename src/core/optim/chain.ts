/**
 * `defineOptimizer`: a named optimizer as a chain of transforms, fused into one step.
 *
 * Fusion: each transform's `init` returns a kernel closed over its state (views into one
 * arena per optimizer; switched-off pieces return null and are dropped), and the step
 * calls the kernels in a fixed sequence over one shared Slots record, through a skeleton
 * of its own per optimizer so V8 inlines them. Nothing allocates per step; the fused Adam
 * chain runs at the speed of Adam written out by hand (`npm run bench` prints the ratio).
 */
import type { NumberParam, ParamSpec, ParamValues } from "../params";
import type { Objective } from "./objective";
import { Slots, type InitContext, type Symbols, type Transform, type TransformStep } from "./transform";
import type { OptimizerDef, OptimizerState, SpecsFor } from "./types";

/** Any transform, its parameter type erased: the element type of a heterogeneous chain. */
type AnyTransform = Omit<Transform<object>, "init" | "params"> & {
  readonly params: object;
  init(p: never, ctx: InitContext): TransformStep | null;
};
type ParamsOf<T> = T extends Transform<infer P> ? P : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The parameter record a chain reads: the intersection of its transforms' parameters. */
export type ChainParams<T extends readonly AnyTransform[]> = Intersect<ParamsOf<T[number]>> & object;

export interface OptimizerSpecInput<T extends readonly AnyTransform[]> {
  name: string;
  displayName: string;
  cite: string;
  /** The base learning rate η₀: the schedule's, which hands the chain η_t each step. */
  lr: NumberParam;
  /** The transforms, in the order they run: one terminal transform (writes x), then only `after` ones. */
  chain: T;
  /** Order of the parameters in the UI and messages (lr first); every parameter exactly once. */
  order: readonly (keyof ChainParams<T> | "lr")[];
}

/** The chain's first row: the gradient, at x_t unless a transform moves the point (look-ahead). */
const GRADIENT_ROW = String.raw`g_t &\leftarrow \nabla f(x_t)`;

/** Threads the symbols through the transforms' rows; `sym`: the symbols the terminal transform reads. */
function threadLatex(chain: readonly AnyTransform[]): { rows: string[]; sym: Symbols } {
  let sym: Symbols = { num: "g_t", den: null, scale: String.raw`\eta_t` };
  let final = sym;
  const rows: string[] = [];
  for (const t of chain) {
    const out = t.latex(sym);
    rows.push(...out.rows);
    if (t.terminal) final = sym;
    sym = out.sym;
  }
  return { rows, sym: final };
}

/** Assembles the update rule from the transforms' rows, threading the symbols through. */
export function chainLatex(chain: readonly AnyTransform[]): string {
  const { rows } = threadLatex(chain);
  if (!rows.some((r) => r.includes(String.raw`\nabla f(`))) rows.unshift(GRADIENT_ROW);
  return rows.join(" \\\\\n");
}

function mergeParams(chain: readonly AnyTransform[], lr: NumberParam, order: readonly PropertyKey[]): Record<string, ParamSpec> {
  const merged: Record<string, ParamSpec> = { lr };
  for (const t of chain)
    for (const [key, spec] of Object.entries(t.params as Record<string, ParamSpec>)) {
      const seen = merged[key];
      // Two transforms reading one parameter must describe it the same way (one slider, one default).
      if (seen && JSON.stringify(seen) !== JSON.stringify(spec)) throw new Error(`optimizer parameter "${key}": transforms disagree on its spec`);
      merged[key] = spec;
    }
  const keys = Object.keys(merged);
  const listed = order.map(String);
  if (listed.length !== keys.length || new Set(listed).size !== listed.length || !keys.every((k) => listed.includes(k)))
    throw new Error(`optimizer order must list each of ${keys.join(", ")} once; got ${listed.join(", ")}`);
  return Object.fromEntries(listed.map((k) => [k, merged[k]]));
}

type StepFn = (x: Float64Array, g: Float64Array, eta: number, loss?: number) => void;
type Kernel = (s: Slots) => void;
/** Builds the step over given slots and kernels. */
type Fuser = (s: Slots, kernels: readonly Kernel[]) => StepFn;

/**
 * The step's skeleton for `n` kernels: reset the slots, call each kernel, count the step.
 * Generated once per optimizer and set of switched-on transforms (the source is this fixed
 * template; nothing from an experiment enters it), because V8 keeps call feedback per
 * function: a skeleton shared by every optimizer sees a dozen kernels at each call site
 * and cannot inline any (12% of the chain's speed, measured), while one per optimizer
 * sees one kernel per site and inlines them all, as if the step were written by hand.
 */
function fuser(n: number): Fuser {
  const names = Array.from({ length: n }, (_, i) => `k${i}`);
  const body =
    `const [${names.join(", ")}] = kernels;\n` +
    `return (x, g, eta, loss) => { s.x = x; s.g = g; s.num = g; s.den = null; s.eta = eta; s.scale = eta; s.loss = loss; ` +
    names.map((k) => `${k}(s); `).join("") +
    `s.t++; };`;
  return new Function("s", "kernels", body) as Fuser;
}

/** Room for every chain here: Adam with AMSGrad keeps 3 vectors, RMSprop centered with momentum 3. */
const ARENA_VECTORS = 8;

/**
 * All of one optimizer's state in one Float64Array, handed out as views: finite() is
 * one loop over it (x − x is 0 for finite x, NaN for NaN and ±∞).
 */
class StateArena {
  readonly all: Float64Array;
  readonly named: Record<string, Float64Array> = {};
  used = 0;

  constructor(private readonly dim: number) {
    this.all = new Float64Array(ARENA_VECTORS * Math.max(1, dim));
  }

  take(name: string, fill = 0, length = this.dim): Float64Array {
    if (Object.hasOwn(this.named, name)) throw new Error(`optimizer state "${name}" is taken twice`);
    if (this.used + length > this.all.length) throw new Error(`optimizer state needs more than ${ARENA_VECTORS} vectors`);
    const v = this.all.subarray(this.used, this.used + length);
    v.fill(fill);
    this.used += length;
    this.named[name] = v;
    return v;
  }

  /** The check as one small closure (the engine may call it every step, so it must inline well). */
  finiteCheck(): () => boolean {
    const a = this.all;
    const n = this.used;
    return () => {
      for (let i = 0; i < n; i++) if (a[i] - a[i] !== 0) return false;
      return true;
    };
  }
}

function createState(chain: readonly AnyTransform[], fusers: Map<string, Fuser>, params: Readonly<ParamValues>, dim: number, objective?: Objective): OptimizerState {
  const arena = new StateArena(dim);
  const ctx: InitContext = { dim, objective, state: (name, fill, length) => arena.take(name, fill, length), scratch: () => new Float64Array(dim) };
  const all = chain.map((t) => t.init(params as never, ctx));
  const steps = all.filter((st): st is TransformStep => st !== null);
  const on = all.map((st) => (st ? 1 : 0)).join("");
  let fuse = fusers.get(on);
  if (!fuse) fusers.set(on, (fuse = fuser(steps.length)));
  const s = new Slots();
  const look = steps.find((st) => st.gradientPoint);
  const state: OptimizerState = {
    step: fuse(s, steps.map((st) => st.update)),
    finite: arena.finiteCheck(),
    inspect: () => ({ t: s.t, ...arena.named }),
    terms: () => ({ num: s.num, den: s.den, scale: s.scale, eta: s.eta }),
  };
  if (look?.gradientPoint) state.gradientPoint = look.gradientPoint;
  return state;
}

/**
 * A registry entry from a chain: its parameters are the transforms' (plus lr), its
 * update rule their rows, its step their fused kernels. Throws at load time when the
 * chain is malformed (not exactly one terminal transform, a non-`after` one behind it, specs that disagree).
 */
export function defineOptimizer<const T extends readonly AnyTransform[]>(input: OptimizerSpecInput<T>): OptimizerDef & { params: SpecsFor<ChainParams<T> & { lr: number }> } {
  const { chain } = input;
  const end = chain.findIndex((t) => t.terminal);
  const wellFormed = end >= 0 && chain.every((t, i) => (i < end ? !t.terminal && !t.after : i === end || (t.after && !t.terminal)));
  if (!wellFormed) throw new Error(`optimizer "${input.name}": the chain must have exactly one terminal transform, followed only by "after" transforms`);
  const params = mergeParams(chain, input.lr, input.order);
  const fusers = new Map<string, Fuser>();
  return {
    name: input.name,
    displayName: input.displayName,
    cite: input.cite,
    params: params as SpecsFor<ChainParams<T> & { lr: number }>,
    latex: chainLatex(chain),
    transforms: chain.map((t) => t.name),
    symbols: threadLatex(chain).sym,
    terminal: chain[end].name,
    create(values: Readonly<ParamValues>, dim: number, objective?: Objective): OptimizerState {
      const filled: ParamValues = {};
      for (const [key, spec] of Object.entries(params)) filled[key] = values[key] ?? spec.default;
      return createState(chain, fusers, filled, dim, objective);
    },
  };
}
