import { readRetiredKeys } from '../store/retired-keys';
import type { Store } from '../store/store';

/**
 * The master keys a sealed value of this data folder may be under: the current one, then each
 * key a rekey retired, newest first. A rekey changes the master key without touching rows, and a
 * restored backup may come from before one. Lazy, so retired-keys.json is read only when the
 * current key is not enough.
 */
export function* masterKeys(store: Store): Generator<Buffer, void, undefined> {
  yield store.masterKey;
  for (const retired of readRetiredKeys(store.paths.dataDir, store.masterKey).reverse()) yield Buffer.from(retired.key, 'hex');
}
