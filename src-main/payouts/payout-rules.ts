import { payoutSettings } from '../../src-shared/settings/payout-settings';
import { walletSettings } from '../../src-shared/settings/wallet-settings';
import { readSetting } from '../settings/settings-service';
import { perConnection } from '../store/sql';
import type { Store } from '../store/store';
import { memberAmountKey, type FileRules, type MemberAmount } from './file-check';
import type { KnownMember } from './row-checks';

// The store behind a file's checks. Each is asked once for the whole file, its keys passed as one
// JSON array, so SQLite walks them without a call per row: the members (with their default bank
// cards) in number order, an earlier batch's references, last week's payments.

/** How far back a payment to the same member of the same amount makes a row a possible duplicate. */
export const DUPLICATE_WINDOW_DAYS = 7;

type MemberRow = KnownMember & { memberNumber: string };

/** Members are all read when a file names at least one in this many of them. */
const SCAN_ABOVE_SHARE = 8;

const statements = perConnection((sqlite) => ({
  members: sqlite.prepare<[string], MemberRow>(
    `SELECT m.member_number AS memberNumber, m.id, m.name, m.status, c.id AS bankCardId
     FROM json_each(?) j JOIN members m ON m.member_number = j.value
     LEFT JOIN bank_cards c ON c.member_id = m.id AND c.is_default = 1 AND c.unlinked_at IS NULL`,
  ),
  everyMember: sqlite.prepare<[], MemberRow>(
    `SELECT m.member_number AS memberNumber, m.id, m.name, m.status, c.id AS bankCardId
     FROM members m LEFT JOIN bank_cards c ON c.member_id = m.id AND c.is_default = 1 AND c.unlinked_at IS NULL`,
  ),
  lastMemberId: sqlite.prepare<[], number | null>('SELECT max(id) FROM members').pluck(),
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
    members: (memberNumbers) => {
      // A file naming a good part of all members reads them in one pass over the table, faster
      // than looking each up; a small file looks up only its own, in number order.
      const found = memberNumbers.size * SCAN_ABOVE_SHARE >= (sql.lastMemberId.get() ?? 0) ? sql.everyMember.all() : sql.members.all(JSON.stringify([...memberNumbers].sort()));
      const known = new Map<string, KnownMember>();
      for (const { memberNumber, ...member } of found) if (memberNumbers.has(memberNumber)) known.set(memberNumber, member);
      return known;
    },
    referencesUsed: (references) => new Set(sql.referencesUsed.all(JSON.stringify([...references]))),
    paidRecently: (candidates) => new Set(sql.paidRecently.all(JSON.stringify(candidates), currency, since).map(memberAmountKey)),
    fileImported: (sha256) => sql.fileImported.get(sha256) !== undefined,
  };
}
