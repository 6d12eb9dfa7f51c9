// The network of a member's own bank card, from its leading digits (the issuer identification
// number ranges each network publishes). Only for showing and sorting: Paydesk never routes by it.

export const CARD_BRANDS = ['unionpay', 'visa', 'mastercard', 'amex', 'jcb', 'other'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

function prefixBetween(pan: string, digits: number, low: number, high: number): boolean {
  const prefix = Number(pan.slice(0, digits));
  return pan.length >= digits && prefix >= low && prefix <= high;
}

/** UnionPay 62, Visa 4, Mastercard 51–55 and 2221–2720, Amex 34/37, JCB 3528–3589, else other. */
export function cardBrand(pan: string): CardBrand {
  if (pan.startsWith('62')) return 'unionpay';
  if (pan.startsWith('4')) return 'visa';
  if (prefixBetween(pan, 2, 51, 55) || prefixBetween(pan, 4, 2221, 2720)) return 'mastercard';
  if (pan.startsWith('34') || pan.startsWith('37')) return 'amex';
  if (prefixBetween(pan, 4, 3528, 3589)) return 'jcb';
  return 'other';
}
