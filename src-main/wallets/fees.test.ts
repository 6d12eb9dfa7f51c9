import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentFee, paymentTotal } from './fees';

describe('the payment fee', () => {
  it('rounds half a minor unit up and less than half down', () => {
    expect(paymentFee(3_290, 50)).toBe(16);
    expect(paymentFee(3_300, 50)).toBe(17);
    expect(paymentFee(99, 50)).toBe(0);
    expect(paymentFee(100, 50)).toBe(1);
    expect(paymentFee(1_000, 0)).toBe(0);
    expect(paymentFee(1_000, 10_000)).toBe(1_000);
  });

  it('is exact where amount × rate passes 2^53', () => {
    expect(paymentFee(Number.MAX_SAFE_INTEGER, 9_999)).toBe(9_006_298_534_815_517);
  });

  it('never differs from the exact fee by more than half a minor unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const fee = BigInt(paymentFee(amount, bps));
        const exactTimes10k = BigInt(amount) * BigInt(bps);
        const error = fee * 10_000n - exactTimes10k;
        // Half up: an exact half rounds up (+5 000), anything below half rounds down (> −5 000).
        expect(error > -5_000n && error <= 5_000n).toBe(true);
      }),
    );
  });

  it('refuses a total beyond the exact integer range with AMOUNT_INVALID', () => {
    expect(() => paymentTotal(Number.MAX_SAFE_INTEGER, 1)).toThrow(expect.objectContaining({ code: 'AMOUNT_INVALID' }));
    expect(paymentTotal(3_333, 17)).toBe(3_350);
  });
});
