import type { z } from 'zod';
import type { fundingSchema } from '../../src-shared/contract/payouts';
import { recordAudit } from '../audit/record-audit';
import { balanceOf, ensureSystemAccounts, findTransferByKey, postTransfer, systemAccount } from '../ledger';
import { assertCurrencyEnabled } from '../members/member-wallets';
import type { Store } from '../store/store';
import { batchCurrency } from './payout-rules';
import { PAYOUT_KINDS } from './payout-ledger';

// The payout funding account (1200): money the operator's bank received for payouts (debit 1100
// Bank settlement, credit 1200) before a batch is approved; an approval holds the batch total
// there, and a hold larger than the funding is refused.

export type Funding = z.infer<typeof fundingSchema>;

export function fundingOf(store: Store, asked: string | undefined): Funding {
  const currency = batchCurrency(store, asked);
  assertCurrencyEnabled(store, currency);
  const account = systemAccount(store, 'payout_funding', currency);
  const balance = balanceOf(store, account.id);
  return { currency, accountCode: account.code, balance: balance.posted, available: balance.available };
}

/** Money received at the operator's bank (1100 Bank settlement) for payouts; a retried key answers the first. */
export function fundPayouts(store: Store, actor: string, input: { currency?: string | undefined; amount: number; idempotencyKey: string }, now: Date): Funding {
  const currency = batchCurrency(store, input.currency);
  assertCurrencyEnabled(store, currency);
  store.sqlite
    .transaction(() => {
      ensureSystemAccounts(store, currency, now);
      const key = `payout:fund:${input.idempotencyKey}`;
      const retried = findTransferByKey(store, key) !== undefined;
      const transfer = postTransfer(store, {
        idempotencyKey: key,
        debitAccountId: systemAccount(store, 'bank_settlement', currency).id,
        creditAccountId: systemAccount(store, 'payout_funding', currency).id,
        amount: input.amount,
        kind: PAYOUT_KINDS.funding,
        memo: 'Payout funding',
        actor,
        at: now,
      });
      if (!retried) {
        recordAudit(store, { actor, action: 'payout.fund', entityType: 'account', entityId: transfer.debitAccountId, after: { currency, amount: input.amount, transferId: transfer.id } }, now);
      }
    })
    .immediate();
  return fundingOf(store, currency);
}
