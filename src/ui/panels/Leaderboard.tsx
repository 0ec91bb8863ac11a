import { useState, type ReactNode } from "react";
import { runDash, swatchBackground } from "../../state/palette";
import { useStore } from "../../state/store";
import { sortRows, type LeaderboardRow, type Sort, type SortKey } from "./leaderboardRows";
import { formatCount, formatMetric, formatParam } from "../format";
import { useLeaderboardRows } from "./useLeaderboardRows";
import "./panels.css";

interface Column {
  key: SortKey;
  /** Header text. */
  title: string;
  /** What the header means, lower case: the sort button is named "Sort by <description>". */
  description: string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: "label", title: "Run", description: "run", numeric: false },
  { key: "status", title: "Status", description: "status", numeric: false },
  { key: "step", title: "Step", description: "step", numeric: true },
  { key: "loss", title: "Loss", description: "loss", numeric: true },
  { key: "distance", title: "Dist.", description: "distance to the nearest minimum (G global, L local)", numeric: true },
  { key: "stepsToTolerance", title: "To tol.", description: "steps to tolerance", numeric: true },
  { key: "pathLength", title: "Path", description: "path length", numeric: true },
];

/** Epochs read as plain decimals, as exact as six digits allow (31.25, 1.78125). */
const EPOCHS = { kind: "number", scale: "linear" } as const;

const Missing = ({ why }: { why: string }) => (
  <>
    <span aria-hidden="true">—</span>
    <span className="visually-hidden">{why}</span>
  </>
);

function Cell({ value, why = "none", children }: { value: number | null; why?: string; children?: ReactNode }) {
  return (
    <td className="num" data-value={value ?? ""}>
      {value === null ? <Missing why={why} /> : (children ?? formatMetric(value))}
    </td>
  );
}

function Row({ row, selected }: { row: LeaderboardRow; selected: boolean }) {
  const selectRun = useStore((s) => s.selectRun);
  return (
    <tr className={selected ? "selected" : undefined} data-run={row.id} data-hidden={row.hidden || undefined}>
      <th scope="row">
        {/* Not named just "Adam": the run list owns that name; this one says what it does. */}
        <button
          type="button"
          className="run-name"
          aria-pressed={selected}
          aria-label={`${row.label}: update rule`}
          onClick={() => selectRun(row.id)}
          title={`Show the update rule of ${row.label}`}
        >
          <span className="swatch" style={{ background: swatchBackground(row.color, runDash({ color: row.color }, row.order)) }} aria-hidden="true" />
          <span className="name-text">{row.label}</span>
        </button>
      </th>
      <td className={`status status-${row.status ?? "none"}`} data-value={row.status ?? ""}>
        {row.status ?? <Missing why="not started" />}
      </td>
      <Cell value={row.step}>
        {row.step !== null && formatCount(row.step)}
        {row.epochs !== null && (
          // On mini-batches a step is a batch, not a pass: the passes over the dataset go under it.
          <span className="epochs" data-epochs={row.epochs}>
            {formatParam(EPOCHS, row.epochs)} {row.epochs === 1 ? "epoch" : "epochs"}
          </span>
        )}
      </Cell>
      <Cell value={row.loss} />
      <td
        className="num"
        data-value={row.distance ?? ""}
        data-minimum={row.minimum?.kind}
        title={row.minimum ? `nearest minimum: ${row.minimum.kind}, at (${row.minimum.point.join(", ")})` : undefined}
      >
        {row.distance === null ? (
          <Missing why="no known minimum" />
        ) : (
          <>
            {formatMetric(row.distance)}
            {row.minimum && (
              <span className={`kind kind-${row.minimum.kind}`}>
                <span aria-hidden="true">{row.minimum.kind === "global" ? "G" : "L"}</span>
                <span className="visually-hidden">{row.minimum.kind}</span>
              </span>
            )}
          </>
        )}
      </td>
      <Cell value={row.stepsToTolerance} why="not reached">
        {row.stepsToTolerance !== null && formatCount(row.stepsToTolerance)}
      </Cell>
      <Cell value={row.pathLength} />
    </tr>
  );
}

/**
 * Which moment of the race the table shows: a scrubbed step, the live head while it runs,
 * or where it stopped ("final" once the race is over, never "live" after the end).
 */
function moment(scrub: number | null, playing: boolean, done: boolean, step: number): string {
  if (scrub !== null) return `at step ${formatCount(scrub)}`;
  if (done) return `final, step ${formatCount(step)}`;
  if (playing) return "live";
  return step === 0 ? "at the start" : `paused at step ${formatCount(step)}`;
}

/** One row per run, from the engine's own metrics; sortable by any column. */
export function Leaderboard() {
  const rows = useLeaderboardRows();
  const selectedRunId = useStore((s) => s.selectedRunId);
  const scrub = useStore((s) => s.scrub);
  const playing = useStore((s) => s.playing);
  const done = useStore((s) => s.done);
  const step = useStore((s) => s.step);
  const note = moment(scrub, playing, done, step);
  const [sort, setSort] = useState<Sort | null>(null);
  const sorted = sortRows(rows, sort);
  const toggle = (key: SortKey) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: "ascending" }));

  return (
    <section className="panel leaderboard" aria-labelledby="leaderboard-title">
      <div className="panel-head">
        <h2 id="leaderboard-title">Leaderboard</h2>
        <span className="panel-note" data-moment={scrub !== null ? "scrub" : done ? "final" : playing ? "live" : "paused"}>
          {note}
        </span>
      </div>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Runs {note}
            {sort ? `, sorted by ${COLUMNS.find((c) => c.key === sort.key)!.description}, ${sort.dir}` : ", in experiment order"}. Sort by a
            column with its header button.
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? "num" : undefined} aria-sort={sort?.key === c.key ? sort.dir : undefined}>
                  {/* Named "Sort by …" so it cannot be mistaken for the transport's "Step" button. */}
                  <button type="button" className="sort" onClick={() => toggle(c.key)} title={`Sort by ${c.description}`}>
                    <span className="visually-hidden">Sort by {c.description}</span>
                    <span aria-hidden="true">{c.title}</span>
                    <span className="sort-mark" aria-hidden="true">
                      {sort?.key === c.key ? (sort.dir === "ascending" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <Row key={row.id} row={row} selected={row.id === selectedRunId} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
