/** Placeholder: being built. */
export function SurfacePicker() {
  return <div className="panel">SurfacePicker</div>;
}
