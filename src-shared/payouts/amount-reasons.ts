import { fillPlaceholders, type MessageLanguage } from '../row-problem';
import { minorDigits } from '../money';

// Why a payout file's amount is INVALID_AMOUNT (issue 11): the code's message says what an amount
// must look like, and parseAmount's reason (the problem's details.reason) says which rule this one
// broke, so the person sees at once that "-12.00" is negative or "12.345" has a decimal too many.
// A Record keyed by reason makes a missing translation a type error.

export const AMOUNT_REASONS = ['negative', 'zero', 'too_many_decimals', 'not_a_number', 'exponent', 'too_large', 'empty'] as const;
export type AmountReason = (typeof AMOUNT_REASONS)[number];

export const AMOUNT_REASON_MESSAGES: Record<MessageLanguage, Record<AmountReason, string>> = {
  en: {
    negative: 'This one is negative.',
    zero: 'This one is zero.',
    too_many_decimals: 'This one has more than the {{digits}} decimal places {{currency}} has.',
    not_a_number: 'This one is not a plain number: it has letters, a currency sign, inner spaces, or commas that are not thousands groups.',
    exponent: 'This one uses an exponent (such as 1e5).',
    too_large: 'This one is larger than Paydesk can hold exactly.',
    empty: 'This one is empty.',
  },
  'zh-CN': {
    negative: '此金额为负数。',
    zero: '此金额为零。',
    too_many_decimals: '此金额的小数位数超过了 {{currency}} 的 {{digits}} 位。',
    not_a_number: '此金额不是纯数字：含有字母、货币符号、中间空格，或不是千位分组的逗号。',
    exponent: '此金额使用了科学计数法（例如 1e5）。',
    too_large: '此金额太大，Paydesk 无法精确保存。',
    empty: '此金额为空。',
  },
};

function isAmountReason(reason: unknown): reason is AmountReason {
  return (AMOUNT_REASONS as readonly unknown[]).includes(reason);
}

/** Why the amount was refused, in `language`, for a row paying in `currency`; null for a reason this catalogue does not know. */
export function amountReasonMessage(reason: unknown, currency: string, language: MessageLanguage): string | null {
  if (!isAmountReason(reason)) return null;
  return fillPlaceholders(AMOUNT_REASON_MESSAGES[language][reason], { currency, digits: minorDigits(currency) });
}
