import { printFigure, type Bench } from './support';

// `npm run bench`: one JSON line per figure on stdout (DESIGN.md §9), progress on stderr.
// Filter with `npm run bench -- ledger.post` (substring of a bench name).

/** Every benchmark; a module default-exports one (a module with more names the others). Add one line to add a bench. */
const BENCH_MODULES: (() => Promise<{ default: Bench } | Bench>)[] = [
  () => import('./ledger-post-single'),
  () => import('./ledger-post-bulk'),
  () => import('./ledger-1m'),
  () => import('./ledger-verify-singles'),
  () => import('./members-search'),
  () => import('./members-search').then((module) => module.membersSearch1m),
  () => import('./scrypt-guesses'),
  () => import('./ui-screens'),
  () => import('./ui-dashboard'),
  () => import('./points-expire-job'),
  () => import('./points-redeem-single'),
  () => import('./cards-issue-10k'),
  () => import('./cards-authorize-single'),
  () => import('./payouts-validate-100k'),
  () => import('./payouts-execute-100k'),
  () => import('./export-journal-1m'),
];

async function main(): Promise<void> {
  const filter = process.argv[2];
  const started = Date.now();
  for (const load of BENCH_MODULES) {
    const loaded = await load();
    const bench = 'default' in loaded ? loaded.default : loaded;
    if (filter && !bench.name.includes(filter)) continue;
    process.stderr.write(`bench: ${bench.name}…\n`);
    const benchStart = Date.now();
    await bench.run(printFigure);
    process.stderr.write(`bench: ${bench.name} took ${((Date.now() - benchStart) / 1000).toFixed(1)} s\n`);
  }
  process.stderr.write(`bench: all done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
