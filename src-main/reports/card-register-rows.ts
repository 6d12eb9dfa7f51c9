import type { ReportRow } from '../../src-shared/contract/reports';
import { LIMIT_INTERVALS } from '../../src-shared/cards/limits';
import { maskedPanOf } from '../cards/card-rows';
import { prepare } from '../store/sql';
import type { Store } from '../store/store';

// The card register's rows, read straight from the cards table by name, column by column: the
// sealed number and its fingerprint are never selected, so no clear or sealed number can reach a
// report. A number is shown as its first six and last four digits (PCI DSS v4.0 req. 3.4.1).

const CARDS_SQL = `SELECT c.first6, c.last4, c.pan_length, c.state, c.cancel_reason, p.name AS program,
    m.member_number, m.name AS member_name, c.expiry_month, c.issued_at
  FROM cards c JOIN members m ON m.id = c.member_id JOIN card_programs p ON p.id = c.program_id ORDER BY c.id`;

interface CardLine {
  first6: string;
  last4: string;
  pan_length: number;
  state: string;
  cancel_reason: string | null;
  program: string;
  member_number: string;
  member_name: string;
  expiry_month: string;
  issued_at: string;
}

export function countCards(store: Store): number {
  return prepare(store.sqlite, 'SELECT count(*) FROM cards').pluck().get() as number;
}

/** Every card, in issue order. */
export function* cardLines(store: Store): Generator<ReportRow> {
  for (const card of prepare(store.sqlite, CARDS_SQL).iterate() as IterableIterator<CardLine>) {
    yield {
      maskedPan: maskedPanOf(card),
      state: card.state,
      cancelReason: card.cancel_reason,
      program: card.program,
      memberNumber: card.member_number,
      memberName: card.member_name,
      expiryMonth: card.expiry_month,
      issuedAt: card.issued_at,
    };
  }
}

/** Each card's limits as JSON (programs.ts parses them), one row an interval that has a limit, in the intervals' own order. */
const INTERVAL_ORDER = `CASE j.key ${LIMIT_INTERVALS.map((interval, i) => `WHEN '${interval}' THEN ${i}`).join(' ')} END`;
const LIMITS_FROM = `FROM cards c JOIN card_programs p ON p.id = c.program_id JOIN members m ON m.id = c.member_id, json_each(c.limits) j`;
const LIMITS_SQL = `SELECT c.first6, c.last4, c.pan_length, m.member_number, p.currency, j.key AS interval,
    json_extract(j.value, '$.amount') AS amount, json_extract(j.value, '$.count') AS count
  ${LIMITS_FROM} ORDER BY c.id, ${INTERVAL_ORDER}`;

interface LimitLine {
  first6: string;
  last4: string;
  pan_length: number;
  member_number: string;
  currency: string;
  interval: string;
  amount: number | null;
  count: number | null;
}

export function countLimits(store: Store): number {
  return prepare(store.sqlite, `SELECT count(*) ${LIMITS_FROM}`).pluck().get() as number;
}

/** Every limit on every card: the most per interval, by amount and by count (null: none of that kind). */
export function* limitLines(store: Store): Generator<ReportRow> {
  for (const limit of prepare(store.sqlite, LIMITS_SQL).iterate() as IterableIterator<LimitLine>) {
    yield { maskedPan: maskedPanOf(limit), memberNumber: limit.member_number, interval: limit.interval, amount: limit.amount, count: limit.count, currency: limit.currency };
  }
}

/** Each program with its cards counted by state (the cards_program index, a few programs). */
export function programLines(store: Store): ReportRow[] {
  const sql = `SELECT p.name AS program, p.bin, p.pan_length AS length, p.currency, p.mode, p.status,
      count(c.id) AS cards, coalesce(sum(c.state = 'inactive'), 0) AS inactive, coalesce(sum(c.state = 'active'), 0) AS active,
      coalesce(sum(c.state = 'frozen'), 0) AS frozen, coalesce(sum(c.state = 'cancelled'), 0) AS cancelled
    FROM card_programs p LEFT JOIN cards c ON c.program_id = p.id GROUP BY p.id ORDER BY p.id`;
  return prepare(store.sqlite, sql).all() as ReportRow[];
}
