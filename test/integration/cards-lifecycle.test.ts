import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { cardAuditSummary, type CardRow } from '../../src-main/cards/card-rows';
import type { CardState } from '../../src-shared/contract/cards';
import { ok } from '../support/temp-data';
import { addMember, nextKey } from './members-fixtures';
import { cardRouter, cardSnapshot, createProgram, issueCard } from './cards-fixtures';

// A card's states: inactive → active ↔ frozen → cancelled, cancelled final. Every (state, change)
// pair is tried; an allowed one lands where the table says with one event and one audit row, a
// refused one answers CARD_STATE_INVALID and leaves every row as it was.

const CHANGES = ['activate', 'freeze', 'unfreeze', 'cancel', 'replace'] as const;
type Change = (typeof CHANGES)[number];

/** Where each change takes a card from each state; null: refused. */
const LANDS: Record<CardState, Record<Change, CardState | null>> = {
  inactive: { activate: 'active', freeze: null, unfreeze: null, cancel: 'cancelled', replace: 'cancelled' },
  active: { activate: null, freeze: 'frozen', unfreeze: null, cancel: 'cancelled', replace: 'cancelled' },
  frozen: { activate: null, freeze: null, unfreeze: 'active', cancel: 'cancelled', replace: 'cancelled' },
  cancelled: { activate: null, freeze: null, unfreeze: null, cancel: null, replace: null },
};

/** Where each change aims, named in a refusal's details. */
const TARGET: Record<Change, CardState> = { activate: 'active', freeze: 'frozen', unfreeze: 'active', cancel: 'cancelled', replace: 'cancelled' };

const ACTIONS: Record<Change, string> = { activate: 'card.activate', freeze: 'card.freeze', unfreeze: 'card.unfreeze', cancel: 'card.cancel', replace: 'card.replace' };

const NOTE = 'asked at the counter';

function change(router: Router, name: Change, cardId: number) {
  switch (name) {
    case 'cancel':
      return router.invoke('cards.cancel', { cardId, reason: 'lost', note: NOTE });
    case 'replace':
      return router.invoke('cards.replace', { cardId, reason: 'lost', note: NOTE, idempotencyKey: nextKey() });
    default:
      return router.invoke(`cards.${name}`, { cardId, note: NOTE });
  }
}

/** A new card brought to `state` through the router. */
async function cardIn(router: Router, memberId: number, programId: number, state: CardState): Promise<number> {
  const { card } = await issueCard(router, memberId, programId);
  if (state === 'active' || state === 'frozen') await ok(router, 'cards.activate', { cardId: card.id });
  if (state === 'frozen') await ok(router, 'cards.freeze', { cardId: card.id });
  if (state === 'cancelled') await ok(router, 'cards.cancel', { cardId: card.id, reason: 'damaged' });
  return card.id;
}

function cardRow(router: Router, cardId: number): CardRow {
  return router.state.requireStore().sqlite.prepare('SELECT * FROM cards WHERE id = ?').get(cardId) as CardRow;
}

function lastEvent(router: Router, cardId: number) {
  return router.state.requireStore().sqlite.prepare('SELECT * FROM card_events WHERE card_id = ? ORDER BY id DESC LIMIT 1').get(cardId) as Record<string, unknown>;
}

function auditRows(router: Router, action: string, cardId: number) {
  const sql = 'SELECT actor, before_json, after_json FROM audit_log WHERE action = ? AND entity_type = ? AND entity_id = ? ORDER BY id';
  const rows = router.state.requireStore().sqlite.prepare(sql).all(action, 'card', String(cardId)) as { actor: string; before_json: string | null; after_json: string }[];
  return rows.map((row) => ({ actor: row.actor, before: JSON.parse(row.before_json ?? 'null') as Record<string, unknown> | null, after: JSON.parse(row.after_json) as Record<string, unknown> }));
}

/** The audit log's picture of a row: cardAuditSummary, the masked number included. */
function auditedPicture(row: CardRow) {
  return cardAuditSummary(row);
}

const code = (answer: { ok: boolean; error?: { code: string; details?: unknown } }) => (answer.ok ? null : answer.error!.code);

describe('card state transitions', () => {
  it.each(CHANGES)('%s: from each state lands where the table says, with one event and one audit row, or is refused with CARD_STATE_INVALID changing nothing', async (name) => {
    const { router, member, program } = await cardRouter();
    for (const from of Object.keys(LANDS) as CardState[]) {
      const to = LANDS[from][name];
      const pair = `${from} → ${name}`;
      const cardId = await cardIn(router, member.id, program.id, from);
      const before = cardRow(router, cardId);
      const untouched = cardSnapshot(router);
      const answer = await change(router, name, cardId);
      if (to === null) {
        expect(answer.ok ? null : [answer.error.code, answer.error.details], pair).toEqual(['CARD_STATE_INVALID', { field: 'cardId', from, to: TARGET[name], change: name }]);
        expect(cardSnapshot(router), pair).toEqual(untouched);
        continue;
      }
      expect(code(answer), pair).toBeNull();
      const after = cardRow(router, cardId);
      expect([after.state, after.cancel_reason], pair).toEqual([to, to === 'cancelled' ? 'lost' : null]);
      expect(lastEvent(router, cardId), pair).toMatchObject({ from_state: from, to_state: to, reason: to === 'cancelled' ? 'lost' : null, note: NOTE, actor: 'admin', channel: 'teller', at: after.state_changed_at });

      const [audit, ...more] = auditRows(router, ACTIONS[name], cardId);
      expect(more, pair).toEqual([]);
      expect(audit!.actor, pair).toBe('admin');
      expect(audit!.before, pair).toEqual(auditedPicture(before));
      const { change: how, ...picture } = audit!.after;
      expect(picture, pair).toEqual(auditedPicture(after));
      expect(how, pair).toEqual({ channel: 'teller', note: NOTE });
    }
  });

  it('answers CARD_NOT_FOUND for a card that does not exist, changing nothing', async () => {
    const { router } = await cardRouter();
    const before = cardSnapshot(router);
    for (const name of CHANGES) expect(code(await change(router, name, 999_999))).toBe('CARD_NOT_FOUND');
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('lists the whole history of a card, oldest first', async () => {
    const { router, member, program } = await cardRouter();
    const cardId = await cardIn(router, member.id, program.id, 'frozen');
    await ok(router, 'cards.unfreeze', { cardId });
    await ok(router, 'cards.cancel', { cardId, reason: 'stolen', note: 'wallet stolen on the metro' });
    const { card, events } = await ok(router, 'cards.get', { cardId });
    expect(card).toMatchObject({ state: 'cancelled', cancelReason: 'stolen' });
    expect(events.map((e) => [e.fromState, e.toState, e.reason, e.note, e.channel])).toEqual([
      [null, 'inactive', 'issued', null, 'teller'],
      ['inactive', 'active', null, null, 'teller'],
      ['active', 'frozen', null, null, 'teller'],
      ['frozen', 'active', null, null, 'teller'],
      ['active', 'cancelled', 'stolen', 'wallet stolen on the metro', 'teller'],
    ]);
  });
});

describe('cards of a member who is not active', () => {
  it('refuses to activate or unfreeze a frozen member\'s card with MEMBER_FROZEN, and still freezes and cancels', async () => {
    const { router, member, program } = await cardRouter();
    const inactive = await cardIn(router, member.id, program.id, 'inactive');
    const active = await cardIn(router, member.id, program.id, 'active');
    const frozen = await cardIn(router, member.id, program.id, 'frozen');
    await ok(router, 'members.freeze', { id: member.id, reason: 'fraud check' });

    const before = cardSnapshot(router);
    expect(code(await router.invoke('cards.activate', { cardId: inactive }))).toBe('MEMBER_FROZEN');
    expect(code(await router.invoke('cards.unfreeze', { cardId: frozen }))).toBe('MEMBER_FROZEN');
    expect(cardSnapshot(router)).toEqual(before);

    expect((await ok(router, 'cards.freeze', { cardId: active })).blockedByMember).toBe(true);
    expect((await ok(router, 'cards.cancel', { cardId: frozen, reason: 'other' })).state).toBe('cancelled');
  });

  it('refuses to unfreeze a closed member\'s card or replace it with MEMBER_CLOSED, and still cancels it', async () => {
    const { router, program } = await cardRouter(0);
    const member = await addMember(router, { name: '钱七' });
    const frozen = await cardIn(router, member.id, program.id, 'frozen');
    await ok(router, 'members.close', { id: member.id, reason: 'moved away' });

    const before = cardSnapshot(router);
    expect(code(await router.invoke('cards.unfreeze', { cardId: frozen }))).toBe('MEMBER_CLOSED');
    expect(code(await router.invoke('cards.replace', { cardId: frozen, reason: 'lost', idempotencyKey: nextKey() }))).toBe('MEMBER_CLOSED');
    expect(cardSnapshot(router)).toEqual(before);

    expect((await ok(router, 'cards.cancel', { cardId: frozen, reason: 'other' })).state).toBe('cancelled');
  });
});

describe('cards.replace', () => {
  it('cancels the old card with the reason and issues a new one linked both ways, with its holder, limits and wallet', async () => {
    const { router, member, program } = await cardRouter();
    const issued = await issueCard(router, member.id, program.id, { holderName: 'LI SI' });
    await ok(router, 'cards.activate', { cardId: issued.card.id });
    const limits = { day: { amount: 50_000, count: 5 }, lifetime: { amount: null, count: 100 } };
    await ok(router, 'cards.setLimits', { cardId: issued.card.id, limits });

    const replacement = await ok(router, 'cards.replace', { cardId: issued.card.id, reason: 'stolen', note: 'reported by phone', idempotencyKey: nextKey() });
    const old = await ok(router, 'cards.get', { cardId: issued.card.id });

    expect(replacement.pan).not.toBe(issued.pan);
    expect(replacement.pan).toMatch(/^42424200\d{8}$/);
    expect(replacement.cvv).toMatch(/^\d{3}$/);
    expect(replacement.card).toMatchObject({ state: 'inactive', holderName: 'LI SI', limits, program: { id: program.id }, member: { id: member.id } });
    expect(replacement.card.replaces).toEqual({ id: issued.card.id, maskedPan: issued.card.maskedPan, state: 'cancelled' });
    expect(old.card).toMatchObject({ state: 'cancelled', cancelReason: 'stolen' });
    expect(old.card.replacedBy).toEqual({ id: replacement.card.id, maskedPan: replacement.card.maskedPan, state: 'inactive' });
    expect(old.events.at(-1)).toMatchObject({ fromState: 'active', toState: 'cancelled', reason: 'stolen', note: 'reported by phone', channel: 'teller' });
    expect(cardRow(router, replacement.card.id).wallet_account_id).toBe(cardRow(router, issued.card.id).wallet_account_id);

    const { events } = await ok(router, 'cards.get', { cardId: replacement.card.id });
    expect(events.map((e) => [e.fromState, e.toState, e.reason])).toEqual([[null, 'inactive', 'replacement']]);
    const [issueAudit] = auditRows(router, 'card.issue', replacement.card.id);
    expect(issueAudit!.after).toMatchObject({ replaces_id: issued.card.id, holder_name: 'LI SI', limits });
    const [replaceAudit] = auditRows(router, 'card.replace', issued.card.id);
    expect(replaceAudit!.after).toMatchObject({ state: 'cancelled', cancel_reason: 'stolen', replaced_by_id: replacement.card.id });
  });

  it('answers a retried replacement with the same new card, and refuses the key for another card or reason with IDEMPOTENCY_CONFLICT', async () => {
    const { router, member, program } = await cardRouter();
    const first = await issueCard(router, member.id, program.id);
    const second = await issueCard(router, member.id, program.id);
    const key = nextKey();
    const made = await ok(router, 'cards.replace', { cardId: first.card.id, reason: 'damaged', idempotencyKey: key });
    const again = await ok(router, 'cards.replace', { cardId: first.card.id, reason: 'damaged', idempotencyKey: key });
    expect(again).toEqual(made);
    expect((await ok(router, 'cards.memberCards', { memberId: member.id })).length).toBe(3);

    const before = cardSnapshot(router);
    const otherCard = await router.invoke('cards.replace', { cardId: second.card.id, reason: 'damaged', idempotencyKey: key });
    expect(otherCard.ok ? null : [otherCard.error.code, otherCard.error.details]).toEqual(['IDEMPOTENCY_CONFLICT', { field: 'cardId' }]);
    const otherReason = await router.invoke('cards.replace', { cardId: first.card.id, reason: 'lost', idempotencyKey: key });
    expect(otherReason.ok ? null : [otherReason.error.code, otherReason.error.details]).toEqual(['IDEMPOTENCY_CONFLICT', { field: 'reason' }]);
    const asIssue = await router.invoke('cards.issue', { memberId: member.id, programId: program.id, idempotencyKey: key });
    expect(code(asIssue)).toBe('IDEMPOTENCY_CONFLICT');
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('replaces a card of a closed program, since the member already holds a card of it', async () => {
    const { router, member, program } = await cardRouter();
    const issued = await issueCard(router, member.id, program.id);
    await ok(router, 'cards.setProgramStatus', { programId: program.id, status: 'closed' });
    const replacement = await ok(router, 'cards.replace', { cardId: issued.card.id, reason: 'lost', idempotencyKey: nextKey() });
    expect(replacement.card.program.id).toBe(program.id);
  });

  it('replaces a frozen member\'s card, whose replacement cannot be activated until the member is active', async () => {
    const { router, member, program } = await cardRouter();
    const cardId = await cardIn(router, member.id, program.id, 'active');
    await ok(router, 'members.freeze', { id: member.id, reason: 'card stolen' });
    const replacement = await ok(router, 'cards.replace', { cardId, reason: 'stolen', idempotencyKey: nextKey() });
    expect(replacement.card).toMatchObject({ state: 'inactive', blockedByMember: true });
    expect(code(await router.invoke('cards.activate', { cardId: replacement.card.id }))).toBe('MEMBER_FROZEN');
    await ok(router, 'members.unfreeze', { id: member.id });
    expect((await ok(router, 'cards.activate', { cardId: replacement.card.id })).state).toBe('active');
  });

  it('carries the old card\'s limits to its replacement, not the program\'s defaults', async () => {
    const { router, member } = await cardRouter();
    const limited = await createProgram(router, { name: 'Limited', bin: '424244', defaultLimits: { day: { amount: 10_000, count: null } } });
    const issued = await issueCard(router, member.id, limited.id);
    await ok(router, 'cards.setLimits', { cardId: issued.card.id, limits: {} });
    const replacement = await ok(router, 'cards.replace', { cardId: issued.card.id, reason: 'damaged', idempotencyKey: nextKey() });
    expect(issued.card.limits).toEqual({ day: { amount: 10_000, count: null } });
    expect(replacement.card.limits).toEqual({});
  });
});

describe('cards.setLimits', () => {
  it('writes the card\'s limits, audited before and after', async () => {
    const { router, member, program } = await cardRouter();
    const { card } = await issueCard(router, member.id, program.id);
    const before = cardRow(router, card.id);
    const limits = { authorization: { amount: 20_000, count: null }, week: { amount: 100_000, count: 10 } };
    expect((await ok(router, 'cards.setLimits', { cardId: card.id, limits })).limits).toEqual(limits);
    const [audit, ...more] = auditRows(router, 'card.setLimits', card.id);
    expect(more).toEqual([]);
    expect(audit!.before).toEqual(auditedPicture(before));
    expect(audit!.after).toEqual(auditedPicture(cardRow(router, card.id)));
    expect(audit!.after.limits).toEqual(limits);
  });

  it('refuses limits the schema refuses with INVALID_INPUT, and a cancelled card\'s with CARD_STATE_INVALID, changing nothing', async () => {
    const { router, member, program } = await cardRouter();
    const live = await cardIn(router, member.id, program.id, 'active');
    const cancelled = await cardIn(router, member.id, program.id, 'cancelled');
    const before = cardSnapshot(router);
    const perAuthorizationCount = await router.invoke('cards.setLimits', { cardId: live, limits: { authorization: { amount: null, count: 2 } } });
    expect(code(perAuthorizationCount)).toBe('INVALID_INPUT');
    const negative = await router.invoke('cards.setLimits', { cardId: live, limits: { day: { amount: -1, count: null } } });
    expect(code(negative)).toBe('INVALID_INPUT');
    const onCancelled = await router.invoke('cards.setLimits', { cardId: cancelled, limits: { day: { amount: 1_000, count: null } } });
    expect(code(onCancelled)).toBe('CARD_STATE_INVALID');
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('writes nothing when the limits are the card\'s own already', async () => {
    const { router, member, program } = await cardRouter();
    const limits = { month: { amount: 300_000, count: null } };
    const { card } = await issueCard(router, member.id, program.id, { limits });
    const before = cardSnapshot(router);
    await ok(router, 'cards.setLimits', { cardId: card.id, limits });
    expect(cardSnapshot(router)).toEqual(before);
  });
});
