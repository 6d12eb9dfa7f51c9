import { AppError } from '../../src-shared/errors';
import type { Member, MemberRef } from '../../src-shared/contract/members';
import type { Store } from '../store/store';
import { selectFirst } from '../store/sql';
import { maskIdDocument } from './id-document';
import { memberStatements } from './member-statements';
import { memberSql, type MembersTable } from './tables';

// Reading member rows, and the shapes they leave the service in: the contract's Member, and the
// audit summary (which carries the masked ID document, never the clear one).

export type MemberRow = MembersTable;

export function findMemberRow(store: Store, id: number): MemberRow | undefined {
  return memberStatements(store.sqlite).byId.get(id);
}

export function findMemberRowByNumber(store: Store, memberNumber: string): MemberRow | undefined {
  return selectFirst(store.sqlite, memberSql.selectFrom('members').selectAll().where('member_number', '=', memberNumber));
}

export function getMemberRow(store: Store, id: number, field = 'id'): MemberRow {
  const row = findMemberRow(store, id);
  if (!row) throw new AppError('MEMBER_NOT_FOUND', `No member has id ${id}.`, { field });
  return row;
}

export function getMemberRowByNumber(store: Store, memberNumber: string, field = 'memberNumber'): MemberRow {
  const row = findMemberRowByNumber(store, memberNumber);
  if (!row) throw new AppError('MEMBER_NOT_FOUND', `No member has number ${memberNumber}.`, { field });
  return row;
}

/** How many members were ever registered, closed ones included. */
export function countMembers(store: Store): number {
  return selectFirst(store.sqlite, memberSql.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')))!.n;
}

export function memberRef(row: Pick<MemberRow, 'id' | 'member_number' | 'name'>): MemberRef {
  return { id: row.id, memberNumber: row.member_number, name: row.name };
}

export function toMember(store: Store, row: MemberRow): Member {
  const referrer = row.referred_by === null ? undefined : findMemberRow(store, row.referred_by);
  return {
    id: row.id,
    memberNumber: row.member_number,
    name: row.name,
    phone: row.phone,
    email: row.email,
    idDocumentMasked: maskIdDocument(row.id_document_last4),
    status: row.status,
    statusReason: row.status_reason,
    referredBy: referrer ? memberRef(referrer) : null,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The before/after picture in the audit log. */
export function memberAuditSummary(store: Store, row: MemberRow): Record<string, unknown> {
  const referrer = row.referred_by === null ? undefined : findMemberRow(store, row.referred_by);
  return {
    memberNumber: row.member_number,
    name: row.name,
    phone: row.phone,
    email: row.email,
    idDocument: maskIdDocument(row.id_document_last4),
    status: row.status,
    statusReason: row.status_reason,
    referredBy: referrer?.member_number ?? null,
    notes: row.notes,
  };
}
