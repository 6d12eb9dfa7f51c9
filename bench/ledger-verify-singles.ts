import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, openStore, type Store } from '../src-main/store/store';
import { postTransfer } from '../src-main/ledger';
import { verifyStore } from '../src-main/registry';
import { elapsedMs, openWallets, round, transferStream, type Bench } from './support';

// ledger.verify.100k_singles (issue 7): the full `verify` the CLI and the router run, over a
// ledger of 100k transfers each posted as its own durable commit by one of ten tellers taking
// turns, as at a busy branch; not through postBulk, so every row is a commit of its own. The
// posting is setup (about a minute at synchronous=FULL) and goes to stderr. Like ledger.1m, the
// store is closed and opened afresh before each timed run, and the best of two counts, so that a
// neighbour's burst of work on a shared machine does not decide the figure. Beside it,
// floor.read.100k: reading every transfer row with a plain SELECT on a fresh open, which is what
// any verify of the journal pays at least.
const TRANSFERS = 100_000;
const ACTORS = 10;
const ROUNDS = 2;

function postSingles(store: Store): void {
  const book = openWallets(store, 1_000);
  const first = new Date('2026-01-01T08:00:00.000Z').getTime();
  transferStream(book, TRANSFERS, 31, 'single').forEach((req, i) => {
    postTransfer(store, { ...req, actor: `teller-${(i % ACTORS) + 1}`, at: new Date(first + i * 1_000) });
  });
}

async function timedOnFreshOpen(dir: string, masterKey: Buffer, work: (store: Store) => void): Promise<number> {
  const store = await openStore(dir, Buffer.from(masterKey));
  try {
    const start = process.hrtime.bigint();
    work(store);
    return elapsedMs(start);
  } finally {
    store.close();
  }
}

function verifyAll(store: Store): void {
  const failed = verifyStore(store).checks.filter((c) => !c.ok);
  if (failed.length > 0) throw new Error(`verify failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`);
}

/** Arrays, not objects, and one row at a time: the cheapest read the driver offers, as the replay in ledger/verify reads. */
function readAllTransfers(store: Store): void {
  let rows = 0;
  for (const _row of store.sqlite.prepare('SELECT * FROM transfers').raw().iterate()) rows += 1;
  if (rows !== TRANSFERS) throw new Error(`expected ${TRANSFERS} transfer rows, read ${rows}`);
}

const bench: Bench = {
  name: 'ledger.verify.100k_singles',
  async run(emit) {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    const masterKey = randomBytes(32);
    try {
      const setupStart = process.hrtime.bigint();
      const store = await createStore(dir, Buffer.from(masterKey));
      try {
        postSingles(store);
      } finally {
        store.close();
      }
      process.stderr.write(`bench: posted ${TRANSFERS} single commits by ${ACTORS} actors in ${round(elapsedMs(setupStart) / 1000)} s\n`);
      let verifyMs = Number.POSITIVE_INFINITY;
      let floorMs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < ROUNDS; i += 1) {
        floorMs = Math.min(floorMs, await timedOnFreshOpen(dir, masterKey, readAllTransfers));
        verifyMs = Math.min(verifyMs, await timedOnFreshOpen(dir, masterKey, verifyAll));
      }
      emit({ bench: 'ledger.verify.100k_singles', value: round(verifyMs, 0), unit: 'ms', goal: 1_000 });
      emit({ bench: 'floor.read.100k', value: round(floorMs, 0), unit: 'ms' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
