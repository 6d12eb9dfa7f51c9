import { AppError } from '../../src-shared/errors';
import type { Authorization } from '../../src-shared/contract/cards';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { getCardView } from './card-rows';
import type { CardAuthorizationsTable } from './tables';

// Reading card authorizations, each with the expiry of the wallet hold it placed, and the card's
// activity: every attempt, approved or declined, newest first.

export type AuthorizationRow = CardAuthorizationsTable & { id: number };
type AuthorizationView = AuthorizationRow & { hold_expires_at: string | null };

const VIEW_SQL = 'SELECT a.*, h.expires_at AS hold_expires_at FROM card_authorizations a LEFT JOIN transfers h ON h.id = a.hold_id';

function toAuthorization(view: AuthorizationView): Authorization {
  return {
    id: view.id,
    cardId: view.card_id,
    maskedPan: view.masked_pan,
    merchant: view.merchant,
    amount: view.amount,
    currency: view.currency,
    status: view.status,
    declineCode: view.decline_code,
    declineInterval: view.decline_interval,
    holdId: view.hold_id,
    holdExpiresAt: view.hold_expires_at,
    capturedAmount: view.captured_amount,
    resolvedBy: view.resolved_by,
    at: view.at,
    actor: view.actor,
  };
}

export function findAuthorizationByKey(store: Store, idempotencyKey: string): AuthorizationView | undefined {
  return prepare(store.sqlite, `${VIEW_SQL} WHERE a.idempotency_key = ?`).get(idempotencyKey) as AuthorizationView | undefined;
}

export function getAuthorizationView(store: Store, id: number): AuthorizationView {
  const view = prepare(store.sqlite, `${VIEW_SQL} WHERE a.id = ?`).get(id) as AuthorizationView | undefined;
  if (!view) throw new AppError('AUTHORIZATION_NOT_FOUND', `No card authorization has id ${id}.`, { field: 'authorizationId' });
  return view;
}

export function getAuthorization(store: Store, id: number): Authorization {
  return toAuthorization(getAuthorizationView(store, id));
}

/** Every attempt on the card, newest first, a page at a time, and how many there are. */
export function cardActivity(store: Store, cardId: number, page: { offset: number; limit: number }): { rows: Authorization[]; total: number } {
  getCardView(store, cardId);
  const total = (prepare(store.sqlite, 'SELECT count(*) AS n FROM card_authorizations WHERE card_id = ?').get(cardId) as { n: number }).n;
  const views = prepare(store.sqlite, `${VIEW_SQL} WHERE a.card_id = ? ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(cardId, page.limit, page.offset) as AuthorizationView[];
  return { rows: views.map(toAuthorization), total };
}
