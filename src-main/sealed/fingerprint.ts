import { hmac } from '../store/crypto';
import { fingerprintKey, type SealedPurpose } from './purpose';

// A keyed fingerprint (HMAC-SHA-256) finds equal values without opening any box: a unique index
// on it keeps card numbers unique, and a lookup by card number is one indexed read. It is keyed
// because a card number has too few unknown digits for a plain hash to hide it: whoever holds
// the rows but not the master key cannot test guesses.

/** Fingerprints values of one purpose under one master key. */
export type Fingerprinter = (clear: string) => string;

/** Derives the purpose's fingerprint key once; a new row stores the current master key's fingerprint. */
export function fingerprinter(masterKey: Buffer, purpose: SealedPurpose): Fingerprinter {
  const key = fingerprintKey(masterKey, purpose);
  return (clear) => hmac(key, clear).toString('hex');
}

/**
 * Every fingerprint a stored row may carry for `clear`, one per key of `keys` (see masterKeys):
 * a row keeps the fingerprint it got under the master key of its day, so after a rekey a
 * uniqueness check or a lookup matches any of these.
 */
export function knownFingerprints(keys: Iterable<Buffer>, purpose: SealedPurpose, clear: string): string[] {
  return Array.from(keys, (masterKey) => fingerprinter(masterKey, purpose)(clear));
}
