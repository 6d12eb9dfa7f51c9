import { minorDigits } from '../../../../src-shared/money';

// The example beside a fee rate ("fee on CN¥100.00 = CN¥0.50"). The amount is 100 in the currency,
// or 10,000 where the currency has fewer than two decimals (¥10,000 for JPY), so that it is a
// multiple of 10,000 minor units: its fee at any whole number of basis points is then exact, and
// the example never depends on how the counter rounds a fee.

const BASIS_POINTS = 10_000;

export interface FeeExample {
  amount: number;
  fee: number;
}

/** An amount in `currency` (minor units) and its fee at `bps`, exactly. */
export function feeExample(bps: number, currency: string): FeeExample {
  const amount = BASIS_POINTS * 10 ** Math.max(0, minorDigits(currency) - 2);
  return { amount, fee: (amount / BASIS_POINTS) * bps };
}
