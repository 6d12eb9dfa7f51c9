import { postBulk, trialBalance, verifyLedger } from '../src-main/ledger';
import { elapsedMs, openWallets, round, transferStream, withTempStore, type Bench } from './support';

// report.trial_balance.1m and ledger.verify.1m: one ledger of 1M transfers, loaded through the
// engine's bulk API, then the trial balance and a full verify (replay + hash chain) over it.
const TRANSFERS = 1_000_000;
const LOAD_BATCH = 100_000;

const bench: Bench = {
  name: 'ledger.1m',
  run: (emit) =>
    withTempStore((store) => {
      const book = openWallets(store, 10_000);
      for (let loaded = 0; loaded < TRANSFERS; loaded += LOAD_BATCH) {
        postBulk(store, transferStream(book, LOAD_BATCH, 1000 + loaded, `load${loaded}`), { chunkSize: 10_000 });
      }
      let start = process.hrtime.bigint();
      const report = trialBalance(store);
      const trialMs = elapsedMs(start);
      if (!report.currencies.every((c) => c.balanced)) throw new Error('trial balance does not balance');
      start = process.hrtime.bigint();
      const verdict = verifyLedger(store);
      const verifyMs = elapsedMs(start);
      const failed = verdict.checks.find((c) => !c.ok);
      if (failed) throw new Error(`verify failed: ${failed.name} ${failed.detail}`);
      emit({ bench: 'report.trial_balance.1m', value: round(trialMs, 1), unit: 'ms', goal: 300 });
      emit({ bench: 'ledger.verify.1m', value: round(verifyMs, 0), unit: 'ms', goal: 5_000 });
    }),
};
export default bench;
