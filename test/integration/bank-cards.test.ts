import { afterEach, describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { defaultBankCard } from '../../src-main/cards/bank-card-rows';
import type { ChannelInput } from '../../src-shared/contract';
import { jobResult } from '../support/jobs';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, signInAs } from './members-fixtures';
import { cardSnapshot } from './cards-fixtures';

// Members' own bank cards, the destinations of their payouts (issue 10 item 6): Luhn-checked,
// kept sealed with a fingerprint, last four, brand, holder and expiry; one default per member;
// the same card linked to another member is a warning, twice to one member a refusal; unlinking
// keeps the row.

const VISA = '4111 1111 1111 1111';
const UNIONPAY = '6222-0212-3456-7894';
const MASTERCARD = '5555555555554444';
const FUTURE = '12/39';

let router: Router;
afterEach(() => router?.close());

async function bankRouter() {
  ({ router } = await counterRouter('teller'));
  const member = await addMember(router, { name: '李四' });
  return member;
}

function link(memberId: number, fields: Partial<ChannelInput<'bankCards.link'>> = {}) {
  return ok(router, 'bankCards.link', { memberId, pan: VISA, holderName: 'LI SI', expiry: FUTURE, bankName: 'ICBC', ...fields });
}

async function refusal(channel: 'bankCards.link' | 'bankCards.setDefault' | 'bankCards.unlink' | 'bankCards.list', input: unknown) {
  const answer = await router.invoke(channel, input as never);
  return answer.ok ? null : { code: answer.error.code, field: (answer.error.details as { field?: string } | undefined)?.field };
}

/** The refusal's code and field, and every card table, wallet, member and audit row unchanged. */
async function expectRefused(channel: Parameters<typeof refusal>[0], input: unknown, code: string, field: string) {
  const before = cardSnapshot(router);
  expect(await refusal(channel, input)).toEqual({ code, field });
  expect(cardSnapshot(router)).toEqual(before);
}

function rows() {
  return router.state.requireStore().sqlite.prepare('SELECT * FROM bank_cards ORDER BY id').all() as Record<string, unknown>[];
}

function auditOf(action: string) {
  return router.state.requireStore().sqlite.prepare('SELECT entity_id, before_json, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as { entity_id: string; before_json: string | null; after_json: string }[];
}

/** Which of the member's linked cards is the default, by last four: one at most. */
async function defaults(memberId: number) {
  return (await ok(router, 'bankCards.list', { memberId })).filter((card) => card.isDefault).map((card) => card.last4);
}

describe('bankCards.link', () => {
  it('keeps the number sealed with its last four, brand, holder, expiry and bank, and makes the first card the default', async () => {
    const member = await bankRouter();
    const card = await link(member.id);

    expect(card).toMatchObject({
      memberId: member.id, maskedPan: '••••1111', last4: '1111', brand: 'visa', holderName: 'LI SI', expiryMonth: '2039-12', bankName: 'ICBC',
      isDefault: true, linkedBy: 'tina', unlinkedAt: null, alsoLinkedTo: [],
    });
    const [row] = rows();
    expect(row).toMatchObject({ last4: '1111', brand: 'visa', expiry_month: '2039-12', is_default: 1 });
    expect(JSON.stringify(row)).not.toContain('4111111111111111');
    expect(row!.pan_fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row!.pan_sealed as string)).toEqual({ nonce: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });
    expect(auditOf('bankCard.link')).toEqual([{ entity_id: String(card.id), before_json: null, after_json: expect.stringContaining('"card":"••••1111"') }]);
  });

  it('names the brand from the prefix, with the number typed in groups', async () => {
    const member = await bankRouter();
    expect((await link(member.id, { pan: UNIONPAY })).brand).toBe('unionpay');
    expect((await link(member.id, { pan: MASTERCARD })).brand).toBe('mastercard');
    expect((await link(member.id, { pan: '378282246310005' })).brand).toBe('amex');
    expect((await link(member.id, { pan: '3530111333300000' })).brand).toBe('jcb');
  });

  it('accepts a card that expires at the end of this month', async () => {
    const member = await bankRouter();
    const month = new Intl.DateTimeFormat('en', { month: '2-digit', year: '2-digit' }).formatToParts(new Date());
    const part = (type: string) => month.find((p) => p.type === type)!.value;
    expect((await link(member.id, { expiry: `${part('month')}/${part('year')}` })).isDefault).toBe(true);
  });

  it('refuses a number that fails the Luhn check with CARD_NUMBER_INVALID naming pan, changing nothing', async () => {
    const member = await bankRouter();
    await expectRefused('bankCards.link', { memberId: member.id, pan: '4111 1111 1111 1112', holderName: 'LI SI', expiry: FUTURE }, 'CARD_NUMBER_INVALID', 'pan');
    await expectRefused('bankCards.link', { memberId: member.id, pan: '411111111111', holderName: 'LI SI', expiry: FUTURE }, 'CARD_NUMBER_INVALID', 'pan');
  });

  it('refuses an expired card with CARD_EXPIRED naming expiry, changing nothing', async () => {
    const member = await bankRouter();
    await expectRefused('bankCards.link', { memberId: member.id, pan: VISA, holderName: 'LI SI', expiry: '01/20' }, 'CARD_EXPIRED', 'expiry');
  });

  it('refuses a closed member with MEMBER_CLOSED and an unknown one with MEMBER_NOT_FOUND, changing nothing', async () => {
    const member = await bankRouter();
    await signInAs(router, 'admin');
    await ok(router, 'members.close', { id: member.id, reason: 'moved away' });
    await expectRefused('bankCards.link', { memberId: member.id, pan: VISA, holderName: 'LI SI', expiry: FUTURE }, 'MEMBER_CLOSED', 'memberId');
    await expectRefused('bankCards.link', { memberId: 9999, pan: VISA, holderName: 'LI SI', expiry: FUTURE }, 'MEMBER_NOT_FOUND', 'memberId');
  });

  it('refuses the same card linked twice to one member with BANK_CARD_EXISTS, however it is typed, changing nothing', async () => {
    const member = await bankRouter();
    await link(member.id);
    await expectRefused('bankCards.link', { memberId: member.id, pan: '4111-1111-1111-1111', holderName: 'Li Si', expiry: '11/38' }, 'BANK_CARD_EXISTS', 'pan');
  });

  it('links the same card to another member, warning on both sides with the other member', async () => {
    const first = await bankRouter();
    const second = await addMember(router, { name: '王五' });
    await link(first.id);
    const again = await link(second.id);

    expect(again.alsoLinkedTo).toEqual([{ id: first.id, memberNumber: first.memberNumber, name: '李四' }]);
    expect((await ok(router, 'bankCards.list', { memberId: first.id }))[0]!.alsoLinkedTo).toEqual([{ id: second.id, memberNumber: second.memberNumber, name: '王五' }]);
    expect(JSON.parse(auditOf('bankCard.link')[1]!.after_json)).toMatchObject({ alsoLinkedTo: [first.memberNumber] });
  });

  it('finds the card linked before a rekey, under the master key of its day', async () => {
    const member = await bankRouter();
    const other = await addMember(router, { name: '王五' });
    await link(member.id);
    await signInAs(router, 'admin');
    await jobResult(router, 'keys.rekey', {});

    await expectRefused('bankCards.link', { memberId: member.id, pan: VISA, holderName: 'LI SI', expiry: FUTURE }, 'BANK_CARD_EXISTS', 'pan');
    expect((await link(other.id)).alsoLinkedTo.map((m) => m.id)).toEqual([member.id]);
    expect((await ok(router, 'bankCards.list', { memberId: member.id }))[0]!.alsoLinkedTo.map((m) => m.id)).toEqual([other.id]);
  });
});

describe('the default bank card', () => {
  it('stays with the first card unless a link asks for it, and moves with makeDefault and setDefault', async () => {
    const member = await bankRouter();
    const visa = await link(member.id);
    const unionpay = await link(member.id, { pan: UNIONPAY });
    expect(unionpay.isDefault).toBe(false);
    expect(await defaults(member.id)).toEqual(['1111']);

    await link(member.id, { pan: MASTERCARD, makeDefault: true });
    expect(await defaults(member.id)).toEqual(['4444']);
    expect((await ok(router, 'bankCards.setDefault', { bankCardId: visa.id })).isDefault).toBe(true);
    expect(await defaults(member.id)).toEqual(['1111']);
    expect(defaultBankCard(router.state.requireStore(), member.id)?.id).toBe(visa.id);
    // Each card whose default changed has its own audit row.
    expect(auditOf('bankCard.unsetDefault').map((row) => row.entity_id)).toEqual([String(visa.id), String(visa.id + 2)]);
  });

  it('passes to the most recently linked card left when the default is unlinked, and to none after the last', async () => {
    const member = await bankRouter();
    const visa = await link(member.id);
    const unionpay = await link(member.id, { pan: UNIONPAY });
    const mastercard = await link(member.id, { pan: MASTERCARD });

    await ok(router, 'bankCards.unlink', { bankCardId: visa.id, reason: 'card replaced by the bank' });
    expect(await defaults(member.id)).toEqual(['4444']);
    await ok(router, 'bankCards.unlink', { bankCardId: unionpay.id, reason: 'closed' });
    expect(await defaults(member.id)).toEqual(['4444']);
    await ok(router, 'bankCards.unlink', { bankCardId: mastercard.id, reason: 'closed' });
    expect(await defaults(member.id)).toEqual([]);
    expect(defaultBankCard(router.state.requireStore(), member.id)).toBeUndefined();
  });

  it('refuses setDefault of an unlinked or unknown card with BANK_CARD_NOT_FOUND, changing nothing', async () => {
    const member = await bankRouter();
    await link(member.id);
    const unionpay = await link(member.id, { pan: UNIONPAY });
    await ok(router, 'bankCards.unlink', { bankCardId: unionpay.id, reason: 'closed' });
    await expectRefused('bankCards.setDefault', { bankCardId: unionpay.id }, 'BANK_CARD_NOT_FOUND', 'bankCardId');
    await expectRefused('bankCards.setDefault', { bankCardId: 9999 }, 'BANK_CARD_NOT_FOUND', 'bankCardId');
  });
});

describe('bankCards.unlink', () => {
  it('keeps the row with who unlinked it and when, lists it only when asked, and audits the reason', async () => {
    const member = await bankRouter();
    const visa = await link(member.id);
    const unlinked = await ok(router, 'bankCards.unlink', { bankCardId: visa.id, reason: 'card replaced by the bank' });

    expect(unlinked).toMatchObject({ isDefault: false, unlinkedBy: 'tina', unlinkedAt: expect.any(String) });
    expect(await ok(router, 'bankCards.list', { memberId: member.id })).toEqual([]);
    expect(await ok(router, 'bankCards.list', { memberId: member.id, includeUnlinked: true })).toEqual([unlinked]);
    expect(rows()).toHaveLength(1);
    expect(JSON.parse(auditOf('bankCard.unlink')[0]!.after_json)).toMatchObject({ reason: 'card replaced by the bank', is_default: false, card: '••••1111' });
  });

  it('lets the same card be linked again after it was unlinked, as a new row', async () => {
    const member = await bankRouter();
    const visa = await link(member.id);
    await ok(router, 'bankCards.unlink', { bankCardId: visa.id, reason: 'typo in the holder name' });
    const again = await link(member.id, { holderName: 'LI SI JR' });
    expect(again).toMatchObject({ id: visa.id + 1, isDefault: true, holderName: 'LI SI JR' });
  });

  it('refuses an unlinked or unknown card with BANK_CARD_NOT_FOUND, and a missing reason, changing nothing', async () => {
    const member = await bankRouter();
    const visa = await link(member.id);
    await ok(router, 'bankCards.unlink', { bankCardId: visa.id, reason: 'closed' });
    await expectRefused('bankCards.unlink', { bankCardId: visa.id, reason: 'again' }, 'BANK_CARD_NOT_FOUND', 'bankCardId');
    await expectRefused('bankCards.unlink', { bankCardId: 9999, reason: 'again' }, 'BANK_CARD_NOT_FOUND', 'bankCardId');
    await expectRefused('bankCards.unlink', { bankCardId: visa.id, reason: '  ' }, 'INVALID_INPUT', 'reason');
  });
});

describe('no card number leaves the main process or lands in a row', () => {
  it('keeps every number out of the rows, the audit log and the answers', async () => {
    const member = await bankRouter();
    const other = await addMember(router, { name: '王五' });
    const numbers = [VISA, UNIONPAY, MASTERCARD].map((pan) => pan.replace(/\D/g, ''));
    const answers = [await link(member.id), await link(member.id, { pan: UNIONPAY }), await link(other.id, { pan: MASTERCARD })];
    await ok(router, 'bankCards.unlink', { bankCardId: answers[0]!.id, reason: 'closed' });
    answers.push(...(await ok(router, 'bankCards.list', { memberId: member.id, includeUnlinked: true })));

    const { sqlite } = router.state.requireStore();
    const text = JSON.stringify([sqlite.prepare('SELECT * FROM bank_cards').all(), sqlite.prepare('SELECT * FROM audit_log').all(), answers]);
    for (const pan of numbers) {
      expect(text).not.toContain(pan);
      expect(text).not.toContain(pan.slice(0, 12));
    }
  });
});
