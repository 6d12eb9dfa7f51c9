import { AppError, isAppError } from '../../../src-shared/errors';
import type { HandlerMap } from '../handler';
import type { Store } from '../../store/store';
import { receiptRowForTransfer } from '../../wallets/receipts';
import { recordAudit } from '../../audit/record-audit';
import { expireDueHolds } from '../../ledger/hold-expiry';
import { PAYOUT_KINDS } from '../../payouts/payout-ledger';
import { accountTransfers, findTransferByKey, getTransfer, listAccounts, reverseTransfer, transferDetail, trialBalance } from '../../ledger';

/** Payout kinds that move money through 2400/2410: each is an item's or a batch's, and undone by its own step (a return). */
const PAYOUT_FLOW_KINDS: ReadonlySet<string> = new Set([PAYOUT_KINDS.batch, PAYOUT_KINDS.item, PAYOUT_KINDS.release, PAYOUT_KINDS.settlement, PAYOUT_KINDS.return]);

/**
 * The kind of a transfer a domain undoes its own way — points (`points_*`), which move with their
 * lots, and a payout batch's steps, which its items name — undefined for any other, or none
 * (reverseTransfer names that).
 */
function domainKindOf(store: Store, transferId: number): string | undefined {
  try {
    const { kind } = getTransfer(store, transferId);
    return kind.startsWith('points_') || PAYOUT_FLOW_KINDS.has(kind) ? kind : undefined;
  } catch (error) {
    if (isAppError(error) && error.code === 'TRANSFER_NOT_FOUND') return undefined;
    throw error;
  }
}

type LedgerChannel = 'ledger.accounts' | 'ledger.trialBalance' | 'ledger.transfer' | 'ledger.accountTransfers' | 'ledger.expireHolds' | 'ledger.reverse';

export const ledgerHandlers: HandlerMap<LedgerChannel> = {
  'ledger.accounts': (input, { store }) => listAccounts(store, input),
  'ledger.trialBalance': (input, { store }) => trialBalance(store, input),
  'ledger.transfer': (input, { store }) => transferDetail(store, input.id),
  'ledger.accountTransfers': ({ accountId, ...query }, { store }) => accountTransfers(store, accountId, query),
  'ledger.expireHolds': (_input, { store, session, now }) => expireDueHolds(store, session.username, now),
  // The reversal and its audit row commit together: one transaction, the ledger's a savepoint in it.
  'ledger.reverse': (input, { store, session, now }) =>
    store.sqlite
      .transaction(() => {
        const replay = findTransferByKey(store, input.idempotencyKey) !== undefined;
        // A teller operation (payment + fee, …) is undone as a whole, with its receipt.
        const receipt = replay ? undefined : receiptRowForTransfer(store, input.transferId);
        if (receipt) {
          throw new AppError('REVERSAL_NOT_ALLOWED', `Transfer ${input.transferId} belongs to receipt ${receipt.receipt_number}; reverse the receipt instead.`, {
            field: 'transferId',
            receiptNumber: receipt.receipt_number,
          });
        }
        // Points move with their lots: a bare reversal would leave the lots behind, and could give
        // redeemed points back a second time. points.reverseRedemption and adjustments undo them.
        // A payout item's payment is named by its item, which a bare reversal would leave PAID.
        const kind = replay ? undefined : domainKindOf(store, input.transferId);
        if (kind) {
          const how = kind.startsWith('points_') ? 'undo a redemption with points.reverseRedemption, anything else with a points adjustment' : 'a bank-card item the bank sent back is returned from its batch';
          throw new AppError('REVERSAL_NOT_ALLOWED', `Transfer ${input.transferId} is a ${kind} transfer; ${how}.`, {
            field: 'transferId',
            kind,
          });
        }
        const reversal = reverseTransfer(store, { ...input, actor: session.username, at: now });
        if (!replay) {
          recordAudit(store, {
            actor: session.username,
            action: 'ledger.reverse',
            entityType: 'transfer',
            entityId: input.transferId,
            after: { reversal: reversal.id, amount: reversal.amount, currency: reversal.currency, reason: input.reason },
          }, now);
        }
        return reversal;
      })
      .immediate(),
};
