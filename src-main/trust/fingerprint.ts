import { sha256Hex } from '../store/crypto';

/**
 * The trust fingerprint: the first 128 bits of SHA-256 over the root's public key, as eight
 * groups of four hex digits. It is what a person compares by eye with the one printed at set-up,
 * so it must be short; 128 bits leave no room to make a second key that matches.
 */
export function fingerprintOf(publicKey: string): string {
  return sha256Hex(`paydesk/trust-root/${publicKey}`).slice(0, 32).toUpperCase().match(/.{4}/g)!.join('-');
}
