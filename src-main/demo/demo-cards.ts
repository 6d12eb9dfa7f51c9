import { isAppError } from '../../src-shared/errors';
import { luhnCheckDigit } from '../../src-shared/luhn';
import type { IssuedCard } from '../../src-shared/contract/cards';
import { authorizeCard } from '../cards/authorize';
import { linkBankCard } from '../cards/bank-cards';
import { captureAuthorization, voidAuthorization } from '../cards/capture';
import { changeCardState } from '../cards/card-states';
import { issueCard } from '../cards/issue';
import { createProgram } from '../cards/programs';
import { replaceCard } from '../cards/replace';
import type { MemberRow } from '../members/member-repo';
import type { Store } from '../store/store';
import { pick, type Random } from './sample-people';

// The cards part of the demo, after the counter's days: two programs, a virtual card for about
// one member in eight (most activated, some frozen, cancelled or replaced), a few days of
// authorizations at shops (most captured, some in part, some voided, and the declines a terminal
// sees: a mistyped CVV, a frozen card, a short wallet), and members' own bank cards, two members
// sharing one (the warning the bank cards tab shows). Everything goes through the card services.
// Card numbers and CVVs come from the CSPRNG, as every card's must: they are the one part of the
// demo a seed does not repeat.

const DAY = 86_400_000;
const SHOPS = ['星巴克 国贸店', 'Family Mart', '盒马鲜生', 'City Books', '海底捞 望京店', 'Metro Taxi'];
const BANKS = ['中国工商银行', '招商银行', 'Bank of China', '中国建设银行'];

export interface CardsTally {
  programs: number;
  issued: number;
  active: number;
  frozen: number;
  cancelled: number;
  replaced: number;
  authorizations: number;
  captured: number;
  voided: number;
  declined: number;
  bankCards: number;
}

/** A Luhn-valid bank card number from the seed (UnionPay 62 or Visa 4). */
function bankCardNumber(random: Random): string {
  const body = (random() < 0.7 ? '622202' : '453201') + Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('');
  return body + String(luhnCheckDigit(body));
}

/** Runs one attempt; a decline (an AppError with its code) is counted, anything else is a bug. */
function attempt<T>(tally: CardsTally, run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    tally.declined += 1;
    return null;
  }
}

function wrongCvv(cvv: string): string {
  return String((Number(cvv) + 1) % 1000).padStart(3, '0');
}

/** Three authorizations on each active card from `start`, each captured (in full or part), voided or left held. */
function shopping(store: Store, actor: string, cards: IssuedCard[], random: Random, seed: number, start: number, tally: CardsTally): void {
  cards.forEach((card, index) => {
    for (let n = 0; n < 3; n += 1) {
      const at = new Date(start + (index % 600) * 60_000 + n * 3_600_000);
      const key = `demo-${seed}-card-${card.card.id}-${n}`;
      const cvv = random() < 0.05 ? wrongCvv(card.cvv) : card.cvv;
      const amount = 500 + Math.floor(random() * 30_000);
      tally.authorizations += 1;
      const approved = attempt(tally, () => authorizeCard(store, actor, { pan: card.pan, expiry: card.expiry, cvv, amount, merchant: pick(random, SHOPS), idempotencyKey: key }, at));
      if (!approved) continue;
      const id = approved.authorization.id;
      const fate = random();
      if (fate < 0.7) captureAuthorization(store, actor, { authorizationId: id, idempotencyKey: `${key}-capture` }, new Date(at.getTime() + 3_600_000));
      else if (fate < 0.8) captureAuthorization(store, actor, { authorizationId: id, amount: Math.ceil(amount / 2), idempotencyKey: `${key}-capture` }, new Date(at.getTime() + 3_600_000));
      else if (fate < 0.9) voidAuthorization(store, actor, { authorizationId: id, idempotencyKey: `${key}-void` }, new Date(at.getTime() + 600_000));
      if (fate < 0.8) tally.captured += 1;
      else if (fate < 0.9) tally.voided += 1;
    }
  });
}

/**
 * Issues, moves and uses the demo's cards in the day and a half from `from` (after the counter's
 * days, before the demo's end), in one transaction.
 */
export function writeCardsDemo(store: Store, actor: string, members: readonly MemberRow[], random: Random, seed: number, from: number): CardsTally {
  const tally: CardsTally = { programs: 2, issued: 0, active: 0, frozen: 0, cancelled: 0, replaced: 0, authorizations: 0, captured: 0, voided: 0, declined: 0, bankCards: 0 };
  return store.sqlite.transaction(() => {
    const at = (days: number) => new Date(from + days * DAY);
    const everyday = createProgram(store, actor, { name: 'Paydesk Virtual', bin: '62345600', panLength: 16, currency: 'CNY', validityMonths: 36, mode: 'live', defaultLimits: { day: { amount: 500_000, count: 20 }, month: { amount: 3_000_000, count: null } } }, at(0));
    const trial = createProgram(store, actor, { name: 'Test terminal', bin: '424242', panLength: 16, currency: 'CNY', validityMonths: 12, mode: 'test', defaultLimits: { authorization: { amount: 100_000, count: null } } }, at(0));
    const holders = members.filter((_, index) => index % 8 === 0 && members[index]!.status === 'active');
    const active: IssuedCard[] = [];
    holders.forEach((member, index) => {
      const program = index % 10 === 9 ? trial : everyday;
      const issued = issueCard(store, actor, { memberId: member.id, programId: program.id, idempotencyKey: `demo-${seed}-issue-${member.id}` }, at(0));
      tally.issued += 1;
      if (index % 11 === 10) return; // left inactive: the member has not picked it up yet
      const change = { actor, channel: 'teller' as const, now: at(0.02) };
      changeCardState(store, change, issued.card.id, 'activate');
      if (index % 13 === 12) {
        changeCardState(store, { ...change, now: at(0.05) }, issued.card.id, 'cancel', { reason: 'lost', note: 'Demo: reported at the branch' });
        tally.cancelled += 1;
      } else if (index % 7 === 6) {
        const replacement = replaceCard(store, actor, { cardId: issued.card.id, reason: 'damaged', note: 'Demo: chip cracked', idempotencyKey: `demo-${seed}-replace-${member.id}` }, at(0.05));
        changeCardState(store, { ...change, now: at(0.06) }, replacement.card.id, 'activate');
        tally.replaced += 1;
        tally.issued += 1;
        active.push(replacement);
      } else {
        active.push(issued);
      }
    });
    shopping(store, actor, active, random, seed, at(0.1).getTime(), tally);
    // Frozen after they shopped: their next authorization is declined CARD_NOT_ACTIVE.
    active.filter((_, index) => index % 9 === 4).forEach((card) => {
      changeCardState(store, { actor, channel: 'teller', now: at(1.2) }, card.card.id, 'freeze', { note: 'Demo: member asked to pause the card' });
      tally.frozen += 1;
      tally.authorizations += 1;
      attempt(tally, () => authorizeCard(store, actor, { pan: card.pan, expiry: card.expiry, cvv: card.cvv, amount: 1_000, merchant: pick(random, SHOPS), idempotencyKey: `demo-${seed}-frozen-${card.card.id}` }, at(1.25)));
    });
    tally.active = active.length - tally.frozen;
    linkBankCards(store, actor, members, random, at(0.05), tally);
    return tally;
  }).immediate();
}

/** One member in twenty links a bank card; the first two of them share one number. */
function linkBankCards(store: Store, actor: string, members: readonly MemberRow[], random: Random, at: Date, tally: CardsTally): void {
  const linking = members.filter((member, index) => index % 20 === 3 && member.status !== 'closed');
  const shared = bankCardNumber(random);
  linking.forEach((member, index) => {
    const pan = index < 2 ? shared : bankCardNumber(random);
    const year = 27 + Math.floor(random() * 5);
    linkBankCard(store, actor, { memberId: member.id, pan, holderName: member.name, expiry: `${String(1 + Math.floor(random() * 12)).padStart(2, '0')}/${year}`, bankName: pick(random, BANKS), makeDefault: false }, at);
    tally.bankCards += 1;
  });
}
