import { useState } from 'react';

/**
 * An idempotency key for what the form holds now: the same key while the values stay the same
 * (a double click, or a retry after an error, posts once), a fresh one as soon as they change (so
 * a corrected form is a new request, never a conflict with the one refused). The dialog's dry-run
 * preview carries the key of the values it shows, as the post of them will.
 */
export function useFormKey(values: string): string {
  const [held, setHeld] = useState(() => ({ values, key: crypto.randomUUID() }));
  if (held.values === values) return held.key;
  const next = { values, key: crypto.randomUUID() };
  setHeld(next);
  return next.key;
}
