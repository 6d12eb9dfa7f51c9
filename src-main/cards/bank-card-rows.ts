import type { Selectable } from 'kysely';
import type { BankCard } from '../../src-shared/contract/cards';
import type { MemberRef } from '../../src-shared/contract/members';
import { getMemberRow } from '../members/member-repo';
import { knownFingerprints } from '../sealed/fingerprint';
import { maskLastFour } from '../sealed/mask';
import { masterKeys } from '../sealed/master-keys';
import { openField } from '../sealed/sealed-field';
import { prepare, selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { BANK_CARD_PAN } from './card-numbers';
import { cardsSql, type BankCardsTable } from './tables';

// Reading members' linked bank cards, and the shapes they leave the service in: the contract's
// BankCard (last four only) and the audit summary verify replays. Neither carries the number.

export type BankCardRow = Selectable<BankCardsTable>;

export function findBankCardRow(store: Store, id: number): BankCardRow | undefined {
  return selectFirst(store.sqlite, cardsSql.selectFrom('bank_cards').selectAll().where('id', '=', id));
}

/** The clear number, under whichever master key sealed it. */
export function openBankCardPan(store: Store, row: Pick<BankCardRow, 'id' | 'pan_sealed'>): string {
  return openField(masterKeys(store), BANK_CARD_PAN, row.id, row.pan_sealed);
}

/**
 * Every fingerprint the card's number has under the keys this folder had: its own, and after a
 * rekey the ones a card linked under another master key would carry (the number is opened then).
 */
export function fingerprintsOf(store: Store, row: BankCardRow): string[] {
  const keys = [...masterKeys(store)];
  if (keys.length === 1) return [row.pan_fingerprint];
  return knownFingerprints(keys, BANK_CARD_PAN, openBankCardPan(store, row));
}

/** Other members a card with one of `fingerprints` is linked to now (a warning, never a refusal). */
export function membersAlsoLinked(store: Store, memberId: number, fingerprints: readonly string[]): MemberRef[] {
  const sql = `SELECT DISTINCT m.id, m.member_number AS memberNumber, m.name FROM bank_cards b JOIN members m ON m.id = b.member_id
    WHERE b.unlinked_at IS NULL AND b.member_id <> ? AND b.pan_fingerprint IN (${fingerprints.map(() => '?').join(', ')}) ORDER BY m.id`;
  return prepare(store.sqlite, sql).all(memberId, ...fingerprints) as MemberRef[];
}

export function toBankCard(store: Store, row: BankCardRow): BankCard {
  return {
    id: row.id,
    memberId: row.member_id,
    maskedPan: maskLastFour(row.last4),
    last4: row.last4,
    brand: row.brand,
    holderName: row.holder_name,
    expiryMonth: row.expiry_month,
    bankName: row.bank_name,
    isDefault: row.is_default === 1,
    linkedAt: row.linked_at,
    linkedBy: row.linked_by,
    unlinkedAt: row.unlinked_at,
    unlinkedBy: row.unlinked_by,
    alsoLinkedTo: membersAlsoLinked(store, row.member_id, fingerprintsOf(store, row)),
  };
}

/**
 * What the audit log records of a bank card at each change, and verify replays: every column but
 * the sealed number and its fingerprint, the number as `••••1234`. (Its keys steer clear of the
 * words record-audit redacts, such as "pan".)
 */
export function bankCardAuditSummary(row: BankCardRow): Record<string, unknown> {
  return {
    member_id: row.member_id,
    card: maskLastFour(row.last4),
    brand: row.brand,
    holder_name: row.holder_name,
    expiry_month: row.expiry_month,
    bank_name: row.bank_name,
    is_default: row.is_default === 1,
    linked_by: row.linked_by,
    linked_at: row.linked_at,
    unlinked_by: row.unlinked_by,
    unlinked_at: row.unlinked_at,
  };
}

/** The member's bank cards: the default first, then the newest; unlinked ones last, when asked for. */
export function listBankCards(store: Store, memberId: number, includeUnlinked: boolean): BankCard[] {
  getMemberRow(store, memberId, 'memberId');
  let query = cardsSql.selectFrom('bank_cards').selectAll().where('member_id', '=', memberId);
  if (!includeUnlinked) query = query.where('unlinked_at', 'is', null);
  const rows = selectAll(store.sqlite, query.orderBy('is_default', 'desc').orderBy('id', 'desc'));
  const linked = rows.filter((row) => row.unlinked_at === null);
  const unlinked = rows.filter((row) => row.unlinked_at !== null);
  return [...linked, ...unlinked].map((row) => toBankCard(store, row));
}

/** Where the member's payouts go: their default linked bank card, if they have one. */
export function defaultBankCard(store: Store, memberId: number): BankCardRow | undefined {
  return selectFirst(store.sqlite, cardsSql.selectFrom('bank_cards').selectAll().where('member_id', '=', memberId).where('is_default', '=', 1).where('unlinked_at', 'is', null));
}
