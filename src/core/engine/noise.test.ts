import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GaussianNoise } from "./noise";

const fixture = JSON.parse(readFileSync(new URL("../../../tools/reference/fixtures/noise_sequences.json", import.meta.url), "utf8")) as {
  normals: Record<string, number[]>;
};

describe("GaussianNoise", () => {
  it.each(Object.entries(fixture.normals))("seed %s gives the Python reference's normals", (seed, normals) => {
    const n = new GaussianNoise(Number(seed));
    // Same integer arithmetic; log/sin/cos may differ by an ulp between JS engines and libms.
    for (const want of normals) expect(Math.abs(n.normal() - want)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(want)));
  });

  it("uniforms stay inside (0, 1) and look uniform", () => {
    const n = new GaussianNoise(123);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = n.uniform();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it("normals have mean 0 and variance 1", () => {
    const n = new GaussianNoise(9);
    let s = 0;
    let s2 = 0;
    const N = 200_000;
    for (let i = 0; i < N; i++) {
      const z = n.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.01);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.01);
  });
});
