// Member numbers: an 8-digit body followed by one check digit computed with the Luhn algorithm
// (ISO/IEC 7812-1, Annex B), so a mistyped digit or most swapped neighbours are caught at the
// counter before a lookup. Bodies are allocated in sequence from 10000000, which keeps every number
// 9 digits long and never reuses one.

import { luhnCheckDigit } from './luhn';

export const MEMBER_NUMBER_LENGTH = 9;
const FIRST_BODY = 10_000_000;
const LAST_BODY = 99_999_999;

/** The member number for the n-th member (n from 1). */
export function memberNumberFor(sequence: number): string {
  const body = FIRST_BODY + sequence - 1;
  if (!Number.isSafeInteger(sequence) || sequence < 1 || body > LAST_BODY) {
    throw new RangeError(`memberNumberFor: sequence ${sequence} is outside 1..${LAST_BODY - FIRST_BODY + 1}`);
  }
  const digits = String(body);
  return `${digits}${luhnCheckDigit(digits)}`;
}

/** Removes the spaces and dashes people type when reading a number off a card or a screen. */
export function normalizeMemberNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isValidMemberNumber(input: string): boolean {
  const digits = normalizeMemberNumber(input);
  if (!/^[1-9]\d{8}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/**
 * The member numbers among the first `issued` that end with `digits` (spaces and dashes ignored),
 * e.g. `0007 4` → 100000074: what a teller reads off the end of a card. Numbers are issued in
 * sequence, so they are counted out rather than searched for. Null when more than `limit`
 * numbers would need checking: too few digits to narrow the search.
 */
export function memberNumbersEndingWith(input: string, issued: number, limit: number): string[] | null {
  const digits = normalizeMemberNumber(input);
  if (!/^\d{1,9}$/.test(digits) || issued < 1) return null;
  const check = Number(digits.slice(-1));
  // Every body ending in `tail`: the first at or after FIRST_BODY, then one every `step`.
  const tail = Number(digits.slice(0, -1) || '0');
  const step = 10 ** (digits.length - 1);
  const last = Math.min(LAST_BODY, FIRST_BODY + issued - 1);
  const first = FIRST_BODY + ((((tail - FIRST_BODY) % step) + step) % step);
  if (first > last) return [];
  if ((last - first) / step + 1 > limit) return null;
  const numbers: string[] = [];
  for (let body = first; body <= last; body += step) {
    if (luhnCheckDigit(String(body)) === check) numbers.push(`${body}${check}`);
  }
  return numbers;
}

/** Groups a member number for reading aloud and printing: `1000 0001 7`. */
export function formatMemberNumber(memberNumber: string): string {
  return `${memberNumber.slice(0, 4)} ${memberNumber.slice(4, 8)} ${memberNumber.slice(8)}`;
}
