import type { CheckResult } from '../../src-shared/contract/verify';
import { FirstFault, type AuditRecord } from '../audit/audit-replay';
import type { Store } from '../store/store';
import { CARD_ACTIONS } from './card-audit-checks';
import type { CardEventsTable } from './tables';

// cards.events: each card's state history (card_events) is the history its audit rows tell.
// - Its first event is the issue (from null to inactive, reason issued or replacement).
// - Each later event is one state change (card-states.ts): from the state before, to the state
//   after, with the cancel reason, the note and channel the audit row's `change` names, by its
//   actor at its time; a limits change moves no state and has no event.
// - So each event's from is the previous event's to, and the last event's to is the card's state
//   now, at its state_changed_at (cards.audited checks those columns against the same log).

type EventRow = Omit<CardEventsTable, 'id'> & { id: number };
type Expected = Omit<EventRow, 'id' | 'card_id'>;

/** Every audited change of a card but its limits, which move no state. */
const STATE_ACTIONS = new Set(CARD_ACTIONS.filter((action) => action !== 'card.setLimits'));

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The event an audited state change must have left. */
function expectedEvent(record: AuditRecord): Expected {
  const after = record.after ?? {};
  if (record.action === 'card.issue') {
    return { from_state: null, to_state: 'inactive', reason: after.replaces_id === null ? 'issued' : 'replacement', note: null, actor: record.actor, channel: 'teller', at: record.at };
  }
  const change = (after.change ?? {}) as Record<string, unknown>;
  return {
    from_state: text(record.before?.state) as Expected['from_state'],
    to_state: text(after.state) as Expected['to_state'],
    reason: text(after.cancel_reason),
    note: text(change.note),
    actor: record.actor,
    channel: text(change.channel) as Expected['channel'],
    at: record.at,
  };
}

/** The first column of the event that is not what its audit row says, or null. */
function eventDiffers(row: EventRow, expected: Expected): string | null {
  const columns = Object.keys(expected) as (keyof Expected)[];
  return columns.find((column) => row[column] !== expected[column]) ?? null;
}

export function checkCardEvents(store: Store, cardRecords: readonly AuditRecord[]): CheckResult {
  const fault = new FirstFault();
  const expected = new Map<number, Expected[]>();
  for (const record of cardRecords) {
    if (!STATE_ACTIONS.has(record.action)) continue;
    const cardId = Number(record.entityId);
    expected.set(cardId, [...(expected.get(cardId) ?? []), expectedEvent(record)]);
  }
  const rows = store.sqlite.prepare('SELECT * FROM card_events ORDER BY card_id, id').all() as EventRow[];
  const seen = new Map<number, number>();
  let previous: EventRow | undefined;
  for (const row of rows) {
    const index = seen.get(row.card_id) ?? 0;
    seen.set(row.card_id, index + 1);
    const wanted = expected.get(row.card_id)?.[index];
    const chained = index === 0 ? row.from_state === null : previous?.to_state === row.from_state;
    if (!chained) fault.note('card_events', row.id, `event ${row.id} of card ${row.card_id} does not start where the card's previous event left it`);
    else if (!wanted) fault.note('card_events', row.id, `event ${row.id} of card ${row.card_id} is no change the audit log recorded`);
    else {
      const column = eventDiffers(row, wanted);
      if (column) fault.note('card_events', row.id, `event ${row.id} of card ${row.card_id}: its ${column} differs from the audit log`);
    }
    previous = row;
  }
  for (const [cardId, events] of expected) {
    if ((seen.get(cardId) ?? 0) < events.length) fault.note('cards', cardId, `card ${cardId} has fewer state events than the audit log recorded changes`);
  }
  lastEventIsState(store, fault);
  return fault.result('cards.events', `${rows.length} card events, each card's history ending in its state`, { events: rows.length });
}

/** A card whose newest event is not its state and time now (or that has no event at all). */
const STATE_NOT_LAST_EVENT = `
  SELECT c.id FROM cards c LEFT JOIN card_events e ON e.id = (SELECT max(id) FROM card_events WHERE card_id = c.id)
  WHERE e.id IS NULL OR e.to_state <> c.state OR e.at <> c.state_changed_at ORDER BY c.id LIMIT 1`;

function lastEventIsState(store: Store, fault: FirstFault): void {
  const cardId = store.sqlite.prepare(STATE_NOT_LAST_EVENT).pluck().get() as number | undefined;
  if (cardId !== undefined) fault.note('cards', cardId, `card ${cardId}'s state is not where its last event left it`);
}
