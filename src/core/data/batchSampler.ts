import { GaussianNoise } from "../engine/noise";

/**
 * Mini-batches the way seed 003's exercise draws them: each epoch a fresh random
 * permutation of the n examples (Fisher–Yates on a seeded mulberry32 stream), cut into
 * consecutive batches of `batchSize` (the last one smaller when n is not a multiple).
 * Each run has its own sampler, so runs with different seeds see different noise and a
 * run is reproducible from its seed.
 */
export class BatchSampler {
  readonly order: Uint32Array;
  private readonly rng: GaussianNoise;
  /** Position of the next batch in `order`. */
  private next = 0;
  /** Epochs started so far (the first batch starts epoch 1). */
  epochs = 0;

  constructor(
    readonly n: number,
    readonly batchSize: number,
    seed: number,
  ) {
    this.order = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.rng = new GaussianNoise(seed);
    this.next = n;
  }

  /** Examples drawn so far (epochs done = seen / n). */
  seen = 0;
  /** Size of the batch `take` returned last (the last batch of an epoch is smaller when n is not a multiple). */
  count = 0;

  /** The next batch: returns its start in `order` and sets `count` (reshuffled at each epoch's start; never allocates). */
  take(): number {
    if (this.next >= this.n) {
      this.shuffle();
      this.next = 0;
      this.epochs++;
    }
    const start = this.next;
    this.count = Math.min(this.batchSize, this.n - start);
    this.next += this.count;
    this.seen += this.count;
    return start;
  }

  /** Steps (batches) per epoch. */
  get batchesPerEpoch(): number {
    return Math.ceil(this.n / this.batchSize);
  }

  private shuffle(): void {
    const o = this.order;
    if (this.batchSize >= this.n) return; // the full batch: order does not matter, keep the stream untouched
    for (let i = o.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng.uniform() * (i + 1));
      const tmp = o[i];
      o[i] = o[j];
      o[j] = tmp;
    }
  }
}
