/** Placeholder: being built. */
export function LossPanel() {
  return <div className="panel">LossPanel</div>;
}
