import { AppError } from '../../src-shared/errors';
import type { Card } from '../../src-shared/contract/cards';
import type { MemberStatus } from '../../src-shared/contract/members';
import { maskCardNumber } from '../sealed/mask';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { parseLimits } from './programs';
import type { CardsTable } from './tables';

// Reading card rows and the shapes they leave the service in: the contract's Card (masked) and
// the audit summary verify replays. Neither carries the sealed number.

export type CardRow = CardsTable;

/** `622588••••••1234`: the first six and last four digits, the length kept (PCI DSS v4.0 req. 3.4.1). */
export function maskedPanOf(row: Pick<CardRow, 'first6' | 'last4' | 'pan_length'>): string {
  return maskCardNumber(row.first6, row.last4, row.pan_length);
}

/** A card row with what its answer names besides: its member, program and the cards it is linked with. */
export interface CardView extends CardRow {
  member_number: string;
  member_name: string;
  member_status: MemberStatus;
  program_name: string;
  program_mode: 'test' | 'live';
  currency: string;
  replaces_first6: string | null;
  replaces_last4: string | null;
  replaces_length: number | null;
  replaces_state: CardRow['state'] | null;
  replaced_by_first6: string | null;
  replaced_by_last4: string | null;
  replaced_by_length: number | null;
  replaced_by_state: CardRow['state'] | null;
}

/** The SELECT every card answer is made from; callers add WHERE, ORDER and LIMIT. */
export const CARD_VIEW_SQL = `SELECT c.*, m.member_number, m.name AS member_name, m.status AS member_status,
    p.name AS program_name, p.mode AS program_mode, p.currency AS currency,
    o.first6 AS replaces_first6, o.last4 AS replaces_last4, o.pan_length AS replaces_length, o.state AS replaces_state,
    n.first6 AS replaced_by_first6, n.last4 AS replaced_by_last4, n.pan_length AS replaced_by_length, n.state AS replaced_by_state
  FROM cards c
  JOIN members m ON m.id = c.member_id
  JOIN card_programs p ON p.id = c.program_id
  LEFT JOIN cards o ON o.id = c.replaces_id
  LEFT JOIN cards n ON n.id = c.replaced_by_id`;

export function findCardView(store: Store, cardId: number): CardView | undefined {
  return prepare(store.sqlite, `${CARD_VIEW_SQL} WHERE c.id = ?`).get(cardId) as CardView | undefined;
}

export function getCardView(store: Store, cardId: number, field = 'cardId'): CardView {
  const view = findCardView(store, cardId);
  if (!view) throw new AppError('CARD_NOT_FOUND', `No card has id ${cardId}.`, { field });
  return view;
}

function linked(id: number | null, first6: string | null, last4: string | null, length: number | null, state: CardRow['state'] | null): Card['replaces'] {
  if (id === null || first6 === null || last4 === null || length === null || state === null) return null;
  return { id, maskedPan: maskedPanOf({ first6, last4, pan_length: length }), state };
}

export function toCard(view: CardView): Card {
  return {
    id: view.id,
    program: { id: view.program_id, name: view.program_name, mode: view.program_mode },
    member: { id: view.member_id, memberNumber: view.member_number, name: view.member_name },
    memberStatus: view.member_status,
    currency: view.currency,
    maskedPan: maskedPanOf(view),
    last4: view.last4,
    expiryMonth: view.expiry_month,
    holderName: view.holder_name,
    state: view.state,
    blockedByMember: view.member_status !== 'active' && view.state !== 'cancelled',
    cancelReason: view.cancel_reason,
    replaces: linked(view.replaces_id, view.replaces_first6, view.replaces_last4, view.replaces_length, view.replaces_state),
    replacedBy: linked(view.replaced_by_id, view.replaced_by_first6, view.replaced_by_last4, view.replaced_by_length, view.replaced_by_state),
    limits: parseLimits(view.limits),
    issuedAt: view.issued_at,
    issuedBy: view.issued_by,
    stateChangedAt: view.state_changed_at,
  };
}

export function getCard(store: Store, cardId: number): Card {
  return toCard(getCardView(store, cardId));
}

/**
 * What the audit log records of a card at each change, and verify replays: every column but the
 * sealed number and its fingerprint (whose pairing verify checks on its own), the number masked
 * under `masked_number` (the log redacts any field named like `pan`).
 */
export function cardAuditSummary(row: CardRow): Record<string, unknown> {
  return {
    program_id: row.program_id,
    member_id: row.member_id,
    wallet_account_id: row.wallet_account_id,
    masked_number: maskedPanOf(row),
    expiry_month: row.expiry_month,
    holder_name: row.holder_name,
    state: row.state,
    cancel_reason: row.cancel_reason,
    replaces_id: row.replaces_id,
    replaced_by_id: row.replaced_by_id,
    limits: parseLimits(row.limits),
    issued_by: row.issued_by,
    issued_at: row.issued_at,
    state_changed_at: row.state_changed_at,
  };
}
