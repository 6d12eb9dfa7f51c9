import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { isLuhnValid } from '../../src-shared/luhn';
import { ok, signInAs, TELLER } from '../support/temp-data';
import { jobResult } from '../support/jobs';
import { cardRouter, cardSnapshot, issueCard } from './cards-fixtures';

// Revealing a card's full number and CVV: admins only (cards.reveal), a reason every time, an
// audit row with the reason and the masked number and never the clear one, and a time limit for
// the screen. The CVV is derived again, under the program's own key, so a rekey leaves it as it was.

/** Every maximal run of 13 to 19 digits that passes the Luhn check. */
function cardNumbersIn(text: string): string[] {
  return [...text.matchAll(/\d+/g)].map(([run]) => run).filter((run) => run.length >= 13 && run.length <= 19 && isLuhnValid(run));
}

/** The audit log's readable columns (its hashes are hex, whose digit runs mean nothing). */
function auditLogText(router: Router): string {
  const rows = router.state.requireStore().sqlite.prepare('SELECT actor, entity_id, before_json, after_json FROM audit_log').all() as Record<string, string | null>[];
  return rows.map((row) => Object.values(row).join(' ')).join('\n');
}

function reveals(router: Router, cardId: number) {
  const rows = router.state.requireStore().sqlite.prepare(`SELECT actor, after_json FROM audit_log WHERE action = 'card.reveal' AND entity_id = ? ORDER BY id`).all(String(cardId)) as { actor: string; after_json: string }[];
  return rows.map((row) => ({ actor: row.actor, after: JSON.parse(row.after_json) as unknown }));
}

describe('cards.reveal', () => {
  it('shows an admin the number, expiry and CVV the issue showed, for 30 seconds, audited with the reason and the masked number only', async () => {
    const { router, member, program } = await cardRouter();
    const issued = await issueCard(router, member.id, program.id);

    const revealed = await ok(router, 'cards.reveal', { cardId: issued.card.id, reason: 'holder asked on the phone' });
    expect(revealed).toEqual({ pan: issued.pan, expiry: issued.expiry, cvv: issued.cvv, visibleForSeconds: 30 });
    expect(reveals(router, issued.card.id)).toEqual([{ actor: 'admin', after: { reason: 'holder asked on the phone', maskedNumber: issued.card.maskedPan } }]);

    expect(cardNumbersIn(`seen ${issued.pan}.`)).toEqual([issued.pan]);
    expect(cardNumbersIn(auditLogText(router))).toEqual([]);
    const log = JSON.stringify(router.state.requireStore().sqlite.prepare('SELECT * FROM audit_log').all());
    expect(log).not.toContain(issued.pan);
    expect(log).not.toContain(`"cvv"`);
  });

  it('still reveals a cancelled card, for a dispute about its past payments', async () => {
    const { router, member, program } = await cardRouter();
    const issued = await issueCard(router, member.id, program.id);
    await ok(router, 'cards.cancel', { cardId: issued.card.id, reason: 'stolen' });
    expect(await ok(router, 'cards.reveal', { cardId: issued.card.id, reason: 'chargeback dispute' })).toMatchObject({ pan: issued.pan, cvv: issued.cvv });
  });

  it('refuses a reveal without a reason with INVALID_INPUT, and an unknown card with CARD_NOT_FOUND, auditing nothing', async () => {
    const { router, member, program } = await cardRouter();
    const { card } = await issueCard(router, member.id, program.id);
    const before = cardSnapshot(router);
    for (const reason of ['', '   ']) {
      const answer = await router.invoke('cards.reveal', { cardId: card.id, reason });
      expect(answer.ok ? null : [answer.error.code, answer.error.details]).toEqual(['INVALID_INPUT', expect.objectContaining({ field: 'reason' })]);
    }
    const unknown = await router.invoke('cards.reveal', { cardId: 999_999, reason: 'checking' });
    expect(unknown.ok ? null : unknown.error.code).toBe('CARD_NOT_FOUND');
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('refuses a teller with FORBIDDEN, auditing no reveal', async () => {
    const { router, member, program } = await cardRouter();
    const { card } = await issueCard(router, member.id, program.id);
    await ok(router, 'staff.add', TELLER);
    await signInAs(router, TELLER);
    const before = cardSnapshot(router);
    const answer = await router.invoke('cards.reveal', { cardId: card.id, reason: 'holder asked' });
    expect(answer.ok ? null : answer.error.code).toBe('FORBIDDEN');
    expect(cardSnapshot(router)).toEqual(before);
    expect(reveals(router, card.id)).toEqual([]);
  });

  it('reveals the same number and CVV after a rekey, whose new master key changes no card', async () => {
    const { router, member, program } = await cardRouter();
    const issued = await issueCard(router, member.id, program.id);
    await jobResult(router, 'keys.rekey', {});
    expect(await ok(router, 'cards.reveal', { cardId: issued.card.id, reason: 'after the rekey' })).toMatchObject({ pan: issued.pan, expiry: issued.expiry, cvv: issued.cvv });
  });
});
