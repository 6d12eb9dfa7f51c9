import { AppError } from '../../src-shared/errors';
import type { CancelReason, Card, CardState } from '../../src-shared/contract/cards';
import { recordAudit } from '../audit/record-audit';
import { getMemberRow } from '../members/member-repo';
import { execute, selectFirst } from '../store/sql';
import type { Store } from '../store/store';
import { assertMaySpend } from '../wallets/teller-operations';
import { cardAuditSummary, getCard, type CardRow } from './card-rows';
import { cardsSql } from './tables';

// A card's states (issue 10, DESIGN.md §5): inactive (issued) → active ↔ frozen → cancelled.
//
//   change     from                       to         who
//   activate   inactive                   active     teller; the member must be active
//   freeze     active                     frozen     teller
//   unfreeze   frozen                     active     teller; the member must be active
//   cancel     inactive, active, frozen   cancelled  teller, with a reason (lost, stolen…)
//   replace    inactive, active, frozen   cancelled  teller (replace.ts), linked to its new card
//   expire     inactive, active, frozen   cancelled  the due task (card-expiry.ts), reason expired
//
// Cancelled is terminal. Any other (state, change) pair is CARD_STATE_INVALID (details: from, to)
// and changes nothing. A frozen or closed member blocks every card of theirs already (toCard's
// blockedByMember; authorizations check the member), so freezing and cancelling stay allowed for
// them, while activating or unfreezing refuses with the member's code (MEMBER_FROZEN,
// MEMBER_CLOSED): the card would only look usable.
//
// Each change, in the caller's immediate transaction, updates the row (state, state_changed_at,
// cancel_reason), appends a card_events row (from, to, reason, note, actor, channel, at) and one
// audit row:
//   { action: 'card.<change>', entityType: 'card', entityId: <card id>,
//     before: cardAuditSummary(row before),
//     after: { ...cardAuditSummary(row after), change: { channel, note } } }
// so replaying `after` without its `change` key gives the row's audited columns; `change` only
// says how it happened. card.setLimits (card-limits-edit.ts) writes the same shape with no
// `change`; card.issue (issue.ts) has `after` alone; card.reveal changes nothing.

/** Who moves a card: a person at the counter (channel teller), or a due task (system). */
export interface CardChangeContext {
  actor: string;
  channel: 'teller' | 'system';
  now: Date;
}

const USABLE = ['inactive', 'active', 'frozen'] as const satisfies readonly CardState[];

/** Every change a card's state can make: where it may start, where it lands, how it is audited. */
export const CARD_CHANGES = {
  activate: { from: ['inactive'], to: 'active', action: 'card.activate', needsActiveMember: true },
  freeze: { from: ['active'], to: 'frozen', action: 'card.freeze', needsActiveMember: false },
  unfreeze: { from: ['frozen'], to: 'active', action: 'card.unfreeze', needsActiveMember: true },
  cancel: { from: USABLE, to: 'cancelled', action: 'card.cancel', needsActiveMember: false },
  replace: { from: USABLE, to: 'cancelled', action: 'card.replace', needsActiveMember: false },
  expire: { from: USABLE, to: 'cancelled', action: 'card.expire', needsActiveMember: false },
} as const satisfies Record<string, { from: readonly CardState[]; to: CardState; action: string; needsActiveMember: boolean }>;

export type CardChange = keyof typeof CARD_CHANGES;

/** The reason a cancellation carries (required to land in cancelled), and the teller's note. */
export interface CardChangeDetail {
  reason?: CancelReason | undefined;
  note?: string | undefined;
}

export function getCardRow(store: Store, cardId: number, field = 'cardId'): CardRow {
  const row = selectFirst(store.sqlite, cardsSql.selectFrom('cards').selectAll().where('id', '=', cardId));
  if (!row) throw new AppError('CARD_NOT_FOUND', `No card has id ${cardId}.`, { field });
  return row;
}

/** Refuses a change the card's state does not allow, or (activate, unfreeze) a member who is not active. */
export function assertCardChange(store: Store, row: CardRow, change: CardChange): void {
  const spec = CARD_CHANGES[change];
  if (!(spec.from as readonly CardState[]).includes(row.state)) {
    throw new AppError('CARD_STATE_INVALID', `Card ${row.id} is ${row.state}; it cannot ${change} to ${spec.to}.`, { field: 'cardId', from: row.state, to: spec.to, change });
  }
  if (spec.needsActiveMember) assertMaySpend(getMemberRow(store, row.member_id), 'cardId');
}

/**
 * Moves the card (read in this transaction) and records the event and the audit row; the caller
 * runs it in an immediate transaction. `links` sets a replacement's replaced_by_id in the same
 * audited change. Answers the row after.
 */
export function writeCardChange(
  store: Store,
  ctx: CardChangeContext,
  before: CardRow,
  change: CardChange,
  detail: CardChangeDetail,
  links: Pick<Partial<CardRow>, 'replaced_by_id'> = {},
): CardRow {
  assertCardChange(store, before, change);
  const spec = CARD_CHANGES[change];
  const at = ctx.now.toISOString();
  const cancelReason = spec.to === 'cancelled' ? (change === 'expire' ? 'expired' : detail.reason) : null;
  if (cancelReason === undefined) throw new AppError('INVALID_INPUT', 'Say why the card is cancelled.', { field: 'reason' });
  const columns = { state: spec.to, cancel_reason: cancelReason, state_changed_at: at, ...links };
  execute(store.sqlite, cardsSql.updateTable('cards').set(columns).where('id', '=', before.id));
  const after: CardRow = { ...before, ...columns };
  const note = detail.note === undefined || detail.note === '' ? null : detail.note;
  execute(store.sqlite, cardsSql.insertInto('card_events').values({
    card_id: before.id, from_state: before.state, to_state: spec.to, reason: cancelReason, note, actor: ctx.actor, channel: ctx.channel, at,
  }));
  recordAudit(store, {
    actor: ctx.actor,
    action: spec.action,
    entityType: 'card',
    entityId: before.id,
    before: cardAuditSummary(before),
    after: { ...cardAuditSummary(after), change: { channel: ctx.channel, note } },
  }, ctx.now);
  return after;
}

/** Activates, freezes, unfreezes or cancels a card, in one immediate transaction. */
export function changeCardState(store: Store, ctx: CardChangeContext, cardId: number, change: 'activate' | 'freeze' | 'unfreeze' | 'cancel', detail: CardChangeDetail = {}): Card {
  return store.sqlite
    .transaction(() => {
      writeCardChange(store, ctx, getCardRow(store, cardId), change, detail);
      return getCard(store, cardId);
    })
    .immediate();
}
