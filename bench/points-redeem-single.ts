import { createMembers } from '../src-main/members/member-service';
import { adjustPoints } from '../src-main/points/records';
import { redeemPoints } from '../src-main/points/redeem';
import { samplePeople, seededRandom } from '../src-main/demo/sample-people';
import { elapsedMs, rawCommitsPerSecond, round, withSignedInAdmin, type Bench, type Desk } from './support';

// points.redeem.single: redemptions per second with durable commits (synchronous=FULL), one
// redeemPoints call per transaction, as a person signed in to a set-up folder makes them at the
// counter (the Desk adds what the router adds to every call). 1,000 members each hold twelve
// lots of 100 points; each member in turn redeems 100 to 300 points (drawn at random), soonest
// expiry first, and posts its two linked transfers, lineage and redeemed credit.

const MEMBERS = 1_000;
const LOTS_EACH = 12;
const REDEMPTIONS = 2_000;

function fillPoints(desk: Desk, start: Date): number[] {
  const people = samplePeople(seededRandom(5), MEMBERS);
  const members = createMembers(desk.store, desk.actor, people.map((member) => ({ member, at: start })), 1_000);
  desk.store.sqlite.transaction(() => {
    for (let lot = 0; lot < LOTS_EACH; lot += 1) {
      const at = new Date(start.getTime() + lot * 86_400_000);
      for (const member of members) adjustPoints(desk.store, desk.actor, { memberId: member.id, points: 100, reason: 'bench opening balance', idempotencyKey: `lot-${lot}-${member.id}` }, at);
    }
  }).immediate();
  return members.map((member) => member.id);
}

function redemptionsPerSecond(desk: Desk): number {
  const start = new Date(Date.now() - 30 * 86_400_000);
  const memberIds = fillPoints(desk, start);
  const random = seededRandom(17);
  const requests = Array.from({ length: REDEMPTIONS }, (_, index) => ({
    memberId: memberIds[index % memberIds.length]!,
    points: 100 * (1 + Math.floor(random() * 3)),
    currency: 'CNY',
    idempotencyKey: `redeem-${index}`,
  }));
  // The setup's one big transaction sits in the WAL: copy it into the database now, as the app's
  // automatic checkpoints would have long before, so the timed commits do not pay for it.
  desk.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const timed = process.hrtime.bigint();
  for (const req of requests) {
    const now = new Date();
    desk.call(now, () => redeemPoints(desk.store, { username: desk.actor }, req, now));
  }
  return REDEMPTIONS / (elapsedMs(timed) / 1000);
}

const bench: Bench = {
  name: 'points.redeem.single',
  async run(emit) {
    const { rate, floor } = await withSignedInAdmin((desk) => ({ rate: redemptionsPerSecond(desk), floor: rawCommitsPerSecond(desk.store, REDEMPTIONS) }));
    process.stderr.write(`bench: raw one-row commits in the same store ${round(floor, 0)}/s; redemptions reach ${round((100 * rate) / floor, 0)}% of it\n`);
    emit({ bench: 'points.redeem.single', value: round(rate, 0), unit: 'redemptions/s', goal: 1_000, higher: true });
  },
};
export default bench;
