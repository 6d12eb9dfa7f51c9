import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runDurableJob, recordDurableJob } from '../src-main/jobs/durable-jobs';
import { approveBatch } from '../src-main/payouts/approve';
import { submitBatch } from '../src-main/payouts/batch-steps';
import { executePayoutsJob, executeStepSize, type ExecuteResult } from '../src-main/payouts/execute';
import { fundPayouts } from '../src-main/payouts/funding';
import { importPayoutFile } from '../src-main/payouts/import-batch';
import { unlockWithPassphrase } from '../src-main/staff/unlock';
import type { Store } from '../src-main/store/store';
import { payoutCsv, registerPayees } from './payouts-validate-100k';
import { Desk, elapsedMs, FOUNDER, round, setUpFolder, withTempStore, type Bench } from './support';

// payouts.execute.100k: an approved batch of 100,000 items executed by its durable job
// (executePayoutsJob, what payouts.execute starts), timed from the call that records the job
// (its first transaction posts the funding hold and checks the content hash) to the job's signed
// checkpoint as it ends: 100,000 transfers, to members' wallets (four fifths) or to bank payouts
// clearing, each item's status and transfer written, in steps (executeStepSize) committed with
// their checkpoint, on the store's defaults (SQLCipher, WAL, synchronous=FULL). The batch is
// made once through the services (100,000 members, 10,000 bank cards, import by a maker,
// submit, funding, approval by the signed-in admin) and each round executes a fresh copy of that
// folder, unlocked as the app does. Beside it, the floor: the same number of transfer-width rows
// inserted raw and as many item rows updated raw, in the same chunks and commits, on a store of
// the same settings. Rounds alternate and the best of each side counts (as ledger-post-bulk.ts).
const ITEMS = 100_000;
const ROUNDS = 2;
const MAKER = 'bench-maker';

interface PreparedBatch {
  dataDir: string;
  batchId: number;
}

async function prepareApprovedBatch(dataDir: string): Promise<PreparedBatch> {
  const now = new Date();
  const start = process.hrtime.bigint();
  const { desk } = await setUpFolder(dataDir, now);
  try {
    const { store } = desk;
    const payees = registerPayees(store, desk.actor, now, false);
    const bytes = Buffer.from(payoutCsv(payees, ITEMS, 29, false));
    const { batch } = importPayoutFile(store, MAKER, { fileName: 'december.csv', bytes, currency: 'CNY' }, now);
    if (!batch || batch.itemCount !== ITEMS) throw new Error(`payouts.execute: the bench file should pay ${ITEMS} items`);
    submitBatch(store, MAKER, { batchId: batch.id, itemCount: batch.itemCount, total: batch.total }, now);
    fundPayouts(store, desk.actor, { amount: batch.total, idempotencyKey: 'bench-funding' }, now);
    desk.call(now, () => approveBatch(store, desk.signer, { batchId: batch.id, contentHash: batch.contentHash }, now));
    process.stderr.write(`bench: an approved batch of ${ITEMS} items for ${payees.numbers.length} members in ${round(elapsedMs(start) / 1000, 1)} s\n`);
    return { dataDir, batchId: batch.id };
  } finally {
    desk.signOut(now);
  }
}

async function executeCopy(prepared: PreparedBatch): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
  try {
    // The copy leaves out the folder's record of who has it open.
    cpSync(prepared.dataDir, dataDir, { recursive: true, filter: (source) => basename(source) !== 'open' });
    const now = new Date();
    const { store, signer } = await unlockWithPassphrase(dataDir, FOUNDER.username, FOUNDER.passphrase, {}, now);
    const desk = new Desk(store, signer, now);
    try {
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const params = { batchId: prepared.batchId, actor: desk.actor };
      const control = { report: () => undefined, signal: new AbortController().signal };
      const start = process.hrtime.bigint();
      const jobId = desk.call(now, () => recordDurableJob(store, executePayoutsJob, params, desk.actor, now));
      const result = (await runDurableJob(store, executePayoutsJob, jobId, control, () => now)) as ExecuteResult;
      desk.job(now, () => result);
      const ms = elapsedMs(start);
      if (result.paid + result.sent !== ITEMS) throw new Error(`payouts.execute: ${result.paid + result.sent} of ${ITEMS} items paid`);
      return ms;
    } finally {
      desk.signOut(new Date());
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same rows written raw: a transfer-width insert and an item update per item, as many per commit as a step pays. */
function insertFloor(store: Store): number {
  store.sqlite.exec(`CREATE TABLE floor_transfers (id INTEGER PRIMARY KEY, idempotency_key TEXT, debit_account_id INTEGER, credit_account_id INTEGER,
    amount INTEGER, currency TEXT, kind TEXT, state TEXT, pending_id INTEGER, reverses_id INTEGER, link_id INTEGER, memo TEXT, actor TEXT,
    cause_ref TEXT, created_at TEXT, expires_at TEXT, prev_hash TEXT, hash TEXT)`);
  store.sqlite.exec(`CREATE TABLE floor_items (id INTEGER PRIMARY KEY, batch_id INTEGER, line INTEGER, reference TEXT, member_no TEXT, member_id INTEGER,
    amount_text TEXT, amount INTEGER, currency TEXT, destination TEXT, bank_card_id INTEGER, note TEXT, problems TEXT, payable INTEGER, status TEXT,
    code TEXT, transfer_id INTEGER, resolution_transfer_id INTEGER, paid_at TEXT)`);
  const item = store.sqlite.prepare(`INSERT INTO floor_items VALUES (?, 1, ?, ?, '100000017', ?, '1,234.50', 123450, 'CNY', 'wallet', NULL, '十二月佣金', '[]', 1, 'PENDING', NULL, NULL, NULL, NULL)`);
  store.sqlite.transaction(() => {
    for (let id = 1; id <= ITEMS; id += 1) item.run(id, id + 1, `PO-2612-${id}`, id);
  })();
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const insert = store.sqlite.prepare(`INSERT INTO floor_transfers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const paid = store.sqlite.prepare(`UPDATE floor_items SET status = 'PAID', transfer_id = ?, paid_at = ? WHERE id = ?`);
  const hex = 'f'.repeat(64);
  const at = new Date('2026-12-01T00:00:00.000Z').toISOString();
  const step = executeStepSize(ITEMS);
  const start = process.hrtime.bigint();
  for (let first = 1; first <= ITEMS; first += step) {
    store.sqlite.transaction(() => {
      for (let id = first; id < first + step && id <= ITEMS; id += 1) {
        insert.run(id, `payout:1:item:${id}`, 1, 2 + id, 123450, 'CNY', 'payout', 'posted', null, null, null, `PO-2612-${id}`, 'bench', `payout-item:${id}`, at, null, hex, hex);
        paid.run(id, at, id);
      }
    })();
  }
  return elapsedMs(start);
}

const bench: Bench = {
  name: 'payouts.execute.100k',
  async run(emit) {
    const preparedDir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    try {
      const prepared = await prepareApprovedBatch(preparedDir);
      let floorMs = Number.POSITIVE_INFINITY;
      let engineMs = Number.POSITIVE_INFINITY;
      for (let i = 0; i < ROUNDS; i += 1) {
        floorMs = Math.min(floorMs, await withTempStore(insertFloor));
        const ms = await executeCopy(prepared);
        process.stderr.write(`bench: payouts.execute.100k round ${i + 1}: ${round(ms, 0)} ms\n`);
        engineMs = Math.min(engineMs, ms);
      }
      emit({ bench: 'payouts.execute.100k', value: round(engineMs, 0), unit: 'ms', goal: 1_500 });
      emit({ bench: 'floor.payouts.execute.100k', value: round(floorMs, 0), unit: 'ms' });
      emit({ bench: 'payouts.execute.ratio', value: round(engineMs / floorMs, 2), unit: 'x', goal: 3 });
    } finally {
      rmSync(preparedDir, { recursive: true, force: true });
    }
  },
};
export default bench;
