import type { OptimizerDef } from "./types";
import { adadelta } from "./adadelta";
import { adagrad } from "./adagrad";
import { adam, adamw } from "./adam";
import { adamax } from "./adamax";
import { asgd } from "./asgd";
import { emaMomentum } from "./emaMomentum";
import { lion } from "./lion";
import { nadam } from "./nadam";
import { nag } from "./nag";
import { radam } from "./radam";
import { rmsprop } from "./rmsprop";
import { rprop } from "./rprop";
import { sgd } from "./sgd";

export type { OptimizerDef, OptimizerState } from "./types";

/** The optimizer registry: open to new entries, read by the engine, the schema, the UI and the tests. */
export const optimizers: Readonly<Record<string, OptimizerDef<any>>> = {
  sgd, adagrad, rmsprop, adam, adamw, nadam, adamax, adadelta, radam, rprop, asgd, emaMomentum, nag, lion,
};

export const optimizerNames = Object.keys(optimizers);

export function getOptimizer(name: string): OptimizerDef<any> | undefined {
  return Object.prototype.hasOwnProperty.call(optimizers, name) ? optimizers[name] : undefined;
}
