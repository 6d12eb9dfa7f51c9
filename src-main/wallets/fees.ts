import { AppError } from '../../src-shared/errors';

/**
 * The fee on a payment: `amount × bps / 10 000` minor units, rounded half up to a whole minor
 * unit (四舍五入: 0.5 fen and more rounds up, less rounds down). Integer arithmetic in BigInt,
 * because amount × bps can pass 2^53 long before the fee does.
 */
export function paymentFee(amount: number, basisPoints: number): number {
  const fee = (BigInt(amount) * BigInt(basisPoints) + 5_000n) / 10_000n;
  return Number(fee);
}

/** What the wallet pays in all; refused when it cannot be held exactly. */
export function paymentTotal(amount: number, fee: number): number {
  const total = amount + fee;
  if (!Number.isSafeInteger(total)) throw new AppError('AMOUNT_INVALID', 'The amount plus its fee is beyond the exact integer range.', { field: 'amount', reason: 'too_large' });
  return total;
}
