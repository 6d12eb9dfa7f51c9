// A download the same way in Electron and in a browser: an object URL and a link with `download`.
// Electron shows its Save dialog for it (the main process sets no save path); the blob: URL never
// leaves the machine, so the window's request guard lets it through.

/** Chromium holds the blob once the download has started; the URL is only kept for a slow start. */
const REVOKE_AFTER_MS = 30_000;

/** Saves text (a CSV, a certificate) or bytes (a PDF the main process wrote) under `fileName`. */
export function saveFile(fileName: string, content: string | Uint8Array<ArrayBuffer> | Blob, type: string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
