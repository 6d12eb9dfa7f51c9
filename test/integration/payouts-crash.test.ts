import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { EXECUTE_CHUNK } from '../../src-main/payouts/execute';
import { verifyStore } from '../../src-main/registry';
import { openEncryptedDatabase } from '../../src-main/store/open-database';
import { openStore } from '../../src-main/store/store';
import { luhnCheckDigit } from '../../src-shared/luhn';
import { ok } from '../support/temp-data';
import { addMember } from './members-fixtures';
import { base64Of, csvOf, fund, payoutRouter, signInAs, type PayoutRow } from './payouts-fixtures';

// Issue 11, "crash test": an approved batch of 20,000 items (to members' wallets and bank cards)
// is executed by a child process that is SIGKILLed at random moments, again and again; each
// time execute is run again in a new child and resumes from the last committed step, until one
// run sees the batch completed. Then every payable item was paid exactly once, the hold was
// posted once and what was not paid went back once, 2400 holds nothing for the batch, and
// verify is clean. One member is frozen after the approval, so their items FAIL and are released.

const ITEMS = 20_000;
const MEMBERS = 300;
/** Members [0, BANK_CARD_MEMBERS) have a linked bank card, and every other item of theirs goes there. */
const BANK_CARD_MEMBERS = 100;
const MIN_KILLS = 22;
const CHILD = `node_modules/.cache/paydesk-tests/payouts-execute-child-${process.pid}.mjs`;

beforeAll(async () => {
  // ESM, as the router's modules find their files through import.meta.url; `require` for the native module.
  await build({
    entryPoints: ['test/fixtures/payouts-execute-child.ts'], bundle: true, platform: 'node', format: 'esm', outfile: CHILD, external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error',
    banner: { js: `import { createRequire as createRequireOfChild } from 'node:module'; const require = createRequireOfChild(import.meta.url);` },
  });
});
afterAll(() => rmSync(CHILD, { force: true }));

/** A card number of 16 digits for member `n`: distinct, and Luhn-valid. */
function bankCardNumber(n: number): string {
  const body = `622202${String(n).padStart(9, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** The amount of item `i` in fen: spread, so few rows repeat a member and an amount. */
function amountOf(i: number): number {
  return 100 + ((i * 7_919) % 50_000);
}

/** A folder holding an approved batch of ITEMS items; answers its key, the batch and the frozen member's number. */
async function approvedBatch(): Promise<{ router: Router; dataDir: string; batchId: number; frozen: string }> {
  const { router, dataDir } = await payoutRouter();
  const members: { id: number; memberNumber: string }[] = [];
  for (let n = 0; n < MEMBERS; n += 1) {
    const member = await addMember(router, { name: `会员 ${n}` });
    if (n < BANK_CARD_MEMBERS) await ok(router, 'bankCards.link', { memberId: member.id, pan: bankCardNumber(n), holderName: `MEMBER ${n}`, expiry: '12/39' });
    members.push(member);
  }
  const rows: PayoutRow[] = Array.from({ length: ITEMS }, (_, i) => {
    const n = i % MEMBERS;
    const amount = amountOf(i);
    return { reference: `P-${i}`, member_no: members[n]!.memberNumber, amount: `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`, destination: n < BANK_CARD_MEMBERS && i % 2 === 0 ? 'bank_card' : 'wallet' };
  });
  const total = rows.reduce((sum, _row, i) => sum + amountOf(i), 0);
  await fund(router, total + 1_000_000);
  const { batch } = await ok(router, 'payouts.import', { fileName: 'crash.csv', contentBase64: base64Of(csvOf(rows)) });
  expect(batch).toMatchObject({ itemCount: ITEMS, total });
  await ok(router, 'payouts.submit', { batchId: batch!.id, itemCount: ITEMS, total });
  await signInAs(router, 'finance');
  await ok(router, 'payouts.approve', { batchId: batch!.id, contentHash: batch!.contentHash });
  await signInAs(router, 'admin');
  const frozen = members[MEMBERS - 1]!;
  await ok(router, 'members.freeze', { id: frozen.id, reason: 'frozen between approval and execution' });
  return { router, dataDir, batchId: batch!.id, frozen: frozen.memberNumber };
}

interface Run {
  finished: boolean;
  /** Each step the child ran (killed before or after its commit): items done after it, ms after ready. */
  progress: { done: number; ms: number }[];
}

/**
 * Runs the child and SIGKILLs it `delayMs` after ready (`level` null) or after the step that
 * brings the job to `level` items, unless it finishes first; no kill: let it run.
 */
function runChild(dataDir: string, masterKey: Buffer, batchId: number, kill: { level: number | null; delayMs: number } | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, String(batchId)], { env: { ...process.env, PAYDESK_TEST_MASTER_KEY: masterKey.toString('hex') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ready = false;
    let armed = false;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        ready ||= line === 'ready';
        const step = Number(/^step (\d+) /.exec(line)?.[1] ?? -1);
        if (kill && ready && !armed && (kill.level === null || step >= kill.level)) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed: ${stderr}`));
      if (/ended (failed|cancelled)/.test(stdout)) return reject(new Error(`the job did not end done: ${stdout}`));
      const progress = [...stdout.matchAll(/^step (\d+) (\d+)$/gm)].map((match) => ({ done: Number(match[1]), ms: Number(match[2]) }));
      resolve({ finished: stdout.includes('finished\n'), progress });
    });
  });
}

/** How far the batch's job committed, read from the folder between runs. */
function committedDone(dataDir: string, masterKey: Buffer, batchId: number): number {
  const db = openEncryptedDatabase(join(dataDir, 'paydesk.db'), masterKey);
  try {
    return (db.prepare('SELECT coalesce((SELECT done FROM jobs WHERE id = b.job_id), 0) FROM payout_batches b WHERE b.id = ?').pluck().get(batchId) as number) ?? 0;
  } finally {
    db.close();
  }
}

describe('payout execution killed at random moments', () => {
  it('resumes after every kill and pays every payable item exactly once, resolving the hold once', async () => {
    const { router, dataDir, batchId, frozen } = await approvedBatch();
    const masterKey = Buffer.from(router.state.requireStore().masterKey);
    // The admin stays signed in here while the children execute in their name, as the CLI runs
    // beside the app: their journal rows lie in this signed session (trust.sessions).

    // MIN_KILLS kill moments spread over the execution's length: the k-th comes at a random moment
    // within the step after the one that brings the job k/MIN_KILLS of the way (within the run's
    // first step, when its checkpoint is already past that), never in the last two steps, and the
    // lengths of steps are learnt from the children's. Then one run is let finish.
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let firstMs = 300;
    let stepMs = 300;
    const killedAt: number[] = [];
    for (let k = 0, done = 0; ; k += 1) {
      expect(k, 'the batch completes within 200 runs').toBeLessThan(200);
      const level = Math.floor((k * (ITEMS - 2 * EXECUTE_CHUNK)) / MIN_KILLS / EXECUTE_CHUNK) * EXECUTE_CHUNK;
      const kill = level <= done ? { level: null, delayMs: random() * 0.9 * firstMs } : { level, delayMs: random() * 0.9 * stepMs };
      const run = await runChild(dataDir, masterKey, batchId, k < MIN_KILLS ? kill : null);
      const [first, ...rest] = run.progress;
      if (first) firstMs = Math.min(firstMs, first.ms);
      stepMs = Math.min(stepMs, ...rest.map((point, i) => point.ms - run.progress[i]!.ms).filter((ms) => ms > 0));
      if (run.finished) break;
      done = committedDone(dataDir, masterKey, batchId);
      killedAt.push(done);
    }
    const store = await openStore(dataDir, masterKey);
    try {
      const one = <T>(sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as T;
      const batch = store.sqlite.prepare('SELECT * FROM payout_batches WHERE id = ?').get(batchId) as { status: string; hold_id: number; total: number; job_id: string };
      expect(batch.status).toBe('completed');
      // Every item: paid once under its key, as its destination says, or FAILED for the frozen member.
      const items = store.sqlite.prepare(`
        SELECT i.member_no, i.destination, i.status, i.amount, t.amount AS paid, t.idempotency_key AS key, 'payout:' || i.batch_id || ':item:' || i.id AS expected_key
        FROM payout_items i LEFT JOIN transfers t ON t.id = i.transfer_id WHERE i.batch_id = ?`).all(batchId) as { member_no: string; destination: string; status: string; amount: number; paid: number | null; key: string | null; expected_key: string }[];
      const outcome = (item: (typeof items)[number]) => {
        if (item.member_no === frozen) return item.status === 'FAILED' && item.key === null;
        return item.status === (item.destination === 'wallet' ? 'PAID' : 'SENT') && item.key === item.expected_key && item.paid === item.amount;
      };
      expect(items.filter((item) => !outcome(item))).toEqual([]);
      expect(items).toHaveLength(ITEMS);
      const paidTransfers = one<number>(`SELECT count(*) FROM transfers WHERE idempotency_key LIKE ? AND kind = 'payout'`, `payout:${batchId}:item:%`);
      const failed = items.filter((item) => item.status === 'FAILED');
      expect(paidTransfers).toBe(ITEMS - failed.length);
      expect(failed.length).toBe(Math.floor(ITEMS / MEMBERS));

      // The hold posted once, in full; what the frozen member was not paid went back once.
      expect(store.sqlite.prepare(`SELECT state, amount FROM transfers WHERE pending_id = ?`).all(batch.hold_id)).toEqual([{ state: 'post_pending', amount: batch.total }]);
      const released = failed.reduce((sum, item) => sum + item.amount, 0);
      expect(store.sqlite.prepare(`SELECT amount FROM transfers WHERE idempotency_key = ?`).all(`payout:${batchId}:release`)).toEqual([{ amount: released }]);
      expect(one<number>(`SELECT credits_posted - debits_posted FROM accounts WHERE system_role = 'payouts_in_execution' AND currency = 'CNY'`)).toBe(0);
      expect(one<number>(`SELECT count(*) FROM audit_log WHERE action = 'payout.executeEnd' AND entity_id = ?`, String(batchId))).toBe(1);
      expect(store.sqlite.prepare('SELECT state, done, total FROM jobs WHERE id = ?').get(batch.job_id)).toEqual({ state: 'done', done: ITEMS, total: ITEMS });

      const report = verifyStore(store);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    } finally {
      store.close();
      router.close();
    }
    // The kills must have landed mid-execution, at several places, or this test proves nothing.
    const midway = killedAt.filter((done) => done > 0 && done < ITEMS);
    expect(killedAt.length).toBeGreaterThanOrEqual(MIN_KILLS);
    expect({ midway: midway.length, places: new Set(midway).size }, `kills after ${killedAt.join(', ')} items`).toEqual({ midway: expect.toSatisfy((n: number) => n >= 5), places: expect.toSatisfy((n: number) => n >= 3) });
  }, 300_000);
});
