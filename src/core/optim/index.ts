import type { OptimizerDef } from "./types";
import { adadelta } from "./adadelta";
import { adagrad } from "./adagrad";
import { adam, adamw } from "./adam";
import { adamax } from "./adamax";
import { asgd } from "./asgd";
import { emaMomentum } from "./emaMomentum";
import { lbfgs } from "./lbfgs/optimizer";
import { lion } from "./lion";
import { nadam } from "./nadam";
import { nag } from "./nag";
import { newton } from "./newton/optimizer";
import { radam } from "./radam";
import { rmsprop } from "./rmsprop";
import { rprop } from "./rprop";
import { sgd } from "./sgd";

export type { OptimizerDef, OptimizerState } from "./types";
export type { Evaluations, Objective } from "./objective";
export { SurfaceObjective } from "./objective";

/** The optimizer registry, keyed by each entry's name: read by the engine, the schema, the UI and the tests. */
export const optimizers: Readonly<Record<string, OptimizerDef>> = Object.fromEntries(
  [sgd, adagrad, rmsprop, adam, adamw, nadam, adamax, adadelta, radam, rprop, asgd, emaMomentum, nag, lion, newton, lbfgs].map((d) => [d.name, d]),
);

export function getOptimizer(name: string): OptimizerDef | undefined {
  return Object.hasOwn(optimizers, name) ? optimizers[name] : undefined;
}
