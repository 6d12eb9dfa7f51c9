import { AppError } from '../../src-shared/errors';
import type { BankCard, LinkBankCardRequest } from '../../src-shared/contract/cards';
import { cardBrand } from '../../src-shared/cards/card-brand';
import { isLuhnValid, panDigits } from '../../src-shared/luhn';
import { businessMonth } from './business-zone';
import { recordAudit } from '../audit/record-audit';
import { getMemberRow } from '../members/member-repo';
import { knownFingerprints } from '../sealed/fingerprint';
import { masterKeys } from '../sealed/master-keys';
import { fieldSealer } from '../sealed/sealed-field';
import { execute, prepare, selectAll, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { assertMayReceive } from '../wallets/teller-operations';
import { bankCardAuditSummary, findBankCardRow, toBankCard, type BankCardRow } from './bank-card-rows';
import { BANK_CARD_PAN, expiryMonthOf } from './card-numbers';
import { cardsSql, nextCardTableId } from './tables';

// Members' own bank cards, the destinations of their payouts (issue 10 item 6). A card is kept as
// its sealed number, a keyed fingerprint, its last four, brand, holder, expiry and bank.
// - The same card linked twice to one member is refused; linked to another member it is allowed
//   and answered with a warning (alsoLinkedTo): a family may share a card, a fraudster may too.
// - A member has at most one default card while they have any linked: the first card linked
//   becomes it, and a link or setDefault can move it. Unlinking the default passes it to the most
//   recently linked card left, or to none.
// - Unlinking keeps the row (who, when), so payouts made to it still name it.
// Every change is audited with the summary of each row it changed (bank-card-rows.ts), which verify replays.

function audit(store: Store, actor: string, action: string, before: BankCardRow | undefined, after: BankCardRow, now: Date, extra: Record<string, unknown> = {}): void {
  recordAudit(store, {
    actor, action, entityType: 'bank_card', entityId: after.id,
    ...(before ? { before: bankCardAuditSummary(before) } : {}),
    after: { ...bankCardAuditSummary(after), ...extra },
  }, now);
}

function linkedDefault(store: Store, memberId: number): BankCardRow | undefined {
  return selectFirst(store.sqlite, cardsSql.selectFrom('bank_cards').selectAll().where('member_id', '=', memberId).where('is_default', '=', 1));
}

/** Takes the default from the member's current default card, audited: the next statement gives it to another. */
function clearDefault(store: Store, actor: string, memberId: number, now: Date): void {
  const current = linkedDefault(store, memberId);
  if (!current) return;
  execute(store.sqlite, cardsSql.updateTable('bank_cards').set({ is_default: 0 }).where('id', '=', current.id));
  audit(store, actor, 'bankCard.unsetDefault', current, { ...current, is_default: 0 }, now);
}

function hasLinkedCard(store: Store, memberId: number): boolean {
  return prepare(store.sqlite, 'SELECT 1 FROM bank_cards WHERE member_id = ? AND unlinked_at IS NULL LIMIT 1').get(memberId) !== undefined;
}

function assertNotLinkedYet(store: Store, memberId: number, fingerprints: string[]): void {
  const sql = `SELECT id FROM bank_cards WHERE member_id = ? AND unlinked_at IS NULL AND pan_fingerprint IN (${fingerprints.map(() => '?').join(', ')}) LIMIT 1`;
  const existing = prepare(store.sqlite, sql).pluck().get(memberId, ...fingerprints) as number | undefined;
  if (existing !== undefined) throw new AppError('BANK_CARD_EXISTS', `Bank card ${existing} is this card, already linked to the member.`, { field: 'pan', bankCardId: existing });
}

/** Links a member's own card as a payout destination; its answer warns when other members have it linked too. */
export function linkBankCard(store: Store, actor: string, req: LinkBankCardRequest, now: Date): BankCard {
  return store.sqlite
    .transaction(() => {
      const member = getMemberRow(store, req.memberId, 'memberId');
      assertMayReceive(member, 'memberId');
      const pan = panDigits(req.pan);
      if (!isLuhnValid(pan)) throw new AppError('CARD_NUMBER_INVALID', 'The card number is not 13 to 19 digits with a valid check digit.', { field: 'pan' });
      const expiryMonth = expiryMonthOf(req.expiry);
      if (expiryMonth < businessMonth(store, now)) throw new AppError('CARD_EXPIRED', `The card expired at the end of ${expiryMonth}.`, { field: 'expiry' });
      // Compared under every master key the folder had: a card linked before a rekey keeps the fingerprint of its day.
      const fingerprints = knownFingerprints(masterKeys(store), BANK_CARD_PAN, pan);
      assertNotLinkedYet(store, member.id, fingerprints);

      const makeDefault = req.makeDefault || !hasLinkedCard(store, member.id);
      if (makeDefault) clearDefault(store, actor, member.id, now);
      const id = nextCardTableId(store, 'bank_cards');
      const row: BankCardRow = {
        id, member_id: member.id, pan_sealed: fieldSealer(store.masterKey, BANK_CARD_PAN)(id, pan), pan_fingerprint: fingerprints[0]!,
        last4: pan.slice(-4), brand: cardBrand(pan), holder_name: req.holderName, expiry_month: expiryMonth, bank_name: req.bankName ?? null,
        is_default: makeDefault ? 1 : 0, linked_by: actor, linked_at: now.toISOString(), unlinked_by: null, unlinked_at: null,
      };
      execute(store.sqlite, cardsSql.insertInto('bank_cards').values(row));
      const linked = toBankCard(store, row);
      const warning = linked.alsoLinkedTo.length > 0 ? { alsoLinkedTo: linked.alsoLinkedTo.map((m) => m.memberNumber) } : {};
      audit(store, actor, 'bankCard.link', undefined, row, now, warning);
      return linked;
    })
    .immediate();
}

/** A card still linked; an unlinked or unknown one is BANK_CARD_NOT_FOUND. */
function getLinkedBankCard(store: Store, id: number): BankCardRow {
  const row = findBankCardRow(store, id);
  if (!row || row.unlinked_at !== null) throw new AppError('BANK_CARD_NOT_FOUND', `No linked bank card has id ${id}.`, { field: 'bankCardId' });
  return row;
}

/** Makes a linked card the member's payout destination; the one that was loses it. */
export function setDefaultBankCard(store: Store, actor: string, bankCardId: number, now: Date): BankCard {
  return store.sqlite
    .transaction(() => {
      const before = getLinkedBankCard(store, bankCardId);
      if (before.is_default === 1) return toBankCard(store, before);
      assertMayReceive(getMemberRow(store, before.member_id, 'bankCardId'), 'bankCardId');
      clearDefault(store, actor, before.member_id, now);
      const after: BankCardRow = { ...before, is_default: 1 };
      execute(store.sqlite, cardsSql.updateTable('bank_cards').set({ is_default: 1 }).where('id', '=', bankCardId));
      audit(store, actor, 'bankCard.setDefault', before, after, now);
      return toBankCard(store, after);
    })
    .immediate();
}

/**
 * The card stops being a destination; its row stays. If it was the default, the most recently
 * linked card the member has left becomes the default (audited as its own setDefault), or none.
 */
export function unlinkBankCard(store: Store, actor: string, bankCardId: number, reason: string, now: Date): BankCard {
  return store.sqlite
    .transaction(() => {
      const before = getLinkedBankCard(store, bankCardId);
      const after: BankCardRow = { ...before, is_default: 0, unlinked_by: actor, unlinked_at: now.toISOString() };
      execute(store.sqlite, cardsSql.updateTable('bank_cards').set({ is_default: 0, unlinked_by: actor, unlinked_at: after.unlinked_at }).where('id', '=', bankCardId));
      audit(store, actor, 'bankCard.unlink', before, after, now, { reason });
      if (before.is_default === 1) passDefault(store, actor, before.member_id, now);
      return toBankCard(store, after);
    })
    .immediate();
}

function passDefault(store: Store, actor: string, memberId: number, now: Date): void {
  const [next] = selectAll(store.sqlite, cardsSql.selectFrom('bank_cards').selectAll().where('member_id', '=', memberId).where('unlinked_at', 'is', null).orderBy('id', 'desc').limit(1));
  if (!next) return;
  execute(store.sqlite, cardsSql.updateTable('bank_cards').set({ is_default: 1 }).where('id', '=', next.id));
  audit(store, actor, 'bankCard.setDefault', next, { ...next, is_default: 1 }, now);
}
