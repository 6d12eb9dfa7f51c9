import type { AuthorizationStatus, CancelReason, CardBrand, CardState, DeclineCode, LimitInterval } from '../../src-shared/contract/cards';
import type { Generated } from 'kysely';
import { prepare, queryBuilder } from '../store/sql';
import type { Store } from '../store/store';

// The cards domain's tables (migration 0012). Limits are stored as the JSON of spendingLimitsSchema.

export interface CardProgramsTable {
  id: number;
  name: string;
  bin: string;
  pan_length: number;
  currency: string;
  validity_months: number;
  mode: 'test' | 'live';
  default_limits: string;
  /** The program's card-verification key, sealed (card-numbers.ts). */
  verification_key_sealed: string;
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CardsTable {
  id: number;
  /** The idempotency key of the issue or replacement that made it: a retried issue answers this card. */
  issue_key: string;
  program_id: number;
  member_id: number;
  wallet_account_id: number;
  /** The sealed number (sealed/sealed-field.ts), bound to the card's id. */
  pan_sealed: string;
  pan_fingerprint: string;
  first6: string;
  last4: string;
  pan_length: number;
  /** The last month the card can be used, `YYYY-MM`. */
  expiry_month: string;
  holder_name: string;
  state: CardState;
  cancel_reason: CancelReason | null;
  replaces_id: number | null;
  replaced_by_id: number | null;
  limits: string;
  issued_by: string;
  issued_at: string;
  state_changed_at: string;
}

export interface CardEventsTable {
  id: Generated<number>;
  card_id: number;
  from_state: CardState | null;
  to_state: CardState;
  reason: string | null;
  note: string | null;
  actor: string;
  channel: 'teller' | 'system';
  at: string;
}

export interface MemberCardLimitsTable {
  member_id: number;
  currency: string;
  limits: string;
  updated_by: string;
  updated_at: string;
}

export interface CardAuthorizationsTable {
  id: Generated<number>;
  idempotency_key: string;
  card_id: number | null;
  member_id: number | null;
  masked_pan: string;
  merchant: string;
  amount: number;
  currency: string | null;
  status: AuthorizationStatus;
  decline_code: DeclineCode | null;
  decline_interval: LimitInterval | null;
  hold_id: number | null;
  captured_amount: number;
  resolved_by: number | null;
  /** What counts against the limits: the amount while held, the captured amount once captured, else 0. */
  counted_amount: number;
  actor: string;
  at: string;
}

export interface BankCardsTable {
  id: Generated<number>;
  member_id: number;
  pan_sealed: string;
  pan_fingerprint: string;
  last4: string;
  brand: CardBrand;
  holder_name: string;
  expiry_month: string;
  bank_name: string | null;
  is_default: 0 | 1;
  linked_by: string;
  linked_at: string;
  unlinked_by: string | null;
  unlinked_at: string | null;
}

export interface CardTables {
  card_programs: CardProgramsTable;
  cards: CardsTable;
  card_events: CardEventsTable;
  member_card_limits: MemberCardLimitsTable;
  card_authorizations: CardAuthorizationsTable;
  bank_cards: BankCardsTable;
}

export const cardsSql = queryBuilder<CardTables>();

/**
 * The id the next row of `table` gets, known before it is written: a sealed number is bound to
 * its row's id, and an authorization's hold names it. Called inside the writing transaction.
 */
export function nextCardTableId(store: Store, table: 'card_programs' | 'cards' | 'card_authorizations' | 'bank_cards'): number {
  return prepare(store.sqlite, `SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number;
}
