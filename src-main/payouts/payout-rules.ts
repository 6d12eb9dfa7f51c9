import { payoutSettings } from '../../src-shared/settings/payout-settings';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { readSetting } from '../settings/settings-service';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { memberAmountKey, type FileRules, type MemberAmount } from './file-check';
import type { KnownMember } from './row-checks';

// The store behind a file's checks: prepared once per connection, since a 100,000-row file asks
// the member and card lookups up to 100,000 times; what is rarely found (an earlier batch's
// reference, a payment in the last week) is asked once for the whole file, its keys passed as
// one JSON array, so SQLite walks them without a call per row.

/** How far back a payment to the same member of the same amount makes a row a possible duplicate. */
export const DUPLICATE_WINDOW_DAYS = 7;

const statements = perConnection((sqlite) => ({
  member: sqlite.prepare<[string], KnownMember>('SELECT id, name, status FROM members WHERE member_number = ?'),
  defaultBankCard: sqlite.prepare<[number], number>('SELECT id FROM bank_cards WHERE member_id = ? AND is_default = 1 AND unlinked_at IS NULL').pluck(),
  // Items that will not be paid free their reference: their batch was cancelled or rejected, or
  // they failed at execution. A SKIPPED item was never payable, so the partial index leaves it out.
  referencesUsed: sqlite
    .prepare<[string], string>(
      `SELECT DISTINCT i.reference FROM json_each(?) j JOIN payout_items i ON i.reference = j.value AND i.payable = 1 JOIN payout_batches b ON b.id = i.batch_id
       WHERE i.status <> 'FAILED' AND b.status NOT IN ('cancelled', 'rejected')`,
    )
    .pluck(),
  // Amounts are minor units, so only a payment in the batch's currency is the same amount.
  paidRecently: sqlite.prepare<[string, string, string], MemberAmount>(
    `SELECT j.value ->> 'memberId' AS memberId, j.value ->> 'amount' AS amount FROM json_each(?) j
     WHERE EXISTS (SELECT 1 FROM payout_items WHERE member_id = j.value ->> 'memberId' AND amount = j.value ->> 'amount' AND currency = ? AND paid_at >= ?)`,
  ),
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
    referencesUsed: (references) => new Set(sql.referencesUsed.all(JSON.stringify([...references]))),
    paidRecently: (candidates) => new Set(sql.paidRecently.all(JSON.stringify(candidates), currency, since).map(memberAmountKey)),
    fileImported: (sha256) => sql.fileImported.get(sha256) !== undefined,
  };
}
