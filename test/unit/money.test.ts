import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_DIGITS, assertMinorUnits, formatAmount, parseAmount, toDecimalString } from '../../src-shared/money';

const invalid = (reason: string) => expect.objectContaining({ code: 'AMOUNT_INVALID', details: expect.objectContaining({ field: 'amount', reason }) });

describe('parseAmount', () => {
  it('reads decimal text into integer minor units', () => {
    expect(parseAmount('12', 'CNY')).toBe(1_200);
    expect(parseAmount('12.3', 'CNY')).toBe(1_230);
    expect(parseAmount('12.30', 'CNY')).toBe(1_230);
    expect(parseAmount(' 0.05 ', 'USD')).toBe(5);
    expect(parseAmount('1,234.56', 'CNY')).toBe(123_456);
    expect(parseAmount('1,234,567', 'JPY')).toBe(1_234_567);
    expect(parseAmount('1.234', 'KWD')).toBe(1_234);
    expect(parseAmount('250', 'PTS')).toBe(250);
  });

  it('reads a negative amount only where the caller allows it', () => {
    expect(parseAmount('-5.00', 'CNY', { allowNegative: true })).toBe(-500);
    expect(() => parseAmount('-5.00', 'CNY')).toThrow(invalid('negative'));
  });

  it('refuses more decimals than the currency has', () => {
    expect(() => parseAmount('1.234', 'CNY')).toThrow(invalid('too_many_decimals'));
    expect(() => parseAmount('12.5', 'JPY')).toThrow(invalid('too_many_decimals'));
    expect(() => parseAmount('1.2345', 'KWD')).toThrow(invalid('too_many_decimals'));
  });

  it('refuses floats passed as numbers, NaN, exponents and text that is not a decimal', () => {
    expect(() => parseAmount(12.5, 'CNY')).toThrow(invalid('not_text'));
    expect(() => parseAmount(Number.NaN, 'CNY')).toThrow(invalid('not_text'));
    expect(() => parseAmount('NaN', 'CNY')).toThrow(invalid('not_a_number'));
    expect(() => parseAmount('1e3', 'CNY')).toThrow(invalid('exponent'));
    expect(() => parseAmount('12.', 'CNY')).toThrow(invalid('not_a_number'));
    expect(() => parseAmount('1,23.00', 'CNY')).toThrow(invalid('not_a_number'));
    expect(() => parseAmount('12 元', 'CNY')).toThrow(invalid('not_a_number'));
  });

  it('refuses empty text and zero', () => {
    expect(() => parseAmount('', 'CNY')).toThrow(invalid('empty'));
    expect(() => parseAmount('   ', 'CNY')).toThrow(invalid('empty'));
    expect(() => parseAmount('0.00', 'CNY')).toThrow(invalid('zero'));
    expect(parseAmount('0', 'CNY', { allowZero: true })).toBe(0);
  });

  it('refuses amounts beyond Number.MAX_SAFE_INTEGER minor units', () => {
    expect(parseAmount('90071992547409.91', 'CNY')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseAmount('90071992547409.92', 'CNY')).toThrow(invalid('too_large'));
    expect(() => parseAmount('99999999999999999999', 'JPY')).toThrow(invalid('too_large'));
  });

  it('refuses an unknown currency with INVALID_INPUT', () => {
    expect(() => parseAmount('1', 'XYZ')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: { field: 'currency' } }));
  });
});

describe('assertMinorUnits', () => {
  it('accepts positive safe integers only', () => {
    expect(assertMinorUnits(1)).toBe(1);
    expect(assertMinorUnits(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => assertMinorUnits(0.1 + 0.2)).toThrow(invalid('fractional'));
    expect(() => assertMinorUnits(0)).toThrow(invalid('zero'));
    expect(() => assertMinorUnits(-1)).toThrow(invalid('negative'));
    expect(() => assertMinorUnits(Number.MAX_SAFE_INTEGER + 1)).toThrow(invalid('too_large'));
    expect(() => assertMinorUnits(Number.POSITIVE_INFINITY)).toThrow(invalid('fractional'));
    expect(() => assertMinorUnits('100')).toThrow(invalid('not_a_number'));
  });
});

describe('formatAmount', () => {
  it('formats in the reader locale with the currency digits', () => {
    expect(formatAmount(123_456, 'CNY', 'en-US')).toBe('CN¥1,234.56');
    expect(formatAmount(123_456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatAmount(1_234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatAmount(1_234, 'KWD', 'en-US', { withCurrency: false })).toBe('1.234');
    expect(formatAmount(-5, 'USD', 'en-US')).toBe('-$0.05');
    expect(formatAmount(1_500, 'PTS', 'en-US')).toBe('1,500 PTS');
  });

  it('is exact at the top of the safe integer range, where dividing a float would round', () => {
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'CNY', 'en-US', { withCurrency: false })).toBe('90,071,992,547,409.91');
    expect(toDecimalString(9_007_199_254_740_899, 'CNY')).toBe('90071992547408.99');
  });
});

describe('the round trip', () => {
  const currencies = fc.constantFrom(...Object.keys(CURRENCY_DIGITS));
  const minor = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

  it('parses back every plain decimal it writes', () => {
    fc.assert(fc.property(minor, currencies, fc.boolean(), (value, currency, negative) => {
      const signed = negative ? -value : value;
      expect(parseAmount(toDecimalString(signed, currency), currency, { allowNegative: true })).toBe(signed);
    }), { numRuns: 2_000 });
  });

  it('parses back every grouped en-US amount it formats', () => {
    fc.assert(fc.property(minor, currencies, (value, currency) => {
      expect(parseAmount(formatAmount(value, currency, 'en-US', { withCurrency: false }), currency)).toBe(value);
    }), { numRuns: 2_000 });
  });
});
