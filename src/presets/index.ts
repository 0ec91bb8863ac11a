import { adamFromScratch } from "./adamFromScratch";
import { adamwVersusL2 } from "./adamwVersusL2";
import { clippingCliff } from "./clippingCliff";
import { escapeTheTrap } from "./escapeTheTrap";
import { momentumEscapes } from "./momentumEscapes";
import { miniBatchNoise } from "./miniBatchNoise";
import { momentumSaddle } from "./momentumSaddle";
import { nadamKeras } from "./nadamKeras";
import { ravine } from "./ravine";
import { rosenbrockShootout } from "./rosenbrockShootout";
import { scheduleComparison } from "./scheduleComparison";
import { warmupCosine } from "./warmupCosine";
import type { Preset } from "./types";

export type { Claim, ClaimMetric, Preset } from "./types";
export { checkClaim, checkPreset, captionNumbers, type RaceResults, type RunResult } from "./claims";

/** The seeds' lessons in menu order. A new preset is one file plus one line here. */
export const presets: readonly Preset[] = [
  rosenbrockShootout,
  escapeTheTrap,
  adamFromScratch,
  scheduleComparison,
  ravine,
  warmupCosine,
  nadamKeras,
  clippingCliff,
  adamwVersusL2,
  momentumEscapes,
  momentumSaddle,
  miniBatchNoise,
];
