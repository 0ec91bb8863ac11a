/** Placeholder: being built. */
export function RunList() {
  return <div className="panel">RunList</div>;
}
