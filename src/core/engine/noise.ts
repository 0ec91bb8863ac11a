/**
 * Deterministic Gaussian gradient noise: mulberry32 for uniforms, Box–Muller for
 * normals. The uniforms need only 32-bit integer arithmetic, so the same seed gives the
 * same uniforms everywhere; the normals go through Math.log/sin/cos, which may differ by
 * an ulp between JavaScript engines (Node 20's V8 uses fdlibm, which the Python reference
 * in tools/reference/noise.py + fdlibm.py reproduces bit for bit).
 */
export class GaussianNoise {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next uniform in the open interval (0, 1). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  }

  /** Next standard normal; normals come in Box–Muller pairs (cos first, then sin). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  /** g += std · N(0, I), in place. */
  addTo(g: Float64Array, std: number): void {
    for (let i = 0; i < g.length; i++) g[i] += std * this.normal();
  }
}
