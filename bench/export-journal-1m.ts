import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src-main/store/store';
import { exportJournal } from '../src-main/reports/journal-export';
import { compareWithLedgerCli } from './compare-ledger-cli';
import { loadLedger1m } from './ledger-1m';
import { elapsedMs, round, type Bench } from './support';

// export.journal.ledger.1m (issue 12): the 1M-transfer folder of ledger-1m.ts exported as a
// ledger-cli journal through the export job's own function (its read-only snapshot, blocks of
// 10k rows, pauses, backpressure, SHA-256), timed from start to the renamed file. The memory the
// process grows by while it runs is printed too: the export streams, so it must stay flat.
// The same folder and file then serve compare.ledger_cli.trial_balance (compare-ledger-cli.ts).

const bench: Bench = {
  name: 'export.journal.ledger.1m+compare.ledger_cli',
  async run(emit) {
    const dir = mkdtempSync(join(tmpdir(), 'paydesk-bench-'));
    try {
      const loadStart = process.hrtime.bigint();
      const masterKey = await loadLedger1m(dir);
      process.stderr.write(`bench: loaded 1M transfers in ${round(elapsedMs(loadStart) / 1000)} s\n`);
      const store = await openStore(dir, masterKey);
      try {
        const path = join(dir, 'journal.ledger');
        const rssBefore = process.memoryUsage().rss;
        let rssPeak = rssBefore;
        const start = process.hrtime.bigint();
        const cpuBefore = process.cpuUsage();
        const result = await exportJournal(store, {
          format: 'ledger',
          path,
          madeBy: 'admin',
          trustFingerprint: 'bench',
          now: new Date(),
          onProgress: () => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)),
          signal: new AbortController().signal,
        });
        const exportMs = elapsedMs(start);
        const cpu = process.cpuUsage(cpuBefore);
        if (result.rows !== 1_000_000) throw new Error(`the export wrote ${result.rows} transfers, not 1M`);
        // On a shared machine the wall time counts other processes' turns; the CPU time is this export's own.
        process.stderr.write(`bench: journal ${round(result.bytes / 1024 / 1024)} MB, ${round((cpu.user + cpu.system) / 1000, 0)} ms of CPU, memory grew by at most ${round((rssPeak - rssBefore) / 1024 / 1024)} MB while exporting\n`);
        emit({ bench: 'export.journal.ledger.1m', value: round(exportMs, 0), unit: 'ms', goal: 5_000 });
        compareWithLedgerCli(store, path, emit);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
