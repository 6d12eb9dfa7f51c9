import type { Router } from '../../src-main/api/router';
import type { ChannelOutput } from '../../src-shared/contract';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, nextKey, signInAs } from './members-fixtures';

// Shared by the payouts-* tests: a folder with an admin and a finance person (maker and checker
// in either order), members to pay, a funded payout account, and files built from rows.

export type PayoutRow = Partial<Record<'reference' | 'member_no' | 'amount' | 'currency' | 'destination' | 'note', string>>;

const COLUMNS = ['reference', 'member_no', 'amount', 'currency', 'destination', 'note'] as const;

/** A CSV (comma, CRLF, quoted where needed) of the columns given, in order. */
export function csvOf(rows: readonly PayoutRow[], columns: readonly string[] = COLUMNS): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [columns.join(','), ...rows.map((row) => columns.map((column) => quote((row as Record<string, string>)[column] ?? '')).join(','))].join('\r\n') + '\r\n';
}

export function base64Of(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64');
}

export async function payoutRouter(): Promise<{ router: Router; dataDir: string; members: ChannelOutput<'members.create'>[] }> {
  const { router, dataDir } = await counterRouter('admin', ['finance']);
  const members = [];
  for (const name of ['李雷', '韩梅梅', 'Ada Lovelace']) members.push(await addMember(router, { name }));
  return { router, dataDir, members };
}

export async function fund(router: Router, amount: number): Promise<void> {
  await ok(router, 'payouts.fund', { amount, idempotencyKey: nextKey() });
}

/** Imports as the signed-in person and submits what the batch pays. */
export async function importAndSubmit(router: Router, csv: string, fileName = 'payouts.csv') {
  const { batch } = await ok(router, 'payouts.import', { fileName, contentBase64: base64Of(csv) });
  if (!batch) throw new Error('importAndSubmit: the file did not import');
  return ok(router, 'payouts.submit', { batchId: batch.id, itemCount: batch.itemCount, total: batch.total });
}

export { signInAs };

/** Everything a refused payout step or report could have touched. */
export function payoutState(router: Router) {
  const { sqlite } = router.state.requireStore();
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    batches: all('SELECT * FROM payout_batches ORDER BY id'),
    items: all('SELECT * FROM payout_items ORDER BY id'),
    approvals: all('SELECT * FROM payout_approvals ORDER BY id'),
    transfers: all('SELECT id, hash FROM transfers ORDER BY id'),
    accounts: all('SELECT * FROM accounts ORDER BY id'),
    jobs: all('SELECT id, state, done FROM jobs ORDER BY id'),
    audit: all('SELECT id, hash FROM audit_log ORDER BY id'),
  };
}
