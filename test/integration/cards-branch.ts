import type { Router } from '../../src-main/api/router';
import { expireAuthorizations } from '../../src-main/cards/authorization-expiry';
import { expireCards } from '../../src-main/cards/card-expiry';
import type { IssuedCard } from '../../src-shared/contract/cards';
import { ok, setUpRouter } from '../support/temp-data';
import { createProgram, issueCard } from './cards-fixtures';
import { addMember, depositTo, nextKey } from './members-fixtures';

// A branch that has done a bit of everything with cards, so every card table holds at least
// three rows of each kind verify tells apart: programs created, renamed, closed, reopened and
// one deleted; cards issued, activated, frozen, unfrozen, cancelled, replaced and with limits
// changed, one expired by the due task; members' limits; authorizations on three cards of three members (so three
// month totals of each kind), captured (fully and partly), voided, held, expired
// and declined; bank cards linked to two members (one card to both), the default moved and one
// unlinked. Shared by cards-verify (the tamper battery) and cards-at-rest (no card data at rest).

const DAY_MS = 86_400_000;

export const BANK_CARDS = ['4111111111111111', '6222021234567894', '5555555555554444'];

export interface CardBranch {
  router: Router;
  dataDir: string;
  recoveryKey: string;
  /** Every card number, expiry and CVV the branch was shown (issues, replacement, reveal). */
  shown: { pan: string; expiry: string; cvv: string }[];
}

async function programs(router: Router) {
  const visa = await createProgram(router);
  const unionpay = await createProgram(router, { name: 'UnionPay Gold', bin: '62258800', panLength: 19, validityMonths: 48 });
  await ok(router, 'cards.updateProgram', { programId: unionpay.id, program: { name: 'UnionPay Diamond', bin: '62258800', panLength: 19, currency: 'CNY', validityMonths: 48, mode: 'live', defaultLimits: { day: { amount: 500_000, count: null } } } });
  const gone = await createProgram(router, { name: 'Never used', bin: '424299' });
  await ok(router, 'cards.deleteProgram', { programId: gone.id });
  const closed = await createProgram(router, { name: 'Pilot', bin: '424298' });
  await ok(router, 'cards.setProgramStatus', { programId: closed.id, status: 'closed' });
  await ok(router, 'cards.setProgramStatus', { programId: unionpay.id, status: 'closed' });
  await ok(router, 'cards.setProgramStatus', { programId: unionpay.id, status: 'open' });
  const short = await createProgram(router, { name: 'One month', bin: '42429700', validityMonths: 1 });
  return { visa, unionpay, short };
}

function authorize(router: Router, card: IssuedCard, amount: number, fields: { cvv?: string; merchant?: string } = {}) {
  return router.invoke('cards.authorize', { pan: card.pan, expiry: card.expiry, cvv: fields.cvv ?? card.cvv, amount, merchant: fields.merchant ?? 'Tea House', idempotencyKey: nextKey() });
}

async function approved(router: Router, card: IssuedCard, amount: number) {
  const answer = await authorize(router, card, amount);
  if (!answer.ok) throw new Error(`cards.authorize declined: ${answer.error.code}`);
  return answer.value.authorization.id;
}

export async function cardBranch(): Promise<CardBranch> {
  const { router, dataDir, recoveryKey } = await setUpRouter();
  const { visa, unionpay, short } = await programs(router);
  const a = await addMember(router, { name: '李四' });
  const b = await addMember(router, { name: '王五' });
  const c = await addMember(router, { name: 'Alice Smith' });
  await depositTo(router, a.id, 100_000);
  await depositTo(router, b.id, 100_000);
  await depositTo(router, c.id, 10_000);

  const lost = await issueCard(router, a.id, visa.id);
  const frozen = await issueCard(router, a.id, unionpay.id);
  const busy = await issueCard(router, b.id, visa.id);
  const cancelled = await issueCard(router, b.id, visa.id);
  const idle = await issueCard(router, c.id, visa.id);
  const expiring = await issueCard(router, c.id, short.id);
  for (const card of [lost, frozen, busy, expiring]) await ok(router, 'cards.activate', { cardId: card.card.id });
  await ok(router, 'cards.freeze', { cardId: frozen.card.id, note: 'member asked' });
  await ok(router, 'cards.freeze', { cardId: busy.card.id });
  await ok(router, 'cards.unfreeze', { cardId: busy.card.id, note: 'found it' });
  await ok(router, 'cards.cancel', { cardId: cancelled.card.id, reason: 'damaged' });
  const replacement = await ok(router, 'cards.replace', { cardId: lost.card.id, reason: 'stolen', idempotencyKey: nextKey() });
  await ok(router, 'cards.activate', { cardId: replacement.card.id });
  await ok(router, 'cards.setLimits', { cardId: busy.card.id, limits: { day: { amount: 50_000, count: 5 } } });
  const revealed = await ok(router, 'cards.reveal', { cardId: busy.card.id, reason: 'read to the holder' });

  for (const [member, limits] of [[a.id, { month: { amount: 80_000, count: null } }], [b.id, { day: { amount: null, count: 10 } }], [c.id, {}]] as const) {
    await ok(router, 'cards.setMemberLimits', { memberId: member, currency: 'CNY', limits });
  }
  await ok(router, 'cards.setMemberLimits', { memberId: a.id, currency: 'CNY', limits: { month: { amount: 90_000, count: null } } });

  const captured = await approved(router, busy, 1_200);
  await ok(router, 'cards.capture', { authorizationId: captured, idempotencyKey: nextKey() });
  const partly = await approved(router, busy, 3_000);
  await ok(router, 'cards.capture', { authorizationId: partly, amount: 2_500, idempotencyKey: nextKey() });
  await authorize(router, busy, 500, { cvv: busy.cvv === '000' ? '001' : '000' });
  const voided = await approved(router, replacement, 700);
  await ok(router, 'cards.void', { authorizationId: voided, idempotencyKey: nextKey() });
  await authorize(router, frozen, 100);
  await approved(router, replacement, 900);
  await authorize(router, busy, 60_000);
  await approved(router, busy, 400);
  const store = router.state.requireStore();
  expireAuthorizations(store, 'system', new Date(Date.now() + 8 * DAY_MS));
  await approved(router, replacement, 800);
  // A third card and member that spent: every month-total table has a first, a middle and a last row.
  await approved(router, expiring, 300);
  // Two months on, the one-month card has expired (the due task, channel system).
  expireCards(store, 'system', new Date(Date.now() + 62 * DAY_MS));

  const first = await ok(router, 'bankCards.link', { memberId: a.id, pan: BANK_CARDS[0]!, holderName: 'LI SI', expiry: '12/39', bankName: 'ICBC' });
  const second = await ok(router, 'bankCards.link', { memberId: a.id, pan: BANK_CARDS[1]!, holderName: 'LI SI', expiry: '06/38', makeDefault: true });
  await ok(router, 'bankCards.link', { memberId: b.id, pan: BANK_CARDS[0]!, holderName: 'WANG WU', expiry: '12/39' });
  await ok(router, 'bankCards.link', { memberId: b.id, pan: BANK_CARDS[2]!, holderName: 'WANG WU', expiry: '01/37', bankName: 'Bank of China' });
  await ok(router, 'bankCards.setDefault', { bankCardId: first.id });
  await ok(router, 'bankCards.unlink', { bankCardId: second.id, reason: 'closed by the bank' });

  const shown = [lost, frozen, busy, cancelled, idle, expiring, replacement].map(({ pan, expiry, cvv }) => ({ pan, expiry, cvv }));
  shown.push({ pan: revealed.pan, expiry: revealed.expiry, cvv: revealed.cvv });
  return { router, dataDir, recoveryKey, shown };
}
