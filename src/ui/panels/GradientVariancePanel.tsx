import { useEffect, useState } from "react";
import { compareBatchSizes, type VarianceComparison } from "../../core/data/gradientVariance";
import { getSurface } from "../../core/surfaces";
import { useStore } from "../../state/store";
import { trajectories } from "../../state/trajectories";
import { formatCount, formatMetric } from "../format";
import { sameInput, varianceInput, type VarianceInput } from "./varianceInput";
import { VarianceChart } from "./VarianceChart";
import "./variance.css";

/**
 * Each sampled estimate averages at least 32 epochs of the run's sampler and at least 512
 * batches (its standard error, shown beside it, a few per cent of the value): about 160,000
 * example gradients in all, 6–9 ms in Node for the two data surfaces.
 */
const EPOCHS = 32;
const MIN_BATCHES = 512;
/** The point moves every frame while racing; the comparison follows it at most this often. */
const EVERY_MS = 250;

interface Measured {
  input: VarianceInput;
  comparison: VarianceComparison | null;
}

function measure(input: VarianceInput): Measured {
  const [x, y] = input.point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { input, comparison: null };
  return { input, comparison: compareBatchSizes(input.batch.source, x, y, input.batch.seed, EPOCHS, MIN_BATCHES) };
}

/** The selected run's point, measured again when it moves (throttled), the run or the step shown changes. */
function useMeasured(): Measured | null {
  const read = () => {
    const s = useStore.getState();
    return varianceInput(s.experiment, s.selectedRunId, s.scrub, trajectories);
  };
  const [measured, setMeasured] = useState<Measured | null>(() => {
    const input = read();
    return input ? measure(input) : null;
  });
  useEffect(() => {
    let last: VarianceInput | null = measured?.input ?? null;
    let lastAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const input = read();
      if (sameInput(input, last)) return;
      last = input;
      lastAt = performance.now();
      setMeasured(input ? measure(input) : null);
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
      if (timer) clearTimeout(timer);
    };
    // Subscribed once: every callback reads the store and the trajectories afresh.
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
