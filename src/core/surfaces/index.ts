import { ackley } from "./ackley";
import { beale } from "./beale";
import { booth } from "./booth";
import { cliff } from "./cliff";
import { bowl } from "./bowl";
import { goldsteinPrice } from "./goldsteinPrice";
import { himmelblau } from "./himmelblau";
import { matyas } from "./matyas";
import { quadratic } from "./quadratic";
import { quartic } from "./quartic";
import { rastrigin } from "./rastrigin";
import { ravine } from "./ravine";
import { rosenbrock } from "./rosenbrock";
import { saddle } from "./saddle";
import { sixHumpCamel } from "./sixHumpCamel";
import { styblinskiTang } from "./styblinskiTang";
import type { Surface } from "./types";

export type { CriticalPoint, Surface } from "./types";

/** Built-in surfaces in menu order. A new surface is one file plus one line here. */
const builtIn: readonly Surface[] = [
  rosenbrock,
  bowl,
  ravine,
  quadratic,
  quartic,
  saddle,
  cliff,
  booth,
  matyas,
  beale,
  himmelblau,
  sixHumpCamel,
  goldsteinPrice,
  styblinskiTang,
  rastrigin,
  ackley,
];

/** The registry, keyed by `Surface.name`. */
export const surfaces: Readonly<Record<string, Surface>> = Object.freeze(
  Object.fromEntries(builtIn.map((s) => [s.name, s])),
);

export const surfaceNames: string[] = Object.keys(surfaces);

/** The surface called `name`, or undefined (never an inherited key such as "toString"). */
export function getSurface(name: string): Surface | undefined {
  return Object.hasOwn(surfaces, name) ? surfaces[name] : undefined;
}
