import { createProgram } from '../src-main/cards/programs';
import { issueCard } from '../src-main/cards/issue';
import { createMembers } from '../src-main/members/member-service';
import { samplePeople, seededRandom } from '../src-main/demo/sample-people';
import { elapsedMs, round, withSignedInAdmin, type Bench, type Desk } from './support';

// cards.issue.10k: issuing 10,000 virtual cards to 1,000 members as one bulk job (a program's
// first issue run), through issueCard: for each card a number from the CSPRNG checked unique by
// its keyed fingerprint, the number sealed with AES-256-GCM, the CVV derived by HMAC, the card's
// first event and its hash-chained audit row. A thousand cards commit together, as postBulk's
// chunks do; no scrypt is involved.

const MEMBERS = 1_000;
const CARDS = 10_000;
const CHUNK = 1_000;

function issueAll(desk: Desk): number {
  const now = new Date();
  const people = samplePeople(seededRandom(7), MEMBERS);
  const members = createMembers(desk.store, desk.actor, people.map((member) => ({ member, at: now })), 1_000);
  const program = createProgram(desk.store, desk.actor, { name: 'Bench virtual', bin: '42424200', panLength: 16, currency: 'CNY', validityMonths: 36, mode: 'test', defaultLimits: {} }, now);
  desk.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const timed = process.hrtime.bigint();
  desk.job(now, () => {
    for (let first = 0; first < CARDS; first += CHUNK) {
      desk.store.sqlite.transaction(() => {
        for (let index = first; index < first + CHUNK; index += 1) {
          issueCard(desk.store, desk.actor, { memberId: members[index % MEMBERS]!.id, programId: program.id, idempotencyKey: `bench-issue-${index}` }, now);
        }
      }).immediate();
    }
  });
  return elapsedMs(timed) / 1000;
}

const bench: Bench = {
  name: 'cards.issue.10k',
  async run(emit) {
    const seconds = await withSignedInAdmin((desk) => issueAll(desk));
    process.stderr.write(`bench: ${CARDS} cards in ${round(seconds, 2)} s (${round(CARDS / seconds, 0)} cards/s)\n`);
    emit({ bench: 'cards.issue.10k', value: round(seconds, 2), unit: 's', goal: 5, higher: false });
  },
};
export default bench;
