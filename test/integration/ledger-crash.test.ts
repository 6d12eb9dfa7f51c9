import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, openStore } from '../../src-main/store/store';
import { createAccount, verifyLedger } from '../../src-main/ledger';
import { tempDataDir } from '../support/temp-data';
import { runChildKilledAfterReady } from '../support/child-process';

// A child process posts transfers and acknowledges each one after its call returns; we SIGKILL
// it at random moments, reopen the data and check that verify is clean and that every
// acknowledged transfer is there with the id it was acknowledged with.

const ROUNDS = 20;
// The child is bundled once (esbuild, which tsx already brings) so that each of the twenty
// starts costs a plain `node` start rather than a TypeScript transpile. It lives under
// node_modules so that it resolves the SQLite addon from there.
const CHILD = `node_modules/.cache/paydesk-tests/ledger-crash-child-${process.pid}.cjs`;

beforeAll(async () => {
  await build({ entryPoints: ['test/fixtures/ledger-crash-child.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: CHILD, external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error' });
});
afterAll(() => rmSync(CHILD, { force: true }));

interface Acks {
  transfers: Map<string, number>;
  bulks: { prefix: string; count: number }[];
}

async function runChildAndKill(dataDir: string, masterKey: Buffer, round: number, delayMs: number): Promise<Acks> {
  const run = await runChildKilledAfterReady(CHILD, [dataDir, String(round)], { PAYDESK_TEST_MASTER_KEY: masterKey.toString('hex') }, delayMs);
  if (run.signal !== 'SIGKILL') throw new Error(`child ended without being killed: ${run.stderr}`);
  const acks: Acks = { transfers: new Map(), bulks: [] };
  // A line cut by the kill is not an acknowledgement.
  for (const line of run.stdout.split('\n').slice(0, -1)) {
    const [word, key, value] = line.split(' ');
    if (word === 'ack') acks.transfers.set(key!, Number(value));
    if (word === 'bulk') acks.bulks.push({ prefix: key!, count: Number(value) });
  }
  return acks;
}

describe('a ledger writer killed at random moments', () => {
  it(`loses no acknowledged transfer and stays consistent across ${ROUNDS} SIGKILLs`, async () => {
    const dataDir = tempDataDir();
    const masterKey = randomBytes(32);
    const setup = await createStore(dataDir, masterKey);
    for (const n of [1, 2, 3, 4]) {
      createAccount(setup, { code: `2100-crash-${n}-CNY`, name: `Crash ${n}`, kind: 'liability', currency: 'CNY', ownerType: 'member', ownerId: n, noOverdraft: true });
    }
    setup.close();

    let acknowledged = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      // Kill moments spread over 0–400 ms after the child is ready, a different one each round.
      const acks = await runChildAndKill(dataDir, masterKey, round, (round * 137) % 400);
      const store = await openStore(dataDir, masterKey);
      try {
        const broken = verifyLedger(store).checks.filter((c) => !c.ok);
        expect(broken, `round ${round}`).toEqual([]);
        const byKey = store.sqlite.prepare('SELECT id FROM transfers WHERE idempotency_key = ?').pluck();
        for (const [key, id] of acks.transfers) expect(byKey.get(key), `round ${round}: ${key}`).toBe(id);
        const bulkCount = store.sqlite.prepare(`SELECT count(*) FROM transfers WHERE idempotency_key LIKE ? || '%'`).pluck();
        for (const bulk of acks.bulks) expect(bulkCount.get(bulk.prefix), `round ${round}: ${bulk.prefix}`).toBe(bulk.count);
        acknowledged += acks.transfers.size;
      } finally {
        store.close();
      }
    }
    expect(acknowledged).toBeGreaterThan(ROUNDS);
  }, 300_000);
});
