import { randomBytes } from 'node:crypto';
import { luhnCheckDigit } from '../../src-shared/luhn';
import { hmac, randomKey } from '../store/crypto';
import { sealedPurpose } from '../sealed/purpose';

// Card numbers and card-verification values (issue 10, DESIGN.md §3).
// - A number is the program's BIN, digits drawn uniformly from the CSPRNG, and the Luhn digit.
// - A CVV is never stored: it is HMAC-SHA-256(card-verification key, PAN ‖ YYMM) reduced to three
//   digits, computed again whenever it is shown or checked. Each program has its own random
//   card-verification key, stored sealed with the program.

export const CARD_PAN = sealedPurpose('cards.pan', 'card');
export const BANK_CARD_PAN = sealedPurpose('bank-cards.pan', 'bank-card');
export const CARD_VERIFICATION_KEY = sealedPurpose('cards.verification-key', 'program');

/** A fresh card-verification key, hex, to be sealed with its program. */
export function newVerificationKey(): string {
  return randomKey().toString('hex');
}

/**
 * `count` decimal digits, each uniform over 0–9. A byte is kept only below 250 (25 × 10), so
 * `byte % 10` has no modulo bias; about 2% of bytes are drawn again.
 */
export function randomDigits(count: number, random: (bytes: number) => Buffer = randomBytes): string {
  let digits = '';
  while (digits.length < count) {
    for (const byte of random(count - digits.length + 4)) {
      if (byte < 250 && digits.length < count) digits += String(byte % 10);
    }
  }
  return digits;
}

/** A new card number under `bin`, `length` digits long, its last the Luhn check digit. */
export function drawPan(bin: string, length: number, random?: (bytes: number) => Buffer): string {
  const body = bin + randomDigits(length - bin.length - 1, random);
  return body + String(luhnCheckDigit(body));
}

/** `YYYY-MM` → the `YYMM` a CVV is computed over, and the `MM/YY` printed on the card. */
export function expiryYymm(expiryMonth: string): string {
  return expiryMonth.slice(2, 4) + expiryMonth.slice(5, 7);
}

export function printedExpiry(expiryMonth: string): string {
  return `${expiryMonth.slice(5, 7)}/${expiryMonth.slice(2, 4)}`;
}

/** `MM/YY` as typed at a terminal → `YYYY-MM` (this century). */
export function expiryMonthOf(printed: string): string {
  return `20${printed.slice(3, 5)}-${printed.slice(0, 2)}`;
}

/**
 * The card's three-digit CVV. Two bytes at a time are read from the MAC and kept below 64,000,
 * so `value % 1000` is uniform; a 32-byte MAC almost never runs out (p < 10⁻⁵⁰).
 */
export function cardVerificationValue(verificationKey: Buffer, pan: string, expiryMonth: string): string {
  const mac = hmac(verificationKey, pan, expiryYymm(expiryMonth));
  for (let i = 0; i + 1 < mac.length; i += 2) {
    const value = mac.readUInt16BE(i);
    if (value < 64_000) return String(value % 1000).padStart(3, '0');
  }
  throw new Error('cardVerificationValue: the MAC had no usable pair of bytes');
}

/** The card's expiry month: `months` after the month it was issued in, `YYYY-MM` (UTC). */
export function expiryMonthFrom(issuedAt: Date, months: number): string {
  const total = issuedAt.getUTCFullYear() * 12 + issuedAt.getUTCMonth() + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
