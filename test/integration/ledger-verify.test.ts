import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { databaseKeyHex } from '../support/database-key';
import type { TransferState } from '../../src-shared/contract/ledger';
import type { Store } from '../../src-main/store/store';
import { placeHold, postHold, postTransfer, reverseTransfer, systemAccount, verifyLedger, voidHold } from '../../src-main/ledger';
import { applyMove } from '../../src-main/ledger/effects';
import { canonicalTransfer, chainHash } from '../../src-main/ledger/journal';
import { toAccount, type AccountRow, type TransferRow } from '../../src-main/ledger/rows';
import { ADMIN, ok, setUpRouter } from '../support/temp-data';
import { book, expectRefused, openWallet, req } from './ledger-fixtures';

function failed(store: Store) {
  return verifyLedger(store).checks.filter((c) => !c.ok).map((c) => [c.name, c.firstViolation]);
}

/**
 * Appends a row the engine would refuse, as someone holding the key could: triggers and unique
 * indexes dropped, the hash chain extended correctly and (unless told not to) the account totals
 * moved to match, so only the replay's own invariants can catch it.
 */
function forge(store: Store, fields: { debit: number; credit: number; amount: number; state: TransferState; pendingId?: number; moveTotals?: boolean }): number {
  store.sqlite.exec('DROP TRIGGER IF EXISTS transfers_no_update; DROP INDEX IF EXISTS transfers_resolves_once; DROP INDEX IF EXISTS transfers_reverses_once');
  const tail = store.sqlite.prepare('SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
  const row: Omit<TransferRow, 'prev_hash' | 'hash'> = {
    id: tail.id + 1, idempotency_key: `forged-${tail.id + 1}`, debit_account_id: fields.debit, credit_account_id: fields.credit,
    amount: fields.amount, currency: 'CNY', kind: 'forged', state: fields.state, pending_id: fields.pendingId ?? null, reverses_id: null, link_id: null,
    memo: null, actor: 'mallory', cause_ref: null, created_at: new Date().toISOString(), expires_at: null,
  };
  const hash = chainHash(tail.hash, canonicalTransfer(row));
  store.sqlite.prepare(`INSERT INTO transfers VALUES (${Array(18).fill('?').join(', ')})`).run(...Object.values(row), tail.hash, hash);
  if (fields.moveTotals === false) return row.id;
  for (const [side, id] of [['debit', fields.debit], ['credit', fields.credit]] as const) {
    const account = toAccount(store.sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow);
    applyMove(account, side, fields.state, fields.amount, 0);
    store.sqlite.prepare('UPDATE accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, credits_pending = ? WHERE id = ?')
      .run(account.debitsPosted, account.creditsPosted, account.debitsPending, account.creditsPending, id);
  }
  return row.id;
}

describe('verifyLedger', () => {
  it('finds a busy ledger clean and reports its chain head', async () => {
    const { store, cash, alice, bob, merchant } = await book();
    postTransfer(store, req(cash, alice, 10_000));
    const hold = placeHold(store, req(alice, merchant, 3_000, { kind: 'card_auth' }));
    postHold(store, { holdId: hold.id, amount: 2_000, idempotencyKey: 'cap', actor: 'tina' });
    const other = placeHold(store, req(alice, merchant, 1_000, { kind: 'card_auth' }));
    voidHold(store, { holdId: other.id, idempotencyKey: 'void', actor: 'tina' });
    const gift = postTransfer(store, req(alice, bob, 500, { kind: 'member_transfer' }));
    const last = reverseTransfer(store, { transferId: gift.id, reason: 'wrong member', idempotencyKey: 'rev', actor: 'fiona' });
    const { checks, head } = verifyLedger(store);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(head).toBe(last.hash);
  });

  it('hashes any storable text the same way when it posts and when it verifies', async () => {
    const { store, cash, alice } = await book();
    for (const memo of ['quote " and backslash \\', 'line\nbreak\ttab', '张三的存款 😀', '\u2028\u0001\u007f']) {
      postTransfer(store, req(cash, alice, 100, { memo, causeRef: `${memo}/ref` }));
    }
    expect(failed(store)).toEqual([]);
  });

  it('refuses text with a broken character with INVALID_INPUT, since SQLite could not store it as it was chained', async () => {
    const { store, cash, alice } = await book();
    expectRefused(store, 'INVALID_INPUT', () => postTransfer(store, req(cash, alice, 100, { memo: 'half an emoji \uD83D' })), { field: 'memo' });
  });

  it('names the first transfer that took a no-overdraft wallet below zero', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 100));
    const forged = forge(store, { debit: alice.id, credit: merchant.id, amount: 500, state: 'posted' });
    forge(store, { debit: alice.id, credit: merchant.id, amount: 500, state: 'posted' });
    expect(failed(store)).toEqual([['ledger.no_overdraft', `transfers#${forged}`]]);
  });

  it('names the first transfer that resolved a hold a second time', async () => {
    const { store, cash, alice, merchant } = await book();
    postTransfer(store, req(cash, alice, 1_000));
    const hold = placeHold(store, req(alice, merchant, 400, { kind: 'card_auth' }));
    voidHold(store, { holdId: hold.id, idempotencyKey: 'void', actor: 'tina' });
    // The schema's CHECK (pending totals never below zero) refuses to move the totals a second time.
    const second = forge(store, { debit: alice.id, credit: merchant.id, amount: 400, state: 'post_pending', pendingId: hold.id, moveTotals: false });
    expect(failed(store)).toContainEqual(['ledger.holds', `transfers#${second}`]);
  });

  it('names the account whose running totals differ from the journal, and the unbalanced currency', async () => {
    const { store, cash, alice } = await book();
    postTransfer(store, req(cash, alice, 100));
    store.sqlite.prepare('UPDATE accounts SET credits_posted = credits_posted + 1 WHERE id = ?').run(alice.id);
    expect(failed(store)).toEqual([['ledger.balanced', 'currency CNY'], ['ledger.totals', `accounts#${alice.id}`]]);
  });

  it('names a removed row by the first transfer whose link no longer matches', async () => {
    const { store, cash, alice } = await book();
    for (let i = 0; i < 4; i += 1) postTransfer(store, req(cash, alice, 100));
    store.sqlite.exec('DROP TRIGGER transfers_no_delete');
    store.sqlite.prepare('DELETE FROM transfers WHERE id = 2').run();
    expect(failed(store)).toContainEqual(['ledger.chain', 'transfers#3']);
  });
});

describe('the CLI verify after tampering', () => {
  it('exits 1 naming the transfer in which one byte was changed', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    const store = router.state.requireStore();
    const cash = systemAccount(store, 'branch_cash', 'CNY');
    const alice = openWallet(store, 'alice');
    for (let i = 1; i <= 3; i += 1) postTransfer(store, { idempotencyKey: `dep-${i}`, debitAccountId: cash.id, creditAccountId: alice.id, amount: 1_000 * i, kind: 'deposit', actor: ADMIN.username });
    expect((await ok(router, 'system.verify', {})).ok).toBe(true);
    router.close();

    const raw = new Database(join(dataDir, 'paydesk.db'));
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${databaseKeyHex(dataDir, recoveryKey)}'"`);
    raw.exec('DROP TRIGGER transfers_no_update');
    raw.prepare(`UPDATE transfers SET actor = 'tima' WHERE id = 2`).run();
    raw.close();

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'verify', '--data', dataDir, '--json'], { encoding: 'utf8', env: { ...process.env, PAYDESK_RECOVERY_KEY: recoveryKey } });
    expect(cli.status).toBe(1);
    const report = JSON.parse(cli.stdout) as { ok: boolean; checks: { name: string; ok: boolean; firstViolation: string | null }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'ledger.chain')).toMatchObject({ ok: false, firstViolation: 'transfers#2' });
    // The new name is also nobody's who was signed in.
    expect(report.checks.filter((c) => !c.ok).map((c) => [c.name, c.firstViolation])).toEqual([['ledger.chain', 'transfers#2'], ['trust.sessions', 'transfers#2']]);
  });
});
