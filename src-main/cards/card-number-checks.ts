import type { CheckResult } from '../../src-shared/contract/verify';
import { FirstFault } from '../audit/audit-replay';
import { isSealedBox } from '../sealed/sealed-box';
import type { Store } from '../store/store';

// cards.fingerprints: every card number is kept as PCI DSS asks and no number is issued twice.
// - Each card's and bank card's number is a well-formed sealed box beside a keyed fingerprint
//   (64 hex digits) and its last four digits; nothing else of it is stored.
// - No two cards share a fingerprint (one number, one card), and no member has one bank card
//   linked twice at once.
// The boxes are not opened: verify runs on a rekey's copy before the old key is kept beside it.

interface NumberRow {
  table: 'cards' | 'bank_cards';
  id: number;
  pan_sealed: string;
  pan_fingerprint: string;
  last4: string;
}

const NUMBERS = `
  SELECT 'cards' AS "table", id, pan_sealed, pan_fingerprint, last4 FROM cards
  UNION ALL SELECT 'bank_cards', id, pan_sealed, pan_fingerprint, last4 FROM bank_cards ORDER BY 1 DESC, 2`;

const FINGERPRINT = /^[0-9a-f]{64}$/;
const LAST_FOUR = /^\d{4}$/;

/** The second card with a number another card has. */
const DUPLICATE_CARD = `
  SELECT c.id FROM cards c WHERE EXISTS (SELECT 1 FROM cards o WHERE o.pan_fingerprint = c.pan_fingerprint AND o.id < c.id) ORDER BY c.id LIMIT 1`;

/** The second linked bank card of a member with a number the member has linked already. */
const DUPLICATE_LINK = `
  SELECT b.id FROM bank_cards b WHERE b.unlinked_at IS NULL AND EXISTS (
    SELECT 1 FROM bank_cards o WHERE o.member_id = b.member_id AND o.pan_fingerprint = b.pan_fingerprint AND o.unlinked_at IS NULL AND o.id < b.id)
  ORDER BY b.id LIMIT 1`;

export function checkCardNumbers(store: Store): CheckResult {
  const fault = new FirstFault();
  let cards = 0;
  let bankCards = 0;
  for (const row of store.sqlite.prepare(NUMBERS).iterate() as IterableIterator<NumberRow>) {
    if (row.table === 'cards') cards += 1;
    else bankCards += 1;
    if (!isSealedBox(row.pan_sealed)) fault.note(row.table, row.id, `${row.table}#${row.id}'s number is not a sealed box`);
    else if (!FINGERPRINT.test(row.pan_fingerprint)) fault.note(row.table, row.id, `${row.table}#${row.id}'s fingerprint is not a keyed fingerprint`);
    else if (!LAST_FOUR.test(row.last4)) fault.note(row.table, row.id, `${row.table}#${row.id}'s last four are not four digits`);
  }
  const duplicate = store.sqlite.prepare(DUPLICATE_CARD).pluck().get() as number | undefined;
  if (duplicate !== undefined) fault.note('cards', duplicate, `card ${duplicate} has the number of an earlier card`);
  const relinked = store.sqlite.prepare(DUPLICATE_LINK).pluck().get() as number | undefined;
  if (relinked !== undefined) fault.note('bank_cards', relinked, `bank card ${relinked} is linked twice to its member`);
  return fault.result('cards.fingerprints', `${cards} card and ${bankCards} bank card numbers, each sealed, fingerprinted and unique`, { cards, bankCards });
}
