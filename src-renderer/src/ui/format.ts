// Dates and sizes in the reader's locale (Intl), never hand-formatted.

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function formatFileSize(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  // SI units, as Intl names them: a kilobyte is 1000 bytes.
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // The short form of a plain byte count is "19 byte" in English; the long one says "19 bytes".
  const unitDisplay = unit === 0 ? 'long' : 'short';
  return new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay, maximumFractionDigits: 1 }).format(value);
}

/** Sentences one after another: a space between them in English, none in Chinese. */
export function joinSentences(sentences: string[], language: string): string {
  return sentences.join(language.startsWith('zh') ? '' : ' ');
}

/** Minutes and seconds left, as m:ss, for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
