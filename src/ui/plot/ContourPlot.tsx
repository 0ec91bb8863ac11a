/** Placeholder: being built. */
export function ContourPlot() {
  return <div className="panel">ContourPlot</div>;
}
