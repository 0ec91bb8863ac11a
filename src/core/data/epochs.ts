/**
 * Passes over the dataset after `steps` mini-batches of `batchSize` out of `n` examples, as
 * BatchSampler draws them: each epoch is ceil(n / batchSize) batches, all full but the last
 * (the remainder). The closed form lets the page read the epochs at any step of a recorded
 * path (the timeline scrubbed back) without replaying the sampler.
 */
export function epochsAfter(steps: number, batchSize: number, n: number): number {
  const size = Math.min(batchSize, n);
  const perEpoch = Math.ceil(n / size);
  const whole = Math.floor(steps / perEpoch);
  // Within an epoch every batch before the last is full, so j batches hold j · size examples.
  return (whole * n + (steps - whole * perEpoch) * size) / n;
}
