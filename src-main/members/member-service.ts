import { AppError } from '../../src-shared/errors';
import { memberNumberFor } from '../../src-shared/member-number';
import type { Member, MemberChanges, NewMember } from '../../src-shared/contract/members';
import type { Store } from '../store/store';
import { execute } from '../store/sql';
import { recordAudit } from '../audit/record-audit';
import { revealSealed, type Revealed } from '../sealed/reveal';
import { idDocumentSealer, maskIdDocument, openIdDocument, type IdDocumentSealer } from './id-document';
import { memberStatements } from './member-statements';
import { memberSql } from './tables';
import { nameGrams } from './name-grams';
import { getMemberRow, getMemberRowByNumber, memberAuditSummary, toMember, type MemberRow } from './member-repo';
import { assertWalletsEmpty, closeWallets, enabledCurrencies, openWallet, prepareWalletCurrencies } from './member-wallets';

// Registering and editing members. Each change is one synchronous transaction holding the row,
// its wallet accounts and its audit record, so a member never exists without them. Transactions
// take the write lock up front (IMMEDIATE): the app and the CLI may share a data folder, and two
// processes must never both read the same next member id.

export function getMember(store: Store, ref: { id?: number | undefined; memberNumber?: string | undefined }): Member {
  const row = ref.id !== undefined ? getMemberRow(store, ref.id) : getMemberRowByNumber(store, ref.memberNumber ?? '');
  return toMember(store, row);
}

function assertPhoneFree(store: Store, phone: string, exceptId: number | null): void {
  const holder = memberStatements(store.sqlite).phoneHolder.get(phone, exceptId);
  if (holder) {
    throw new AppError('MEMBER_DUPLICATE', `Member ${holder.member_number} already uses phone ${phone}.`, { field: 'phone', memberNumber: holder.member_number });
  }
}

function resolveReferrer(store: Store, memberNumber: string, memberId: number | null): MemberRow {
  const referrer = getMemberRowByNumber(store, memberNumber, 'referredBy');
  if (referrer.status === 'closed') throw new AppError('MEMBER_CLOSED', `Member ${memberNumber} is closed and cannot refer anyone.`, { field: 'referredBy' });
  // Walk up the referral chain so that nobody ends up, directly or through others, referring themselves.
  for (let at: MemberRow | undefined = referrer; at; at = at.referred_by === null ? undefined : getMemberRow(store, at.referred_by)) {
    if (at.id === memberId) throw new AppError('INVALID_INPUT', 'A member cannot be referred by themselves, even through others.', { field: 'referredBy' });
  }
  return referrer;
}

function writeNameGrams(store: Store, memberId: number, name: string, renamed = false): void {
  const statements = memberStatements(store.sqlite);
  if (renamed) statements.deleteGrams.run(memberId);
  statements.insertGrams.run(memberId, nameGrams(name).join(' '));
}

/** What one registration needs besides the member: wallet currencies and the ID-document sealer. */
interface RegistrationContext {
  actor: string;
  currencies: string[];
  sealIdDocument: IdDocumentSealer;
}

function insertMember(store: Store, context: RegistrationContext, input: NewMember, now: Date): MemberRow {
  const statements = memberStatements(store.sqlite);
  assertPhoneFree(store, input.phone, null);
  const referrer = input.referredBy === undefined ? undefined : resolveReferrer(store, input.referredBy, null);
  const { next } = statements.nextId.get()!;
  const document = input.idDocumentNumber === undefined ? null : context.sealIdDocument(next, input.idDocumentNumber);
  const at = now.toISOString();
  statements.insert.run(
    next, memberNumberFor(next), input.name, input.phone, input.email ?? null, document?.sealed ?? null, document?.last4 ?? null,
    referrer?.id ?? null, input.notes ?? null, context.actor, at, at,
  );
  writeNameGrams(store, next, input.name);
  const row = getMemberRow(store, next);
  for (const currency of context.currencies) openWallet(store, row, currency, now);
  recordAudit(store, { actor: context.actor, action: 'member.create', entityType: 'member', entityId: row.member_number, after: memberAuditSummary(store, row) }, now);
  return row;
}

function registrationContext(store: Store, actor: string, now: Date): RegistrationContext {
  const currencies = enabledCurrencies(store);
  prepareWalletCurrencies(store, currencies, now);
  return { actor, currencies, sealIdDocument: idDocumentSealer(store.masterKey) };
}

export function createMember(store: Store, actor: string, input: NewMember, now = new Date()): Member {
  const row = store.sqlite.transaction(() => insertMember(store, registrationContext(store, actor, now), input, now)).immediate();
  return toMember(store, row);
}

export interface DatedNewMember {
  member: NewMember;
  at: Date;
}

/**
 * Registers many members through the same checks as one, committing in chunks (demo data, the
 * search benchmark, imports). A refusal stops the run; the chunks before it stay committed.
 */
export function createMembers(store: Store, actor: string, entries: DatedNewMember[], chunkSize = 1000): MemberRow[] {
  if (entries.length === 0) return [];
  const context = registrationContext(store, actor, entries[0]!.at);
  const created: MemberRow[] = [];
  for (let start = 0; start < entries.length; start += chunkSize) {
    const chunk = entries.slice(start, start + chunkSize);
    store.sqlite.transaction(() => {
      for (const entry of chunk) created.push(insertMember(store, context, entry.member, entry.at));
    }).immediate();
  }
  return created;
}

function assertNotClosed(row: MemberRow): void {
  if (row.status === 'closed') throw new AppError('MEMBER_CLOSED', `Member ${row.member_number} is closed.`, { field: 'id' });
}

type ColumnChanges = Partial<Pick<MemberRow, 'name' | 'phone' | 'email' | 'id_document_sealed' | 'id_document_last4' | 'referred_by' | 'notes'>>;

function columnChanges(store: Store, before: MemberRow, changes: MemberChanges): ColumnChanges {
  const columns: ColumnChanges = {};
  if (changes.name !== undefined && changes.name !== before.name) {
    columns.name = changes.name;
    writeNameGrams(store, before.id, changes.name, true);
  }
  if (changes.phone !== undefined && changes.phone !== before.phone) {
    assertPhoneFree(store, changes.phone, before.id);
    columns.phone = changes.phone;
  }
  if (changes.email !== undefined && changes.email !== before.email) columns.email = changes.email;
  if (changes.notes !== undefined && changes.notes !== before.notes) columns.notes = changes.notes;
  if (changes.referredBy !== undefined) {
    const referrerId = changes.referredBy === null ? null : resolveReferrer(store, changes.referredBy, before.id).id;
    if (referrerId !== before.referred_by) columns.referred_by = referrerId;
  }
  if (changes.idDocumentNumber !== undefined) {
    const document = changes.idDocumentNumber === null ? null : idDocumentSealer(store.masterKey)(before.id, changes.idDocumentNumber);
    columns.id_document_sealed = document?.sealed ?? null;
    columns.id_document_last4 = document?.last4 ?? null;
  }
  return columns;
}

export function updateMember(store: Store, actor: string, changes: MemberChanges, now = new Date()): Member {
  const row = store.sqlite.transaction(() => {
    const before = getMemberRow(store, changes.id);
    assertNotClosed(before);
    const columns = columnChanges(store, before, changes);
    if (Object.keys(columns).length === 0) return before;
    execute(store.sqlite, memberSql.updateTable('members').set({ ...columns, updated_at: now.toISOString() }).where('id', '=', before.id));
    const after = getMemberRow(store, before.id);
    const idDocumentChanged = 'id_document_sealed' in columns;
    recordAudit(
      store,
      {
        actor,
        action: 'member.update',
        entityType: 'member',
        entityId: before.member_number,
        before: memberAuditSummary(store, before),
        after: { ...memberAuditSummary(store, after), ...(idDocumentChanged ? { idDocumentChanged } : {}) },
      },
      now,
    );
    return after;
  }).immediate();
  return toMember(store, row);
}

function changeStatus(store: Store, actor: string, id: number, status: MemberRow['status'], reason: string | null, now: Date, check: (row: MemberRow) => void): Member {
  const row = store.sqlite.transaction(() => {
    const before = getMemberRow(store, id);
    if (before.status === status) return before;
    check(before);
    execute(store.sqlite, memberSql.updateTable('members').set({ status, status_reason: reason, updated_at: now.toISOString() }).where('id', '=', id));
    const after = getMemberRow(store, id);
    const action = { frozen: 'member.freeze', active: 'member.unfreeze', closed: 'member.close' }[status];
    recordAudit(store, { actor, action, entityType: 'member', entityId: before.member_number, before: memberAuditSummary(store, before), after: memberAuditSummary(store, after) }, now);
    return after;
  }).immediate();
  return toMember(store, row);
}

/** Frozen members keep receiving money; every debit from their wallets is refused (MEMBER_FROZEN). */
export function freezeMember(store: Store, actor: string, id: number, reason: string, now = new Date()): Member {
  return changeStatus(store, actor, id, 'frozen', reason, now, assertNotClosed);
}

export function unfreezeMember(store: Store, actor: string, id: number, reason: string | undefined, now = new Date()): Member {
  return changeStatus(store, actor, id, 'active', reason ?? null, now, assertNotClosed);
}

/** Closing is terminal: the wallets must be empty, and their accounts are closed with the member. */
export function closeMember(store: Store, actor: string, id: number, reason: string, now = new Date()): Member {
  return changeStatus(store, actor, id, 'closed', reason, now, (row) => {
    assertWalletsEmpty(store, row.id);
    closeWallets(store, row.id, actor, now);
  });
}

type RevealedIdDocument = { idDocumentNumber: string | null };

/**
 * The clear ID document number, for a teller checking a document at the counter: audited with
 * its reason and the masked number, and shown for a limited time.
 */
export function revealIdDocument(store: Store, actor: string, id: number, reason: string, now = new Date()): Revealed<RevealedIdDocument> {
  return revealSealed<RevealedIdDocument>(store, actor, reason, () => {
    const row = getMemberRow(store, id);
    if (row.id_document_sealed === null) return { clear: { idDocumentNumber: null }, record: null };
    return {
      clear: { idDocumentNumber: openIdDocument(store, row.id, row.id_document_sealed) },
      record: { action: 'member.revealIdDocument', entityType: 'member', entityId: row.member_number, masked: { idDocument: maskIdDocument(row.id_document_last4) } },
    };
  }, now);
}
