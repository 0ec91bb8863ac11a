/** What the in-process benchmarks share: CPU time, medians, and steps/s as printed. */
import { median as d3median } from "d3-array";

/** User + system CPU time of this process, in ms (the machine's cores are shared: wall time counts the neighbours). */
export function cpuMillis(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** d3's median (the middle value, or the mean of the two middle ones); every list here is non-empty. */
export const median = (xs: number[]): number => d3median(xs)!;

export const fmtSteps = (n: number): string => `${(n / 1e6).toFixed(2)} M steps/s`;
