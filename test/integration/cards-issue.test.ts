import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { isLuhnValid } from '../../src-shared/luhn';
import { ok } from '../support/temp-data';
import { addMember, nextKey } from './members-fixtures';
import { cardRouter, cardSnapshot, createProgram, issueCard } from './cards-fixtures';

// Issuing a virtual card: the number is the program's BIN, random digits and a Luhn digit; it is
// shown once with its expiry and CVV, then only masked; the row holds it sealed.

let router: Router | undefined;
afterEach(() => router?.close());

describe('cards.issue', () => {
  it('issues an inactive card under the BIN, shows the number, expiry and CVV once, and keeps only the sealed number', async () => {
    const set = await cardRouter();
    router = set.router;
    const issued = await issueCard(router, set.member.id, set.program.id);

    expect(issued.pan).toMatch(/^42424200\d{8}$/);
    expect(isLuhnValid(issued.pan)).toBe(true);
    expect(issued.cvv).toMatch(/^\d{3}$/);
    expect(issued.expiry).toMatch(/^(0[1-9]|1[0-2])\/\d{2}$/);
    expect(issued.card.state).toBe('inactive');
    expect(issued.card.maskedPan).toBe(`424242••••••${issued.pan.slice(-4)}`);
    expect(issued.card.holderName).toBe('李四');

    const { sqlite } = router.state.requireStore();
    const row = sqlite.prepare('SELECT * FROM cards WHERE id = ?').get(issued.card.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(issued.pan);
    expect(row.first6).toBe('424242');
    expect(row.last4).toBe(issued.pan.slice(-4));

    const listed = await ok(router, 'cards.memberCards', { memberId: set.member.id });
    expect(JSON.stringify(listed)).not.toContain(issued.pan);
    expect(JSON.stringify(listed)).not.toContain(issued.pan.slice(0, 8) + issued.pan.slice(8, 12));
  });

  it('answers a retried issue with the same card, and refuses the key for another member', async () => {
    const set = await cardRouter();
    router = set.router;
    const key = nextKey();
    const first = await issueCard(router, set.member.id, set.program.id, { idempotencyKey: key });
    const again = await issueCard(router, set.member.id, set.program.id, { idempotencyKey: key });
    expect(again.pan).toBe(first.pan);
    expect(again.cvv).toBe(first.cvv);

    const other = await addMember(router, { name: '王五' });
    const before = cardSnapshot(router);
    const reused = await router.invoke('cards.issue', { memberId: other.id, programId: set.program.id, idempotencyKey: key });
    expect(reused.ok ? null : reused.error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('refuses a closed program, a frozen member and an unknown program, changing nothing', async () => {
    const set = await cardRouter();
    router = set.router;
    const closed = await createProgram(router, { name: 'Closed', bin: '424243' });
    await ok(router, 'cards.setProgramStatus', { programId: closed.id, status: 'closed' });
    const frozen = await addMember(router, { name: '赵六' });
    await ok(router, 'members.freeze', { id: frozen.id, reason: 'fraud check' });

    const before = cardSnapshot(router);
    const attempts = [
      [{ memberId: set.member.id, programId: closed.id }, 'CARD_PROGRAM_CLOSED'],
      [{ memberId: frozen.id, programId: set.program.id }, 'MEMBER_FROZEN'],
      [{ memberId: set.member.id, programId: 999 }, 'CARD_PROGRAM_NOT_FOUND'],
    ] as const;
    for (const [request, code] of attempts) {
      const answer = await router.invoke('cards.issue', { ...request, idempotencyKey: nextKey() });
      expect(answer.ok ? null : answer.error.code).toBe(code);
    }
    expect(cardSnapshot(router)).toEqual(before);
  });

  it('keeps a program with cards: no delete and no new BIN, while a closed one still lists its cards', async () => {
    const set = await cardRouter();
    router = set.router;
    await issueCard(router, set.member.id, set.program.id);
    const before = cardSnapshot(router);
    const deleted = await router.invoke('cards.deleteProgram', { programId: set.program.id });
    expect(deleted.ok ? null : deleted.error.code).toBe('CARD_PROGRAM_HAS_CARDS');
    const rebinned = await router.invoke('cards.updateProgram', { programId: set.program.id, program: { name: 'Paydesk Virtual', bin: '51000000', currency: 'CNY' } });
    expect(rebinned.ok ? null : rebinned.error.code).toBe('CARD_PROGRAM_HAS_CARDS');
    expect(cardSnapshot(router)).toEqual(before);

    const programs = await ok(router, 'cards.programs', {});
    expect(programs.map((p) => [p.name, p.cards, p.panLength, p.validityMonths, p.mode])).toEqual([['Paydesk Virtual', 1, 16, 36, 'test']]);
  });
});
