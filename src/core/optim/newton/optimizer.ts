import type { NumberParam } from "../../params";
import { defineOptimizer } from "../chain";
import { lr } from "../specs";
import type { Transform } from "../transform";
import { descend } from "../transforms/descend";
import { newtonDirection } from "./newtonStep";

const damping: NumberParam = {
  kind: "number",
  label: "Damping",
  symbol: "\\delta",
  default: 1e-6,
  min: 0,
  minExclusive: true,
  scale: "log",
  slider: [1e-8, 10],
  help: "The smallest eigenvalue H + μI may have: μ = max(0, δ − λ_min(H)) shifts an indefinite or nearly singular Hessian until it is positive definite (Levenberg–Marquardt).",
};

/**
 * Newton's direction from the exact Hessian of the surface, damped so it always points
 * downhill (the Hessian is one more evaluation per step, counted as such).
 */
const newtonStep: Transform<{ damping: number }> = {
  name: "newton",
  params: { damping },
  latex: (sym) => ({
    rows: [
      String.raw`\mu_t &\leftarrow \max\bigl(0,\ \delta - \lambda_{\min}(\nabla^2 f(x_t))\bigr)`,
      String.raw`d_t &\leftarrow \bigl(\nabla^2 f(x_t) + \mu_t I\bigr)^{-1} g_t`,
    ],
    sym: { ...sym, num: "d_t" },
  }),
  init(p, ctx) {
    const objective = ctx.objective;
    if (!objective) throw new Error("newton needs the objective (its Hessian)");
    if (ctx.dim !== 2) throw new Error("newton is written for two parameters");
    const h = new Float64Array(3);
    const d = ctx.state("d");
    const mu = ctx.state("mu", 0, 1);
    return {
      update(s) {
        objective.hessian(s.x, h);
        mu[0] = newtonDirection(h, s.g, p.damping, d);
        s.num = d;
      },
    };
  },
};

/** Newton's method with Levenberg–Marquardt damping: x ← x − η(H + μI)⁻¹∇f. */
export const newton = defineOptimizer({
  name: "newton",
  displayName: "Newton",
  cite: "Newton's method with Levenberg–Marquardt damping (Nocedal & Wright, ch. 3.4); on a quadratic with lr 1, one step",
  lr: lr(1),
  chain: [newtonStep, descend],
  order: ["lr", "damping"],
});
