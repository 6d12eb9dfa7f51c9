import type { Card, CardEvent, CardState } from '../../src-shared/contract/cards';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';
import { CARD_VIEW_SQL, getCardView, toCard, type CardView } from './card-rows';
import type { CardEventsTable } from './tables';

// The cards register, a member's cards, and one card with its state history.

export interface CardListQuery {
  programId?: number | undefined;
  state?: CardState | undefined;
  /** A member number (or its start), part of a member's name, or a card's last four digits. */
  query?: string | undefined;
  offset: number;
  limit: number;
}

/** `text` matched literally by LIKE with a backslash as the escape character: its wildcards and backslashes escaped. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function registerFilter(q: CardListQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.programId !== undefined) {
    clauses.push('c.program_id = ?');
    params.push(q.programId);
  }
  if (q.state !== undefined) {
    clauses.push('c.state = ?');
    params.push(q.state);
  }
  const text = q.query?.replace(/\s/g, '') ?? '';
  if (text !== '') {
    clauses.push(`(c.last4 = ? OR m.member_number LIKE ? ESCAPE '\\' OR m.name LIKE ? ESCAPE '\\')`);
    params.push(text, `${literal(text)}%`, `%${literal(q.query!.trim())}%`);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** Every card matching the filters, newest first, and how many match. */
export function listCards(store: Store, q: CardListQuery): { rows: Card[]; total: number } {
  const { where, params } = registerFilter(q);
  const total = (prepare(store.sqlite, `SELECT count(*) AS n FROM cards c JOIN members m ON m.id = c.member_id ${where}`).get(...params) as { n: number }).n;
  const views = prepare(store.sqlite, `${CARD_VIEW_SQL} ${where} ORDER BY c.id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as CardView[];
  return { rows: views.map(toCard), total };
}

/** A member's cards, the usable ones first, newest first within each. */
export function memberCards(store: Store, memberId: number): Card[] {
  const views = prepare(store.sqlite, `${CARD_VIEW_SQL} WHERE c.member_id = ? ORDER BY c.state = 'cancelled', c.id DESC`).all(memberId) as CardView[];
  return views.map(toCard);
}

function toEvent(row: CardEventsTable & { id: number }): CardEvent {
  return { id: row.id, fromState: row.from_state, toState: row.to_state, reason: row.reason, note: row.note, actor: row.actor, channel: row.channel, at: row.at };
}

/** The card and every change of its state, oldest first. */
export function cardWithEvents(store: Store, cardId: number): { card: Card; events: CardEvent[] } {
  const card = toCard(getCardView(store, cardId));
  const events = prepare(store.sqlite, 'SELECT * FROM card_events WHERE card_id = ? ORDER BY id').all(cardId) as (CardEventsTable & { id: number })[];
  return { card, events: events.map(toEvent) };
}
