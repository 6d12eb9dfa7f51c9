// A picked file's bytes as base64, for payouts.validate and payouts.import: a payout file may be in
// any accepted encoding (UTF-16, GB18030…), so it travels undecoded and the main process reads it.
// The browser's own data-URL encoder does the work natively, in one pass, even for 10 MB.

export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('fileAsBase64: the file could not be read.'));
    reader.readAsDataURL(file);
  });
}
