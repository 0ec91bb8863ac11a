/** Placeholder: being built. */
export function LrPanel() {
  return <div className="panel">LrPanel</div>;
}
