/** The step every chain but NAdam's and RAdam's ends with (optax's scale_by_learning_rate, applied). */
import type { Symbols, Transform } from "../transform";

/** "a / b" as the rule shows it; no fraction when there is no denominator. */
export function over(num: string, den: string | null): string {
  return den === null ? num : String.raw`\frac{${num}}{${den}}`;
}

/** scale · num / den as a reader expects it: the scalar factor in front of the fraction (the step inspector writes it too). */
export function step(sym: Symbols): string {
  const front = sym.scale === null ? "" : `${sym.scale}\\, `;
  return front + over(sym.num, sym.den);
}

/**
 * x ← x − scale · num / den, in PyTorch's operation order: `addcdiv_(num, den, value=−scale)`
 * computes (scale · num) / den, and `add_(num, alpha=−scale)` computes scale · num.
 */
export const descend: Transform<Record<never, never>> = {
  name: "descend",
  params: {},
  terminal: true,
  latex: (sym) => ({ rows: [String.raw`x_{t+1} &\leftarrow x_t - ${step(sym)}`], sym }),
  init: () => ({
    update(s) {
      const { x, num, den } = s;
      const k = s.scale;
      if (den === null) for (let i = 0; i < x.length; i++) x[i] -= k * num[i];
      else for (let i = 0; i < x.length; i++) x[i] -= (k * num[i]) / den[i];
    },
  }),
};
