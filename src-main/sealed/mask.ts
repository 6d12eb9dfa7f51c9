// What screens, receipts, logs and audit rows may show of a sealed value.

/** The character every masked form shows in place of a hidden one. */
export const HIDDEN = '•';

/** The last four characters, kept in clear beside the sealed value so lists need no key. */
export function lastFour(clear: string): string {
  return clear.slice(-4);
}

/** `••••1234`: an ID document or a linked bank card, from its stored last four. */
export function maskLastFour(last4: string): string {
  return `${HIDDEN.repeat(4)}${last4}`;
}

/**
 * `411111••••••1111` from what a card row keeps in clear beside its sealed number: its first six
 * and last four digits and its length. PCI DSS v4.0 req. 3.4.1: at most these are displayed.
 */
export function maskCardNumber(first6: string, last4: string, length: number): string {
  return `${first6}${HIDDEN.repeat(length - 10)}${last4}`;
}

/** `411111••••••1111` from a clear card number. */
export function maskPan(pan: string): string {
  // ISO/IEC 7812 card numbers have 13 to 19 digits, so at least three stay hidden.
  if (!/^\d{13,19}$/.test(pan)) throw new Error('maskPan: a card number has 13 to 19 digits');
  return maskCardNumber(pan.slice(0, 6), pan.slice(-4), pan.length);
}
