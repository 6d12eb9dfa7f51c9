import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CURRENCY_DIGITS, parseAmount, POINTS_CURRENCY } from '../../../../src-shared/money';
import { feeExample } from './fee-example';
import { amountText, checkOptionalAmount, checkPercent, percentText } from './setting-text';

// The Settings form's text and the stored integers are the same number: a percentage with two
// decimals is a whole number of basis points, an amount in major units a whole number of minor
// units. Every stored value comes back from its text unchanged, and text never passes a float.

const WALLET_CURRENCIES = Object.keys(CURRENCY_DIGITS).filter((code) => code !== POINTS_CURRENCY);

describe('a fee rate as a percentage', () => {
  it('reads back every whole number of basis points it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (bps) => {
        expect(checkPercent(percentText(bps))).toEqual({ bps, problem: null });
      }),
    );
  });

  it('shows basis points with two decimals', () => {
    expect([0, 5, 50, 125, 10_000].map(percentText)).toEqual(['0.00', '0.05', '0.50', '1.25', '100.00']);
  });

  it('reads what a person types: no decimals, one, a leading point, a percent sign', () => {
    expect(['0.5', '1', '.75', '12.5 %', ' 2.00% '].map((text) => checkPercent(text).bps)).toEqual([50, 100, 75, 1250, 200]);
  });

  it('reads any percentage with at most two decimals to the basis points its digits say', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (whole, hundredths) => {
        expect(checkPercent(`${whole}.${String(hundredths).padStart(2, '0')}`).bps).toBe(whole * 100 + hundredths);
      }),
    );
  });

  it('refuses a third decimal, text that is not a number, and nothing at all', () => {
    expect(checkPercent('0.555')).toEqual({ bps: null, problem: 'decimals' });
    expect(['abc', '-1', '1,5', '1e2', '.', '%'].map((text) => checkPercent(text).problem)).toEqual(['format', 'format', 'format', 'format', 'format', 'format']);
    expect(checkPercent('  ')).toEqual({ bps: null, problem: 'empty' });
  });
});

describe('a limit as an amount in major units', () => {
  it('reads back every amount it shows, in every wallet currency, through the shared parseAmount', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WALLET_CURRENCIES), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (currency, minor) => {
        const text = amountText(minor, currency);
        expect(checkOptionalAmount(text, currency)).toEqual({ minor, problem: null });
        expect(parseAmount(text, currency)).toBe(minor);
      }),
    );
  });

  it('shows no limit as blank, and reads blank as no limit', () => {
    expect(amountText(undefined, 'CNY')).toBe('');
    expect(checkOptionalAmount(' ', 'CNY')).toEqual({ minor: undefined, problem: null });
  });

  it('shows minor units in major units: fen as yuan, yen as yen, fils with three decimals', () => {
    expect([amountText(5_000_000, 'CNY'), amountText(5_000, 'JPY'), amountText(1_500, 'KWD')]).toEqual(['50000.00', '5000', '1.500']);
  });

  it("refuses an amount the currency cannot hold with parseAmount's reason", () => {
    expect(checkOptionalAmount('1.234', 'CNY')).toEqual({ minor: null, problem: 'too_many_decimals' });
    expect(checkOptionalAmount('0', 'CNY')).toEqual({ minor: null, problem: 'zero' });
    expect(checkOptionalAmount('-5', 'CNY')).toEqual({ minor: null, problem: 'negative' });
  });
});

describe('the fee example beside a rate', () => {
  it('charges on 100 in a currency with two or more decimals, and on 10,000 in one with none', () => {
    expect(feeExample(50, 'CNY')).toEqual({ amount: 10_000, fee: 50 });
    expect(feeExample(50, 'KWD')).toEqual({ amount: 100_000, fee: 500 });
    expect(feeExample(50, 'JPY')).toEqual({ amount: 10_000, fee: 50 });
  });

  it('is exact at every rate: a whole number of minor units, the rate times the amount', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WALLET_CURRENCIES), fc.integer({ min: 0, max: 10_000 }), (currency, bps) => {
        const { amount, fee } = feeExample(bps, currency);
        expect(Number.isInteger(fee)).toBe(true);
        expect(BigInt(fee) * 10_000n).toBe(BigInt(amount) * BigInt(bps));
      }),
    );
  });
});
