import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, openStore } from '../src-main/store/store';
import { postBulk, trialBalance, verifyLedger } from '../src-main/ledger';
import { elapsedMs, openWallets, round, transferStream, type Bench } from './support';

// report.trial_balance.1m and ledger.verify.1m: a ledger of 1M transfers over 10k wallets is
// loaded through the engine's bulk API and closed; then, as an auditor would, it is opened
// afresh and its trial balance and a full verify (journal replay + hash chain) are timed.
const TRANSFERS = 1_000_000;
const LOAD_BATCH = 100_000;

async function load(dir: string, masterKey: Buffer): Promise<void> {
  const store = await createStore(dir, masterKey);
  try {
    const book = openWallets(store, 10_000);
    for (let loaded = 0; loaded < TRANSFERS; loaded += LOAD_BATCH) {
      postBulk(store, transferStream(book, LOAD_BATCH, 1000 + loaded, `load${loaded}`), { chunkSize: 25_000 });
    }
  } finally {
    store.close();
  }
}

const bench: Bench = {
  name: 'ledger.1m',
  async run(emit) {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    const masterKey = randomBytes(32);
    try {
      const loadStart = process.hrtime.bigint();
      await load(dir, masterKey);
      process.stderr.write(`bench: loaded ${TRANSFERS} transfers through postBulk in ${round(elapsedMs(loadStart) / 1000)} s\n`);
      const store = await openStore(dir, Buffer.from(masterKey));
      try {
        let start = process.hrtime.bigint();
        const report = trialBalance(store);
        const trialMs = elapsedMs(start);
        if (!report.currencies.every((c) => c.balanced)) throw new Error('the trial balance does not balance');
        start = process.hrtime.bigint();
        const failed = verifyLedger(store).checks.filter((c) => !c.ok);
        const verifyMs = elapsedMs(start);
        if (failed.length > 0) throw new Error(`verify failed: ${failed.map((c) => c.name).join(', ')}`);
        emit({ bench: 'report.trial_balance.1m', value: round(trialMs, 1), unit: 'ms', goal: 300 });
        emit({ bench: 'ledger.verify.1m', value: round(verifyMs, 0), unit: 'ms', goal: 5_000 });
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
