import { spawnSync } from 'node:child_process';
import type { Store } from '../src-main/store/store';
import type { Signer } from '../src-main/trust/signer';
import { openReport } from '../src-main/reports/run-report';
import { elapsedMs, round, type Figure } from './support';

// compare.ledger_cli.trial_balance (issue 12): Paydesk's trial balance against `ledger bal` on the
// journal Paydesk exported from the same data, in the same run, as the ratio of ledger's time to
// Paydesk's. Paydesk reads maintained running totals (one pass over the accounts); ledger-cli must
// parse and total every transaction, which is what an independent check costs. Run by
// export-journal-1m.ts on its 1M-transfer folder, so the data is loaded once.

/** Whether `ledger` runs here; when not, Debian's package is installed (as .ci/run does), else null and why. */
export function ensureLedgerCli(): string | null {
  const runs = () => spawnSync('ledger', ['--version'], { encoding: 'utf8' }).status === 0;
  if (runs()) return null;
  const root = process.getuid?.() === 0;
  const [command, ...prefix] = root ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
  if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) return '`ledger` is not installed and apt-get needs root (apt-get install ledger)';
  process.stderr.write('bench: installing Debian\'s ledger with apt-get…\n');
  const apt = (...args: string[]) => spawnSync(command!, [...prefix, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', 'ledger')) return 'apt-get install ledger failed';
  return runs() ? null : '`ledger` still does not run after apt-get install ledger';
}

/** Every row of every section of the trial balance as of now, as an export reads them; in ms. */
export function paydeskTrialBalanceMs(store: Store): number {
  const start = process.hrtime.bigint();
  // The trial balance signs nothing, so no signing key is needed to read it.
  const ctx = { store, params: {}, now: new Date(), viewer: { username: 'admin', role: 'auditor' as const }, signer: null as unknown as Signer };
  let rows = 0;
  store.sqlite
    .transaction(() => {
      for (const section of openReport('trial-balance', ctx).sections) for (const _row of section.rows()) rows += 1;
    })
    .deferred();
  const ms = elapsedMs(start);
  if (rows === 0) throw new Error('paydeskTrialBalanceMs: the trial balance has no rows');
  return ms;
}

function ledgerBalanceMs(journal: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync('ledger', ['-f', journal, 'bal'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const ms = elapsedMs(start);
  if (run.status !== 0) throw new Error(`ledger bal failed: ${run.stderr.trim()}`);
  return ms;
}

/** Emits the ratio, or prints why it was skipped. Paydesk's time is the median of five runs; ledger's one run. */
export function compareWithLedgerCli(store: Store, journal: string, emit: (figure: Figure) => void): void {
  const missing = ensureLedgerCli();
  if (missing) {
    process.stderr.write(`bench: compare.ledger_cli.trial_balance skipped: ${missing}\n`);
    return;
  }
  const paydesk = Array.from({ length: 5 }, () => paydeskTrialBalanceMs(store)).sort((a, b) => a - b)[2]!;
  const ledger = ledgerBalanceMs(journal);
  process.stderr.write(`bench: trial balance: Paydesk ${round(paydesk, 1)} ms (median of 5), ledger bal ${round(ledger, 0)} ms\n`);
  emit({ bench: 'compare.ledger_cli.trial_balance', value: round(ledger / paydesk, 1), unit: 'x', goal: 20, higher: true });
}
