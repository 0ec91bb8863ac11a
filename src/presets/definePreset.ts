import { EXPERIMENT_VERSION, type Experiment } from "../core/experiment/types";
import type { Claim, Preset } from "./types";

/** A preset whose experiment carries the format version, the title and the caption (so a link made from it shows the lesson too). */
export function definePreset(p: {
  id: string;
  title: string;
  caption: string;
  experiment: Omit<Experiment, "version" | "title" | "caption">;
  claims: readonly Claim[];
}): Preset {
  return {
    id: p.id,
    title: p.title,
    caption: p.caption,
    experiment: { version: EXPERIMENT_VERSION, title: p.title, caption: p.caption, ...p.experiment },
    claims: p.claims,
  };
}

/** Shorthand for the claims that a caption number is a setting of the experiment. */
export const setting = (path: string, shown: string): Claim => ({ kind: "setting", path, shown });
