/**
 * The step inspector's own small store (a second zustand store, as zustand's docs allow for
 * state no other part reads): whether the panel and the plot arrows are on, and the latest
 * inspection the engine worker returned. `watchInspection` keeps it current.
 */
import { create } from "zustand";
import type { Inspection, SeriesResult } from "../../core/engine/inspect";

export interface InspectorState {
  open: boolean;
  arrows: boolean;
  /** The latest answer for the selected run at the shown step (null: none yet, or asked nothing). */
  inspection: Inspection | null;
  /** The time series up to the race's step for that run. */
  series: SeriesResult | null;
  /** Why there is no inspection (an unknown run, no race yet), shown in the panel. */
  problem: string | null;
  setOpen(open: boolean): void;
  setArrows(on: boolean): void;
  setResult(inspection: Inspection | null, series: SeriesResult | null, problem: string | null): void;
}

export const useInspector = create<InspectorState>()((set) => ({
  open: false,
  arrows: false,
  inspection: null,
  series: null,
  problem: null,
  setOpen: (open) => set({ open }),
  setArrows: (arrows) => set({ arrows }),
  setResult: (inspection, series, problem) => set((s) => ({ inspection, series: series ?? s.series, problem })),
}));
