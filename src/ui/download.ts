/** Saves `data` as a file named `name` through a temporary link (the one way every browser downloads a Blob). */
export function downloadFile(name: string, data: Blob | string, type = "application/octet-stream"): void {
  const blob = typeof data === "string" ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: Chromium reads the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
