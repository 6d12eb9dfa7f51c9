import type { CardProgram } from '../../../../src-shared/contract/cards';
import { isLuhnValid } from '../../../../src-shared/luhn';
import { checkAmount } from '../../ui/AmountField';
import { groupCardNumber } from '../cards/card-number-text';

// What the terminal's fields hold as they are typed, and whether they make a request yet. The
// card number and CVV live only in the form's state: they are sent, never kept, logged or cached.

export interface TerminalInput {
  merchant: string;
  /** The card number as shown, in groups of four. */
  pan: string;
  /** `MM/YY`. */
  expiry: string;
  cvv: string;
  /** In major units of the card's currency. */
  amount: string;
}

export const EMPTY_CARD = { pan: '', expiry: '', cvv: '', amount: '' } as const;

const MAX_PAN_DIGITS = 19;
const EXPIRY = /^(0[1-9]|1[0-2])\/\d{2}$/;

/** What is typed into the number field, grouped as printed on a card: digits only, at most 19. */
export function typedPan(text: string): string {
  return groupCardNumber(text.replace(/\D/g, '').slice(0, MAX_PAN_DIGITS));
}

/** What is typed into the expiry field, with the slash put in after the month: "1228" → "12/28". */
export function typedExpiry(text: string): string {
  const digits = text.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

export function typedCvv(text: string): string {
  return text.replace(/\D/g, '').slice(0, 3);
}

/**
 * The number as the field shows it while another field has the focus: the first six and last
 * four digits (PCI DSS v4.0 req. 3.4.1), so it is not read over the teller's shoulder or caught in
 * a screenshot. A number too short to be a card's is shown as typed.
 */
export function maskedTypedPan(pan: string): string {
  const digits = panDigitsOf(pan);
  if (digits.length < 13) return pan;
  return groupCardNumber(`${digits.slice(0, 6)}${'•'.repeat(digits.length - 10)}${digits.slice(-4)}`);
}

export function panDigitsOf(pan: string): string {
  return pan.replace(/\D/g, '');
}

export type FieldProblem = 'pan' | 'panCheck' | 'expiry' | 'cvv';

/** Each card field that cannot be sent as it stands. */
export function cardProblems(input: TerminalInput): Partial<Record<'pan' | 'expiry' | 'cvv', FieldProblem>> {
  const digits = panDigitsOf(input.pan);
  const problems: Partial<Record<'pan' | 'expiry' | 'cvv', FieldProblem>> = {};
  if (digits.length < 13) problems.pan = 'pan';
  else if (!isLuhnValid(digits)) problems.pan = 'panCheck';
  if (!EXPIRY.test(input.expiry)) problems.expiry = 'expiry';
  if (!/^\d{3}$/.test(input.cvv)) problems.cvv = 'cvv';
  return problems;
}

/** The program whose BIN the number starts with (the longest BIN that fits), which gives the amount's currency. */
export function programOfPan(programs: readonly CardProgram[], pan: string): CardProgram | undefined {
  const digits = panDigitsOf(pan);
  return programs.filter((program) => digits.startsWith(program.bin)).sort((a, b) => b.bin.length - a.bin.length)[0];
}

/** The request the form makes, or null while a field cannot be sent yet. */
export function authorizeRequest(input: TerminalInput, currency: string): { pan: string; expiry: string; cvv: string; amount: number; merchant: string } | null {
  const amount = checkAmount(input.amount, currency);
  if (Object.keys(cardProblems(input)).length > 0 || amount.minor === null || input.merchant.trim() === '') return null;
  return { pan: panDigitsOf(input.pan), expiry: input.expiry, cvv: input.cvv, amount: amount.minor, merchant: input.merchant.trim() };
}
