import { describe, expect, it, onTestFinished } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import { ADMIN, ok, tempDataDir } from '../support/temp-data';
import { addMember } from './members-fixtures';
import { cardSnapshot, createProgram, issueCard } from './cards-fixtures';

// The card expiry due task: a card works through the last day of its expiry month on the business
// time zone's calendar, then the task cancels it with the reason `expired` on the system channel.
// Cards already cancelled keep their own reason. The clock is the router's, moved by the test.

/** A set-up data folder on a clock the test sets, no background work, a one-month program and a member. */
async function branchOnClock(start: string) {
  let now = new Date(start);
  const router = createRouter({ dataDir: tempDataDir(), clock: () => now, background: false });
  onTestFinished(() => router.close());
  await ok(router, 'setup.init', ADMIN);
  const program = await createProgram(router, { validityMonths: 1 });
  const member = await addMember(router, { name: '李四' });
  return { router, program, member, setClock: (iso: string) => (now = new Date(iso)) };
}

async function expiredByTask(router: Router): Promise<unknown> {
  const outcomes = await ok(router, 'jobs.runDue', {});
  return outcomes.find((outcome) => outcome.task === 'cards.expireCards');
}

const stateOf = (router: Router, cardId: number) => router.state.requireStore().sqlite.prepare('SELECT state, cancel_reason FROM cards WHERE id = ?').get(cardId);

describe('cards.expireCards', () => {
  it('cancels cards as expired once the business time zone\'s calendar leaves their expiry month, and no sooner', async () => {
    const branch = await branchOnClock('2026-01-15T10:00:00.000Z');
    const { router } = branch;
    await ok(router, 'settings.update', { businessTimeZone: 'Asia/Shanghai' });
    const inactive = await issueCard(router, branch.member.id, branch.program.id);
    const active = await issueCard(router, branch.member.id, branch.program.id);
    await ok(router, 'cards.activate', { cardId: active.card.id });
    const frozen = await issueCard(router, branch.member.id, branch.program.id);
    await ok(router, 'cards.activate', { cardId: frozen.card.id });
    await ok(router, 'cards.freeze', { cardId: frozen.card.id });
    const lost = await issueCard(router, branch.member.id, branch.program.id);
    await ok(router, 'cards.cancel', { cardId: lost.card.id, reason: 'lost' });
    branch.setClock('2026-02-10T10:00:00.000Z');
    const later = await issueCard(router, branch.member.id, branch.program.id);
    expect([inactive.card.expiryMonth, later.card.expiryMonth]).toEqual(['2026-02', '2026-03']);

    // 23:59:59.999 on 28 February in Shanghai: the cards still work.
    branch.setClock('2026-02-28T15:59:59.999Z');
    let before = cardSnapshot(router);
    expect(await expiredByTask(router)).toEqual({ task: 'cards.expireCards', counts: { expired: 0 }, error: null });
    expect(cardSnapshot(router)).toEqual(before);

    // Midnight in Shanghai is still 28 February in UTC: the zone decides.
    branch.setClock('2026-02-28T16:00:00.000Z');
    await ok(router, 'settings.update', { businessTimeZone: 'UTC' });
    before = cardSnapshot(router);
    expect(await expiredByTask(router)).toEqual({ task: 'cards.expireCards', counts: { expired: 0 }, error: null });
    expect(cardSnapshot(router)).toEqual(before);

    await ok(router, 'settings.update', { businessTimeZone: 'Asia/Shanghai' });
    expect(await expiredByTask(router)).toEqual({ task: 'cards.expireCards', counts: { expired: 3 }, error: null });
    for (const [issued, from] of [[inactive, 'inactive'], [active, 'active'], [frozen, 'frozen']] as const) {
      expect(stateOf(router, issued.card.id)).toEqual({ state: 'cancelled', cancel_reason: 'expired' });
      const { events } = await ok(router, 'cards.get', { cardId: issued.card.id });
      expect(events.at(-1)).toMatchObject({ fromState: from, toState: 'cancelled', reason: 'expired', note: null, actor: 'admin', channel: 'system', at: '2026-02-28T16:00:00.000Z' });
    }
    expect(stateOf(router, lost.card.id)).toEqual({ state: 'cancelled', cancel_reason: 'lost' });
    expect(stateOf(router, later.card.id)).toEqual({ state: 'inactive', cancel_reason: null });

    const audited = router.state.requireStore().sqlite.prepare(`SELECT entity_id, after_json FROM audit_log WHERE action = 'card.expire' ORDER BY id`).all() as { entity_id: string; after_json: string }[];
    expect(audited.map((row) => row.entity_id)).toEqual([inactive, active, frozen].map((issued) => String(issued.card.id)));
    expect(JSON.parse(audited[0]!.after_json)).toMatchObject({ state: 'cancelled', cancel_reason: 'expired', change: { channel: 'system', note: null } });

    before = cardSnapshot(router);
    expect(await expiredByTask(router)).toEqual({ task: 'cards.expireCards', counts: { expired: 0 }, error: null });
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('refuses to activate an expired card, which is cancelled and final', async () => {
    const branch = await branchOnClock('2026-01-15T10:00:00.000Z');
    const { router } = branch;
    await ok(router, 'settings.update', { businessTimeZone: 'UTC' });
    const { card } = await issueCard(router, branch.member.id, branch.program.id);
    branch.setClock('2026-03-01T00:00:00.000Z');
    expect(await expiredByTask(router)).toMatchObject({ counts: { expired: 1 } });
    const before = cardSnapshot(router);
    const answer = await router.invoke('cards.activate', { cardId: card.id });
    expect(answer.ok ? null : [answer.error.code, answer.error.details]).toEqual(['CARD_STATE_INVALID', { field: 'cardId', from: 'cancelled', to: 'active', change: 'activate' }]);
    expect(cardSnapshot(router)).toEqual(before);
  });
});
