/** Placeholder: being built. */
export function UpdateRule() {
  return <div className="panel">UpdateRule</div>;
}
