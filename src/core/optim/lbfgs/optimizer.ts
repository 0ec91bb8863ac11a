import type { EnumParam, NumberParam } from "../../params";
import { defineOptimizer } from "../chain";
import { lr } from "../specs";
import type { Transform } from "../transform";
import { descend } from "../transforms/descend";
import { LbfgsStep } from "./lbfgsStep";

const historySize: NumberParam = { kind: "integer", label: "History size", symbol: "m", default: 100, min: 1, max: 1000, scale: "linear", slider: [1, 100] };
const lineSearch: EnumParam = { kind: "enum", label: "Line search", options: ["none", "strongWolfe"], default: "none", help: "strongWolfe: PyTorch's strong-Wolfe line search (its extra evaluations happen inside the step)." };
const toleranceGrad: NumberParam = { kind: "number", label: "Gradient tolerance", symbol: "\\epsilon_g", default: 1e-7, min: 0, scale: "log", slider: [1e-12, 1e-2], help: "No step when max |g| is at most this (PyTorch's tolerance_grad)." };
const toleranceChange: NumberParam = { kind: "number", label: "Change tolerance", symbol: "\\epsilon_c", default: 1e-9, min: 0, scale: "log", slider: [1e-15, 1e-3], help: "No step when the directional derivative g·d is above −this (PyTorch's tolerance_change)." };

type P = { historySize: number; lineSearch: string; toleranceGrad: number; toleranceChange: number };

/**
 * torch.optim.LBFGS with max_iter = 1: each engine step is one `LBFGS.step(closure)`, its
 * state carried from step to step. The direction is −H̃g (two-loop recursion); the chain's
 * descend then takes x − α·H̃g with α the step length (η, the first step's min(1, 1/‖g‖₁)·η,
 * or the line search's).
 */
const lbfgsStep: Transform<P> = {
  name: "lbfgs",
  params: { historySize, lineSearch, toleranceGrad, toleranceChange },
  latex: (sym) => ({
    rows: [
      String.raw`\tilde H_t g_t &\leftarrow \text{two-loop recursion over the last } m \text{ pairs } (x_{k+1} - x_k,\ g_{k+1} - g_k)`,
      String.raw`&\text{no step when } \lVert g_t \rVert_\infty \le \epsilon_g \text{ or } g_t^\top \tilde H_t g_t < \epsilon_c`,
      String.raw`\alpha_t &\leftarrow \begin{cases} \min(1, 1/\lVert g_0 \rVert_1)\,${sym.scale ?? "\\eta_t"} & t = 0 \\ ${sym.scale ?? "\\eta_t"} & \text{no line search} \\ \text{strong-Wolfe search from } ${sym.scale ?? "\\eta_t"} & \text{line search} \end{cases}`,
    ],
    sym: { num: String.raw`\tilde H_t g_t`, den: null, scale: String.raw`\alpha_t` },
  }),
  init(p, ctx) {
    const objective = ctx.objective;
    if (!objective) throw new Error("lbfgs needs the objective (its line search evaluates it)");
    const dim = ctx.dim;
    const lb = new LbfgsStep(
      { lr: 1, historySize: p.historySize, lineSearch: p.lineSearch === "strongWolfe" ? "strongWolfe" : "none", toleranceGrad: p.toleranceGrad, toleranceChange: p.toleranceChange },
      dim,
      { d: ctx.state("d"), prevGrad: ctx.state("prevGrad") },
    );
    const step = ctx.state("alpha", 0, 1);
    const hg = ctx.scratch();
    const zero = ctx.scratch();
    // One closure call: f and ∇f at a trial point (counted by the objective as one of each).
    const closure = (x: Float64Array, g: Float64Array) => {
      objective.gradient(x, g);
      return objective.value(x);
    };
    return {
      update(s) {
        const plan = lb.plan(s.x, s.loss, s.g, closure, s.eta);
        if (!plan.moves) {
          s.num = zero;
          s.scale = 0;
          return;
        }
        for (let i = 0; i < dim; i++) hg[i] = -lb.d[i];
        // A first step of length 0 means ‖g‖₁ overflowed (1/∞): PyTorch stands still once, then
        // steps a full η along that gradient into overflow. Reported now, as state that is not
        // finite, so the engine ends the run as diverged instead of a frozen step.
        step[0] = lb.t > 0 ? lb.t : NaN;
        s.num = hg;
        s.scale = lb.t;
      },
    };
  },
};

export const lbfgs = defineOptimizer({
  name: "lbfgs",
  displayName: "L-BFGS",
  cite: "torch.optim.LBFGS, one step(closure) with max_iter=1 per engine step (Nocedal 1980; Liu & Nocedal 1989)",
  lr: lr(1),
  chain: [lbfgsStep, descend],
  order: ["lr", "historySize", "lineSearch", "toleranceGrad", "toleranceChange"],
});
