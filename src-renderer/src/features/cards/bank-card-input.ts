import { cardBrand, type CardBrand } from '../../../../src-shared/cards/card-brand';
import { isLuhnValid, panDigits } from '../../../../src-shared/luhn';

// What the Link dialog says under the card number as it is typed: nothing until it could be a
// whole number, then whether its check digit holds (ISO/IEC 7812 Luhn) and the network it is of.

export type PanCheck = { state: 'typing'; brand: null } | { state: 'valid'; brand: CardBrand } | { state: 'checkDigit' | 'format'; brand: null };

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

export function checkTypedPan(typed: string): PanCheck {
  const digits = panDigits(typed.trim());
  if (digits === '') return { state: 'typing', brand: null };
  if (!/^\d+$/.test(digits) || digits.length > MAX_DIGITS) return { state: 'format', brand: null };
  if (digits.length < MIN_DIGITS) return { state: 'typing', brand: null };
  return isLuhnValid(digits) ? { state: 'valid', brand: cardBrand(digits) } : { state: 'checkDigit', brand: null };
}
