import { randomUUID } from 'node:crypto';
import type { Receipt } from '../../src-shared/contract/wallets';
import type { WalletPreview, WalletPreviewRequest } from '../../src-shared/contract/wallet-preview';
import { balanceOf } from '../ledger';
import { findWalletAccountId } from '../members/member-wallets';
import type { Store } from '../store/store';
import type { Teller } from './receipts';
import { deposit, pay, transferBetweenMembers, withdraw } from './teller-operations';

// A dry run of a teller operation: the real operation runs inside a transaction that is always
// rolled back, so the fee, the total and the balance after come from the same rules (fee setting,
// overdraft, frozen member, enabled currency) that posting applies, and nothing is written.

/** Carries the preview out of the transaction; throwing is what makes better-sqlite3 roll back. */
class RolledBackPreview extends Error {
  constructor(readonly preview: WalletPreview) {
    super('preview rolled back');
  }
}

function runOperation(store: Store, teller: Teller, req: WalletPreviewRequest, idempotencyKey: string, now: Date): Receipt {
  switch (req.operation) {
    case 'deposit': {
      const { operation: _operation, ...rest } = req;
      return deposit(store, teller, { ...rest, idempotencyKey }, now);
    }
    case 'withdrawal': {
      const { operation: _operation, ...rest } = req;
      return withdraw(store, teller, { ...rest, idempotencyKey }, now);
    }
    case 'payment': {
      const { operation: _operation, ...rest } = req;
      return pay(store, teller, { ...rest, idempotencyKey }, now);
    }
    case 'transfer': {
      const { operation: _operation, ...rest } = req;
      return transferBetweenMembers(store, teller, { ...rest, idempotencyKey }, now);
    }
  }
}

export function previewOperation(store: Store, teller: Teller, req: WalletPreviewRequest, now = new Date()): WalletPreview {
  try {
    store.sqlite
      .transaction(() => {
        // A key nobody else holds, so the dry run can never replay (or conflict with) a real receipt.
        const receipt = runOperation(store, teller, req, `preview:${randomUUID()}`, now);
        const walletId = findWalletAccountId(store, receipt.member.id, receipt.currency);
        const availableAfter = walletId === undefined ? 0 : balanceOf(store, walletId).available;
        throw new RolledBackPreview({
          operation: req.operation,
          currency: receipt.currency,
          amount: receipt.amount,
          fee: receipt.fee,
          total: receipt.total,
          balanceAfter: receipt.balanceAfter,
          availableAfter,
        });
      })
      .immediate();
  } catch (error) {
    if (error instanceof RolledBackPreview) return error.preview;
    throw error;
  }
  throw new Error('previewOperation: the dry run committed instead of rolling back');
}
