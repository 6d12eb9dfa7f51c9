import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-shared/errors';
import { parseAmount } from '../../../../src-shared/money';
import { AMOUNT_REASONS } from '../../../../src-shared/payouts/amount-reasons';
import { amountCurrency, payoutProblemText } from './problem-text';

// A payout row's problem reads as the code's catalogue message in the reader's language and, for
// INVALID_AMOUNT, the rule the amount broke, so "12.345" says it has a decimal too many.

const invalidAmount = (reason: string) => ({ code: 'INVALID_AMOUNT' as const, column: 'amount', details: { reason } });

/** The reason parseAmount gives for `text`, as the row check records it. */
function reasonFor(text: string, currency = 'CNY'): string {
  try {
    parseAmount(text, currency);
  } catch (error) {
    if (error instanceof AppError) return String(error.details?.reason);
  }
  throw new Error(`reasonFor: ${text} parsed`);
}

describe('a payout problem in words', () => {
  it('says why an amount was refused after what an amount must look like, in English and in Chinese', () => {
    const english = payoutProblemText(invalidAmount('too_many_decimals'), 'CNY', 'en');
    expect(english).toMatch(/^The amount is not one Paydesk can pay: .* This one has more than the 2 decimal places CNY has\.$/);
    expect(payoutProblemText(invalidAmount('negative'), 'CNY', 'zh-CN')).toMatch(/^金额无法支付：.*。此金额为负数。$/);
  });

  it('has words for every reason a file amount can be refused with', () => {
    const reasons = ['-5', '0', '12.345', '1.234,50', '1e5', '99999999999999999', ''].map((text) => reasonFor(text));
    expect(new Set(reasons)).toEqual(new Set(AMOUNT_REASONS));
    for (const language of ['en', 'zh-CN']) {
      for (const reason of AMOUNT_REASONS) expect(payoutProblemText(invalidAmount(reason), 'JPY', language)).not.toBe(payoutProblemText(invalidAmount('unheard_of'), 'JPY', language));
    }
  });

  it('reads decimals in the row’s own currency when it names a known one, else the batch’s', () => {
    expect(payoutProblemText(invalidAmount('too_many_decimals'), amountCurrency('JPY', 'CNY'), 'en')).toContain('the 0 decimal places JPY has');
    expect(amountCurrency('XXQ', 'CNY')).toBe('CNY');
    expect(amountCurrency('', 'USD')).toBe('USD');
  });

  it('leaves other codes as the catalogue says them, their column filled in', () => {
    expect(payoutProblemText({ code: 'MISSING_FIELD', column: 'member_no' }, 'CNY', 'en')).toBe('The required field “member_no” is empty.');
  });
});
