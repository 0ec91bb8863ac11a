/**
 * What the update-rule panel shows for one run, read from the registry entries the
 * engine runs (the formula shown is the formula run): the optimizer's update, its
 * schedule, clipping and noise, each with the run's values written in.
 */
import { getOptimizer } from "../../core/optim";
import { clipLatex } from "../../core/optim/clip";
import { resolveOptimizer, resolveSchedule } from "../../core/engine/resolveRun";
import { getSchedule, scheduleLatex, warmupParam } from "../../core/schedules";
import type { RunSpec } from "../../core/experiment/types";
import { assignments, type Assignment } from "../math/assignments";
import { texNumber } from "../math/texNumber";

export interface RuleBlock {
  id: "update" | "schedule" | "noise" | "clip";
  title: string;
  /** Display-mode LaTeX. */
  tex: string;
  where: Assignment[];
  cite?: string;
}

export interface RuleSet {
  optimizerName: string;
  cite: string;
  blocks: RuleBlock[];
  /** The order the engine applies the pieces within a step. */
  order: string;
  /** Set when the spec names something the registries do not know. */
  problem?: string;
}

const aligned = (body: string) => String.raw`\begin{aligned}${body}\end{aligned}`;

/** In the formulas η₀ is the base lr (the optimizer's lr) and η_t the scheduled value at step t. */
const LR_SYMBOL = { lr: String.raw`\eta_0` };

export function ruleSet(spec: RunSpec): RuleSet {
  const def = getOptimizer(spec.optimizer.name);
  if (!def) return { optimizerName: spec.optimizer.name, cite: "", blocks: [], order: "", problem: `Unknown optimizer "${spec.optimizer.name}".` };
  // Values filled in where the engine fills them (resolveRun's pieces), so the panel shows what runs.
  const optimizer = resolveOptimizer(spec.optimizer);
  const blocks: RuleBlock[] = [
    {
      id: "update",
      title: def.displayName,
      tex: aligned(def.latex),
      where: assignments(def.params, optimizer.params, LR_SYMBOL),
    },
  ];

  const schedule = spec.schedule ?? { name: "constant" };
  const sdef = getSchedule(schedule.name);
  let problem: string | undefined;
  if (sdef) {
    const { warmup, params } = resolveSchedule(schedule, optimizer.params.lr);
    const where = assignments(sdef.params, params);
    if (warmup) where.unshift({ key: "warmup", tex: `${warmupParam.symbol} = ${texNumber(warmup as number)}`, value: String(warmup) });
    blocks.push({ id: "schedule", title: `Learning rate: ${sdef.displayName}`, tex: aligned(scheduleLatex(schedule)), where, cite: sdef.cite });
  } else problem = `Unknown schedule "${schedule.name}".`;

  if (spec.noise && spec.noise.std > 0)
    blocks.push({
      id: "noise",
      title: "Gradient noise",
      tex: String.raw`g_t \leftarrow g_t + \sigma\,\xi_t, \quad \xi_t \sim \mathcal{N}(0, I)`,
      where: [
        { key: "std", tex: String.raw`\sigma = ${texNumber(spec.noise.std)}`, value: String(spec.noise.std) },
        { key: "seed", tex: String.raw`\text{seed } ${spec.noise.seed}`, value: String(spec.noise.seed) },
      ],
    });

  if (spec.clip) blocks.push({ id: "clip", title: spec.clip.mode === "norm" ? "Clipping by norm" : "Clipping by value", tex: clipLatex(spec.clip), where: [], cite: spec.clip.mode === "norm" ? "torch.nn.utils.clip_grad_norm_" : "torch.nn.utils.clip_grad_value_" });


  const order = ["∇f", spec.noise && spec.noise.std > 0 ? "+ noise" : null, spec.clip ? "clip" : null, "update with η_t"].filter(Boolean).join(" → ");
  return { optimizerName: def.displayName, cite: def.cite, blocks, order, problem };
}
