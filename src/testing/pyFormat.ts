/**
 * Python's f"{x:.Nf}": the exact binary value rounded half to even. JavaScript's toFixed
 * rounds exact ties up, so 0.03125 prints 0.0313 in JS but 0.0312 in the seeds' output.
 * Tests use this to compare the engine's numbers with what the seeds' Python printed.
 */
export function pyFixed(x: number, digits: number): string {
  const [whole, frac] = Math.abs(x).toFixed(100).split("."); // exact for |x| < 1e21
  const kept = BigInt(whole + frac.slice(0, digits));
  const rest = frac.slice(digits).replace(/0+$/, "");
  const up = rest > "5" || (rest === "5" && kept % 2n === 1n);
  const s = (kept + (up ? 1n : 0n)).toString().padStart(digits + 1, "0");
  return `${x < 0 || Object.is(x, -0) ? "-" : ""}${digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s}`;
}
