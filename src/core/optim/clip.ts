/**
 * Gradient clipping with torch.nn.utils semantics, applied before the optimizer step
 * (the first transform of the chain, as in optax).
 */

export type ClipSpec =
  | { mode: "norm"; maxNorm: number; normType?: 2 | "inf" }
  | { mode: "value"; clipValue: number };

/** torch.nn.utils.clip_grad_norm_: g ← g · min(1, maxNorm / (‖g‖ + 1e-6)). */
export function clipByNorm(g: Float64Array, maxNorm: number, normType: 2 | "inf" = 2): void {
  let total = 0;
  if (normType === "inf") {
    for (let i = 0; i < g.length; i++) total = Math.max(total, Math.abs(g[i]));
  } else {
    for (let i = 0; i < g.length; i++) total += g[i] * g[i];
    total = Math.sqrt(total);
  }
  const coef = maxNorm / (total + 1e-6);
  if (coef < 1) for (let i = 0; i < g.length; i++) g[i] *= coef;
}

/** torch.nn.utils.clip_grad_value_: each coordinate clamped to [−c, c]. */
export function clipByValue(g: Float64Array, c: number): void {
  for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -c), c);
}

export function applyClip(g: Float64Array, spec: ClipSpec): void {
  if (spec.mode === "norm") clipByNorm(g, spec.maxNorm, spec.normType ?? 2);
  else clipByValue(g, spec.clipValue);
}

export function clipLatex(spec: ClipSpec | undefined): string {
  if (!spec) return "";
  if (spec.mode === "value") return String.raw`g_t \leftarrow \operatorname{clip}(g_t, -${spec.clipValue}, ${spec.clipValue})`;
  const norm = spec.normType === "inf" ? String.raw`\|g_t\|_\infty` : String.raw`\|g_t\|_2`;
  return String.raw`g_t \leftarrow g_t \cdot \min\!\Big(1, \frac{${spec.maxNorm}}{${norm} + 10^{-6}}\Big)`;
}
