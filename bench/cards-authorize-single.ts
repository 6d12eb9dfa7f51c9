import { authorizeCard } from '../src-main/cards/authorize';
import { captureAuthorization } from '../src-main/cards/capture';
import { changeCardState } from '../src-main/cards/card-states';
import { issueCard } from '../src-main/cards/issue';
import { setMemberLimits } from '../src-main/cards/member-limits';
import { createProgram } from '../src-main/cards/programs';
import { createMembers } from '../src-main/members/member-service';
import { samplePeople, seededRandom } from '../src-main/demo/sample-people';
import { DEMO_HISTORY } from '../src-main/wallets/counter-limits';
import { deposit } from '../src-main/wallets/teller-operations';
import type { SpendingLimits } from '../src-shared/cards/limits';
import { elapsedMs, rawCommitsPerSecond, round, withSignedInAdmin, type Bench, type Desk } from './support';

// cards.authorize.single: authorizations per second with durable commits, one authorizeCard call
// per transaction as a card terminal makes them, on a card with a year of history: ten captured
// authorizations a day for 365 days. Each one finds the card by fingerprint, checks state, expiry
// and CVV, sums the card's and the member's spending in every interval (day, week, month, year,
// lifetime) against their limits, and holds the amount on the wallet.

const HISTORY_DAYS = 365;
const PER_DAY = 10;
const AUTHORIZATIONS = 2_000;
const DAY = 86_400_000;

/** Limits high enough that the run is never declined, on every interval, so every sum is made. */
const LIMITS: SpendingLimits = {
  authorization: { amount: 1_000_000, count: null },
  day: { amount: 100_000_000, count: 100_000 },
  week: { amount: 500_000_000, count: 500_000 },
  month: { amount: 1_000_000_000, count: 1_000_000 },
  year: { amount: 5_000_000_000, count: 1_000_000 },
  lifetime: { amount: 50_000_000_000, count: 1_000_000 },
};

function setUpCard(desk: Desk, now: Date) {
  const start = new Date(now.getTime() - (HISTORY_DAYS + 1) * DAY);
  const [member] = createMembers(desk.store, desk.actor, samplePeople(seededRandom(9), 1).map((person) => ({ member: person, at: start })), 1);
  const teller = { username: desk.actor, displayName: 'Bench admin' };
  deposit(desk.store, teller, { memberId: member!.id, amount: 9_000_000_000, currency: 'CNY', idempotencyKey: 'bench-funds' }, start, DEMO_HISTORY);
  const program = createProgram(desk.store, desk.actor, { name: 'Bench virtual', bin: '42424200', panLength: 16, currency: 'CNY', validityMonths: 60, mode: 'test', defaultLimits: LIMITS }, start);
  setMemberLimits(desk.store, desk.actor, { memberId: member!.id, currency: 'CNY', limits: LIMITS }, start);
  const issued = issueCard(desk.store, desk.actor, { memberId: member!.id, programId: program.id, idempotencyKey: 'bench-card' }, start);
  changeCardState(desk.store, { actor: desk.actor, channel: 'teller', now: start }, issued.card.id, 'activate');
  return { pan: issued.pan, expiry: issued.expiry, cvv: issued.cvv, start };
}

/** A year of captured authorizations on the card, committed together. */
function writeHistory(desk: Desk, card: ReturnType<typeof setUpCard>): void {
  const random = seededRandom(11);
  desk.store.sqlite.transaction(() => {
    for (let day = 0; day < HISTORY_DAYS; day += 1) {
      for (let n = 0; n < PER_DAY; n += 1) {
        const at = new Date(card.start.getTime() + DAY + day * DAY + n * 3_600_000);
        const key = `bench-history-${day}-${n}`;
        const { authorization } = authorizeCard(desk.store, desk.actor, { pan: card.pan, expiry: card.expiry, cvv: card.cvv, amount: 100 + Math.floor(random() * 50_000), merchant: 'Bench shop', idempotencyKey: key }, at);
        captureAuthorization(desk.store, desk.actor, { authorizationId: authorization.id, idempotencyKey: `${key}-capture` }, at);
      }
    }
  }).immediate();
}

function authorizationsPerSecond(desk: Desk): number {
  const now = new Date();
  const card = setUpCard(desk, now);
  writeHistory(desk, card);
  desk.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const random = seededRandom(13);
  const timed = process.hrtime.bigint();
  for (let index = 0; index < AUTHORIZATIONS; index += 1) {
    const at = new Date();
    desk.call(at, () =>
      authorizeCard(desk.store, desk.actor, { pan: card.pan, expiry: card.expiry, cvv: card.cvv, amount: 100 + Math.floor(random() * 5_000), merchant: 'Bench shop', idempotencyKey: `bench-auth-${index}` }, at),
    );
  }
  return AUTHORIZATIONS / (elapsedMs(timed) / 1000);
}

const bench: Bench = {
  name: 'cards.authorize.single',
  async run(emit) {
    const { rate, floor } = await withSignedInAdmin((desk) => ({ rate: authorizationsPerSecond(desk), floor: rawCommitsPerSecond(desk.store, AUTHORIZATIONS) }));
    process.stderr.write(`bench: raw one-row commits in the same store ${round(floor, 0)}/s; authorizations reach ${round((100 * rate) / floor, 0)}% of it\n`);
    emit({ bench: 'cards.authorize.single', value: round(rate, 0), unit: 'authorizations/s', goal: 1_000, higher: true });
  },
};
export default bench;
