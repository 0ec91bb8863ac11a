import { useEffect, useState } from "react";
import type { VarianceComparison } from "../../core/data/gradientVariance";
import { getSurface } from "../../core/surfaces";
import { MARK_VARIANCE, markOnce } from "../../state/marks";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { formatCount, formatMetric } from "../format";
import { sameInput, varianceInput, type VarianceInput } from "./varianceInput";
import { VarianceChart } from "./VarianceChart";
import { measureInSlices } from "./varianceJob";
import "./variance.css";

/**
 * Each sampled estimate averages at least 32 epochs of the run's sampler and at least 512
 * batches (its standard error, shown beside it, a few per cent of the value): about 160,000
 * example gradients in all, computed in slices (measureInSlices) so a playing race keeps its frames.
 */
const EPOCHS = 32;
const MIN_BATCHES = 512;
/** The point moves every frame while racing; the comparison follows it at most this often. */
const EVERY_MS = 250;

interface Measured {
  input: VarianceInput;
  comparison: VarianceComparison | null;
}

const readInput = () => {
  const s = useStore.getState();
  return varianceInput(s.experiment, s.selectedRunId, s.scrub, trajectories);
};

/**
 * The selected run's point, measured again when it moves (at most every EVERY_MS), or the
 * run or the step shown changes. Until a new measurement is done the last one stays, with
 * the point it was made at; a newer point cancels a measurement still running.
 */
function useMeasured(): Measured | null {
  const [measured, setMeasured] = useState<Measured | null>(null);
  useEffect(() => {
    let last: VarianceInput | null = null;
    let lastAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancel = () => {};
    const flush = () => {
      timer = null;
      const input = readInput();
      if (sameInput(input, last)) return;
      last = input;
      lastAt = performance.now();
      cancel();
      cancel = () => {};
      if (!input) return setMeasured(null);
      const [w1, w2] = input.point;
      if (!Number.isFinite(w1) || !Number.isFinite(w2)) return setMeasured({ input, comparison: null });
      cancel = measureInSlices(input.batch.source, { w1, w2, seed: input.batch.seed, epochs: EPOCHS, minBatches: MIN_BATCHES }, (comparison, times) => {
        markOnce(MARK_VARIANCE, { ms: times.total, longest: times.longest });
        setMeasured({ input, comparison });
      });
    };
    const request = () => {
      if (!timer) timer = setTimeout(flush, Math.max(0, lastAt + EVERY_MS - performance.now()));
    };
    const offTrajectories = trajectories.subscribe(request);
    const offStore = useStore.subscribe((s, prev) => {
      if (s.experiment !== prev.experiment || s.scrub !== prev.scrub || s.selectedRunId !== prev.selectedRunId) request();
    });
    request();
    return () => {
      offTrajectories();
      offStore();
      cancel();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return measured;
}

/**
 * Seed 003's batch-size exercise at the selected run's point: how the variance of the
 * mini-batch gradient falls with the batch size, exact (sampling without replacement) and
 * as the run's own sampler draws it. Shown on data surfaces only.
 */
export function GradientVariancePanel() {
  const onData = useStore((s) => Boolean(getSurface(s.experiment.surface)?.batches));
  const measured = useMeasured();
  if (!onData || !measured) return null;
  const { input, comparison } = measured;
  const where = `${input.label} at step ${formatCount(input.step)}, (w₁, w₂) = (${formatMetric(input.point[0])}, ${formatMetric(input.point[1])})`;
  return (
    <section className="panel variance-panel" aria-labelledby="variance-title">
      <div className="panel-head">
        <h2 id="variance-title">Gradient variance by batch size</h2>
        <span className="panel-note">{where}</span>
      </div>
      {comparison === null ? (
        <p className="muted">The run has left the finite range: there is no gradient to measure.</p>
      ) : (
        <div className="variance-body">
          <figure className="variance-figure">
            <VarianceChart comparison={comparison} />
            <figcaption className="variance-legend">
              <span className="key key-exact">exact</span>
              <span className="key key-sampled">sampled (±2 s.e.)</span>
              <span className="key key-reference">σ²/B</span>
            </figcaption>
          </figure>
          <div className="variance-numbers">
            <table>
              <caption>
                E‖g<sub>B</sub> − ∇f‖² of a batch of B of the {formatCount(comparison.n)} examples: exact = (n − B)/(B(n − 1))·σ², and over at least {EPOCHS} epochs and {MIN_BATCHES} batches of the run's
                own sampler (seed {input.batch.seed}{input.batch.size ? `, the run's batches are ${input.batch.size}` : ", the run takes the full batch"}).
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">B</th>
                  <th scope="col" className="num">exact</th>
                  <th scope="col" className="num">sampled</th>
                  <th scope="col" className="num">± s.e.</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr key={r.batchSize} data-batch={r.batchSize} data-exact={r.exact} data-sampled={r.sampled.value} aria-current={r.batchSize === input.batch.size ? "true" : undefined}>
                    <th scope="row" className="num">{formatCount(r.batchSize)}</th>
                    <td className="num">{formatMetric(r.exact)}</td>
                    <td className="num">{formatMetric(r.sampled.value)}</td>
                    <td className="num">{formatMetric(r.sampled.standardError)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
