/** Placeholder: being built. */
export function Leaderboard() {
  return <div className="panel">Leaderboard</div>;
}
