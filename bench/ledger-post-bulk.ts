import type { Store } from '../src-main/store/store';
import { postBulk } from '../src-main/ledger';
import { elapsedMs, openWallets, round, transferStream, withSignedInAdmin, withTempStore, type Bench, type Desk } from './support';

// ledger.post.bulk.100k: 100k transfers through postBulk as a bulk job of the admin signed in to
// a set-up folder, with what the app adds: the role from their certificate as the job starts and
// a signed 'job' checkpoint as it ends. Beside it, the floor: the same number of
// rows of the same width inserted raw into a plain table of the same store settings, with the
// same chunked commits. Each side runs twice on a fresh store, alternating, and its best run
// counts, so that a neighbour's burst of work on a shared machine does not decide the ratio.
const TRANSFERS = 100_000;
const CHUNK = 25_000;
const ROUNDS = 2;

function insertFloor(store: Store): number {
  store.sqlite.exec(`CREATE TABLE floor_rows (id INTEGER PRIMARY KEY, idempotency_key TEXT, debit_account_id INTEGER, credit_account_id INTEGER,
    amount INTEGER, currency TEXT, kind TEXT, state TEXT, pending_id INTEGER, reverses_id INTEGER, link_id INTEGER, memo TEXT, actor TEXT,
    cause_ref TEXT, created_at TEXT, expires_at TEXT, prev_hash TEXT, hash TEXT)`);
  const insert = store.sqlite.prepare(`INSERT INTO floor_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const hex = 'f'.repeat(64);
  const at = new Date('2026-01-01T00:00:00.000Z').toISOString();
  const start = process.hrtime.bigint();
  for (let first = 0; first < TRANSFERS; first += CHUNK) {
    store.sqlite.transaction(() => {
      for (let id = first + 1; id <= first + CHUNK; id += 1) {
        insert.run(id, `floor-${id}`, 1 + (id % 1000), 2 + (id % 1000), id, 'CNY', 'payment', 'posted', null, null, null, null, 'bench', null, at, null, hex, hex);
      }
    })();
  }
  return elapsedMs(start);
}

function postThroughEngine(desk: Desk): number {
  const book = openWallets(desk.store, 10_000);
  const reqs = transferStream(book, TRANSFERS, 23, 'bulk', desk.actor);
  const start = process.hrtime.bigint();
  desk.job(new Date(), () => postBulk(desk.store, reqs, { chunkSize: CHUNK }));
  return elapsedMs(start);
}

const bench: Bench = {
  name: 'ledger.post.bulk.100k',
  async run(emit) {
    let floorMs = Number.POSITIVE_INFINITY;
    let engineMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < ROUNDS; i += 1) {
      floorMs = Math.min(floorMs, await withTempStore(insertFloor));
      engineMs = Math.min(engineMs, await withSignedInAdmin(postThroughEngine));
    }
    emit({ bench: 'ledger.post.bulk.100k', value: round(engineMs, 0), unit: 'ms', goal: 1_500 });
    emit({ bench: 'floor.insert.100k', value: round(floorMs, 0), unit: 'ms' });
    emit({ bench: 'ledger.post.bulk.ratio', value: round(engineMs / floorMs, 2), unit: 'x', goal: 3 });
  },
};
export default bench;
