import { payoutSettings } from '../../src-shared/settings/payout-settings';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { readSetting } from '../settings/settings-service';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import type { FileRules } from './file-check';
import type { KnownMember } from './row-checks';

// The store behind a file's checks: prepared once per connection, since a 100,000-row file asks
// each of them up to 100,000 times.

/** How far back a payment to the same member of the same amount makes a row a possible duplicate. */
export const DUPLICATE_WINDOW_DAYS = 7;

const statements = perConnection((sqlite) => ({
  member: sqlite.prepare<[string], KnownMember>('SELECT id, name, status FROM members WHERE member_number = ?'),
  defaultBankCard: sqlite.prepare<[number], number>('SELECT id FROM bank_cards WHERE member_id = ? AND is_default = 1 AND unlinked_at IS NULL').pluck(),
  // Items that will not be paid free their reference: their batch was cancelled or rejected, or
  // they failed at execution. A SKIPPED item was never payable, so the partial index leaves it out.
  referenceUsed: sqlite
    .prepare<[string], number>(
      `SELECT 1 FROM payout_items i JOIN payout_batches b ON b.id = i.batch_id
       WHERE i.reference = ? AND i.payable = 1 AND i.status <> 'FAILED' AND b.status NOT IN ('cancelled', 'rejected') LIMIT 1`,
    )
    .pluck(),
  paidRecently: sqlite.prepare<[number, number, string], number>('SELECT 1 FROM payout_items WHERE member_id = ? AND amount = ? AND paid_at >= ? LIMIT 1').pluck(),
  fileImported: sqlite.prepare<[string], number>('SELECT 1 FROM payout_batches WHERE file_sha256 = ? LIMIT 1').pluck(),
}));

/** The batch currency asked for, else the first enabled currency (the operator's base currency). */
export function batchCurrency(store: Store, asked: string | undefined): string {
  return asked ?? readSetting(store, walletSettings, 'enabledCurrencies')[0]!;
}

export function payoutRules(store: Store, currency: string, now: Date): FileRules {
  const sql = statements(store.sqlite);
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
  return {
    currency,
    enabledCurrencies: new Set(readSetting(store, walletSettings, 'enabledCurrencies')),
    itemLimit: readSetting(store, payoutSettings, 'payoutItemLimits')[currency] ?? null,
    member: (memberNumber) => sql.member.get(memberNumber),
    defaultBankCard: (memberId) => sql.defaultBankCard.get(memberId) ?? null,
    referenceUsed: (reference) => sql.referenceUsed.get(reference) !== undefined,
    paidRecently: (memberId, amount) => sql.paidRecently.get(memberId, amount, since) !== undefined,
    fileImported: (sha256) => sql.fileImported.get(sha256) !== undefined,
  };
}
