import { AppError } from '../../src-shared/errors';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { readSetting } from '../settings/settings-service';
import type { Store } from '../store/store';

/**
 * The payment fee rate of a currency, in basis points: its own (settings.paymentFeeBpsByCurrency),
 * else the general rate (settings.paymentFeeBps, which a folder from before rates per currency
 * saved as its only rate). Only the key that decides is read, so a broken other one does not stop payments.
 */
export function paymentFeeRate(store: Store, currency: string): number {
  return readSetting(store, walletSettings, 'paymentFeeBpsByCurrency')[currency] ?? readSetting(store, walletSettings, 'paymentFeeBps');
}

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
