/** Placeholder: being built. */
export function Transport() {
  return <div className="panel">Transport</div>;
}
