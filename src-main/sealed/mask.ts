// What screens, receipts, logs and audit rows may show of a sealed value.

const HIDDEN = '•';

/** The last four characters, kept in clear beside the sealed value so lists need no key. */
export function lastFour(clear: string): string {
  return clear.slice(-4);
}

/** `••••1234`: an ID document or a linked bank card, from its stored last four. */
export function maskLastFour(last4: string): string {
  return `${HIDDEN.repeat(4)}${last4}`;
}

/** `411111••••••1111`. PCI DSS v4.0 req. 3.4.1: at most the first six and last four digits are displayed. */
export function maskPan(pan: string): string {
  // ISO/IEC 7812 card numbers have 13 to 19 digits, so at least three stay hidden.
  if (!/^\d{13,19}$/.test(pan)) throw new Error('maskPan: a card number has 13 to 19 digits');
  return `${pan.slice(0, 6)}${HIDDEN.repeat(pan.length - 10)}${pan.slice(-4)}`;
}
