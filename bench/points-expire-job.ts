import type { Store } from '../src-main/store/store';
import { ensureSystemAccounts, systemAccount } from '../src-main/ledger';
import { chainHash, canonicalTransfer, GENESIS_HASH, transferValues, TRANSFER_COLUMNS } from '../src-main/ledger/journal';
import type { TransferRow } from '../src-main/ledger/rows';
import { walletAccountCode } from '../src-main/members/member-wallets';
import { addMonths } from '../src-main/points/loyalty';
import { lotExpiryTask } from '../src-main/points/expiry';
import { tierReviewTask } from '../src-main/points/tier-review';
import { memberNumberFor } from '../src-shared/member-number';
import { tierFor } from '../src-shared/points/tiers';
import { DEFAULT_LOYALTY_RULES } from '../src-shared/settings/loyalty-settings';
import { pointsMemo } from '../src-shared/system-memo';
import { seededRandom } from '../src-main/demo/sample-people';
import { elapsedMs, round, withTempStore, type Bench } from './support';

// points.expire_job.100k: the due tasks `jobs run` and the app's timer run for points — lot
// expiry, then the tier review — over 100k members holding 1M lots (ten each) with the default
// rules (lots live 12 months, tiers count 12 months). The lots were earned evenly over the year
// and a day before now, and the workstation last ran the job a day ago: the lots of that oldest
// day are due (about 2,700 lots, each member's one expiry transfer), and every member whose
// oldest day leaves the window and with it their tier moves down. The folder is written with
// bulk inserts of what the services would have written (earning transfers on a valid hash chain,
// their lots and first moves, the points accounts and their totals, yesterday's tiers), then the
// two tasks are timed as one job, as a signed-in person runs them.

const MEMBERS = 100_000;
const LOTS_PER_MEMBER = 10;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const LAST_REVIEW = new Date(NOW.getTime() - DAY);
const RULES = DEFAULT_LOYALTY_RULES;
const ACTOR = 'bench';

interface Lot {
  earnedAt: number;
  amount: number;
}

/** Each member's lots, oldest first, earned anywhere in the year and a day before NOW. */
function drawLots(random: () => number): Lot[][] {
  const from = addMonths(NOW, -RULES.expiryMonths!).getTime() - DAY;
  const span = NOW.getTime() - from;
  return Array.from({ length: MEMBERS }, () =>
    Array.from({ length: LOTS_PER_MEMBER }, () => ({ earnedAt: from + Math.floor(random() * span), amount: 10 + Math.floor(random() * 140) })).sort((a, b) => a.earnedAt - b.earnedAt),
  );
}

function insertMembers(store: Store, at: string): void {
  const insert = store.sqlite.prepare(`INSERT INTO members (id, member_number, name, phone, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`);
  for (let id = 1; id <= MEMBERS; id += 1) insert.run(id, memberNumberFor(id), `Member ${id}`, `139${String(id).padStart(8, '0')}`, ACTOR, at, at);
}

/** The points accounts with their totals, the earning transfers on one hash chain, each lot and its first move. */
function insertPoints(store: Store, lotsByMember: Lot[][], opened: string): void {
  const issued = systemAccount(store, 'points_issued', 'PTS').id;
  const account = store.sqlite.prepare(
    `INSERT INTO accounts (code, name, kind, currency, owner_type, owner_id, no_overdraft, credits_posted, created_at) VALUES (?, ?, 'liability', 'PTS', 'member', ?, 1, ?, ?)`,
  );
  const wallet = store.sqlite.prepare(`INSERT INTO member_wallets (member_id, currency, account_id) VALUES (?, 'PTS', ?)`);
  const transfer = store.sqlite.prepare(`INSERT INTO transfers (${TRANSFER_COLUMNS.join(', ')}) VALUES (${TRANSFER_COLUMNS.map(() => '?').join(', ')})`);
  const lot = store.sqlite.prepare(
    `INSERT INTO point_lots (id, member_id, rule, rules_version, amount, remaining, earned_at, spendable_at, expires_at, source) VALUES (?, ?, 'payment', 0, ?, ?, ?, ?, ?, ?)`,
  );
  const move = store.sqlite.prepare('INSERT INTO point_moves (transfer_id, lot_id, points) VALUES (?, ?, ?)');
  let prev = GENESIS_HASH;
  let id = 0;
  let total = 0;
  lotsByMember.forEach((lots, index) => {
    const memberId = index + 1;
    const sum = lots.reduce((s, l) => s + l.amount, 0);
    const accountId = Number(account.run(walletAccountCode(memberNumberFor(memberId), 'PTS'), `Wallet ${memberNumberFor(memberId)} PTS`, memberId, sum, opened).lastInsertRowid);
    wallet.run(memberId, accountId);
    total += sum;
    for (const earned of lots) {
      id += 1;
      const earnedAt = new Date(earned.earnedAt).toISOString();
      const expires = addMonths(new Date(earned.earnedAt), RULES.expiryMonths!).toISOString();
      const source = `R${id}`;
      const row: TransferRow = {
        id, idempotency_key: `points:earn:${source}`, debit_account_id: issued, credit_account_id: accountId, amount: earned.amount, currency: 'PTS',
        kind: 'points_earn', state: 'posted', pending_id: null, reverses_id: null, link_id: null,
        memo: pointsMemo({ move: 'earn', rule: 'payment', detail: source, spendable: null, expires }), actor: ACTOR, cause_ref: null,
        created_at: earnedAt, expires_at: null, prev_hash: prev, hash: '',
      };
      row.hash = chainHash(prev, canonicalTransfer(row));
      prev = row.hash;
      transfer.run(...transferValues(row));
      lot.run(id, memberId, earned.amount, earned.amount, earnedAt, earnedAt, expires, source);
      move.run(id, id, earned.amount);
    }
  });
  store.sqlite.prepare('UPDATE accounts SET debits_posted = ? WHERE id = ?').run(total, issued);
}

/** Each member's tier as the review a month ago left it (none for the first tier). */
function insertTiers(store: Store, lotsByMember: Lot[][]): void {
  const insert = store.sqlite.prepare('INSERT INTO member_tiers (member_id, tier, floor, since) VALUES (?, ?, NULL, ?)');
  const windowFrom = addMonths(LAST_REVIEW, -RULES.tierWindowMonths).getTime();
  const since = LAST_REVIEW.toISOString();
  lotsByMember.forEach((lots, index) => {
    const qualifying = lots.filter((l) => l.earnedAt > windowFrom && l.earnedAt <= LAST_REVIEW.getTime()).reduce((s, l) => s + l.amount, 0);
    const tier = tierFor(RULES, qualifying, null).id;
    if (tier !== RULES.tiers[0]!.id) insert.run(index + 1, tier, since);
  });
}

function setUp(store: Store): void {
  const opened = addMonths(NOW, -14);
  const lotsByMember = drawLots(seededRandom(42));
  store.sqlite.transaction(() => {
    ensureSystemAccounts(store, 'PTS', opened);
    insertMembers(store, opened.toISOString());
    insertPoints(store, lotsByMember, opened.toISOString());
    insertTiers(store, lotsByMember);
  }).immediate();
}

const bench: Bench = {
  name: 'points.expire_job.100k',
  run: (emit) =>
    withTempStore((store) => {
      const setUpStart = process.hrtime.bigint();
      setUp(store);
      process.stderr.write(`bench: ${MEMBERS} members, ${MEMBERS * LOTS_PER_MEMBER} lots written in ${round(elapsedMs(setUpStart) / 1000, 1)} s\n`);
      // The setup's one big transaction sits in the WAL: copy it into the database first, as the
      // app's automatic checkpoints would have, so the job's commit does not pay for it.
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const start = process.hrtime.bigint();
      const expired = lotExpiryTask.run(store, ACTOR, NOW);
      const reviewed = tierReviewTask.run(store, ACTOR, NOW);
      const ms = elapsedMs(start);
      process.stderr.write(`bench: expired ${JSON.stringify(expired)}, reviewed ${JSON.stringify(reviewed)}\n`);
      emit({ bench: 'points.expire_job.100k', value: round(ms, 0), unit: 'ms', goal: 3_000 });
    }),
};
export default bench;
