import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src-main/audit/record-audit';
import { readRetiredKeys } from '../../src-main/store/retired-keys';
import { ADMIN, ok, setUpRouter, testRouter } from '../support/temp-data';
import { REPO_ROOT } from '../support/cli';
import { rawOpen } from '../support/files';

// DESIGN.md §9 crash test: a child process rekeys the data folder in a loop and is killed with
// SIGKILL at a different moment each run. Afterwards the data must open with the key it had
// before the interrupted rekey or with that rekey's new key, never neither, and verify clean.

const RUNS = 10;
const FILLER_ROWS = 4_000;

interface KilledRun {
  lines: string[];
  /** What the kill left behind, before the next unlock cleaned it up. */
  left: 'nothing' | 'staging' | 'committed staging';
}

/** When the delay starts: at sign-in (anywhere in the loop), or when a rekey has begun staging. */
type KillClock = 'from unlock' | 'from staging';

interface Child {
  /** Resolves once the kill has happened, with everything the child wrote. */
  run(clock: KillClock, delayMs: number): Promise<KilledRun>;
}

/** Calls `then` as soon as `path` exists, polling every millisecond. */
function whenExists(path: string, then: () => void): void {
  const poll = setInterval(() => {
    if (!existsSync(path)) return;
    clearInterval(poll);
    then();
  }, 1);
}

/** Starts a child that loads and then waits, so loading overlaps the checks of the previous run. */
function startChild(dataDir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/rekey-child.ts', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, PAYDESK_PASSPHRASE: ADMIN.passphrase },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  let armKill: () => void = () => undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    const unlockedNow = !output.includes('unlocked\n') && (output + chunk.toString()).includes('unlocked\n');
    output += chunk.toString();
    if (unlockedNow) armKill();
  });
  const exited = new Promise<KilledRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended on its own: ${output}`));
      const staging = join(dataDir, 'staging');
      const left = !existsSync(staging) ? 'nothing' : existsSync(join(staging, 'COMMITTED')) ? 'committed staging' : 'staging';
      resolve({ lines: output.trim().split('\n').filter((line) => line !== 'ready'), left });
    });
  });
  return {
    run(clock, delayMs) {
      const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
      armKill = clock === 'from unlock' ? kill : () => whenExists(join(dataDir, 'staging'), kill);
      child.stdin.write('go\n');
      return exited;
    },
  };
}

/** Fills the audit log so that one rekey takes long enough for kills to land inside it. */
async function seededDataFolder() {
  const { router, dataDir, recoveryKey } = await setUpRouter();
  const store = router.state.requireStore();
  store.sqlite.transaction(() => {
    for (let n = 0; n < FILLER_ROWS; n += 1) {
      recordAudit(store, { actor: 'admin', action: 'test.filler', entityType: 'filler', entityId: n, after: { note: 'x'.repeat(200) } });
    }
  })();
  router.close();
  return { dataDir, recoveryKey };
}

describe('a rekey killed with SIGKILL', () => {
  it(`leaves data that opens with the old key or the new one, never neither, over ${RUNS} kills at different moments`, async () => {
    const { dataDir, recoveryKey } = await seededDataFolder();
    let knownKey: string | null = null;
    const left: KilledRun['left'][] = [];
    let next = startChild(dataDir);
    for (let run = 0; run < RUNS; run += 1) {
      // Even runs: anywhere in the loop of rekeys; odd runs: inside a rekey's staging.
      const clock: KillClock = run % 2 === 0 ? 'from unlock' : 'from staging';
      const delayMs = clock === 'from unlock' ? 20 + run * 80 + Math.floor(Math.random() * 50) : Math.floor(Math.random() * 150);
      const killed = await next.run(clock, delayMs);
      if (run + 1 < RUNS) next = startChild(dataDir);
      left.push(killed.left);
      expect(killed.lines[0]).toBe('unlocked');
      expect(killed.lines.filter((line) => !/^(unlocked|rekeyed [0-9a-f]{64})$/.test(line))).toEqual([]);
      const printed = killed.lines.filter((line) => line.startsWith('rekeyed ')).map((line) => line.slice(8));
      const lastCommitted: string | null = printed.at(-1) ?? knownKey;

      const router = testRouter(dataDir);
      await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const key = Buffer.from(router.state.requireStore().masterKey).toString('hex');
      expect((await ok(router, 'system.verify', {})).ok).toBe(true);
      router.close();
      expect(existsSync(join(dataDir, 'staging'))).toBe(false);

      if (lastCommitted !== null && key !== lastCommitted) {
        // Not the old key: then it is the interrupted rekey's new key, whose predecessor it retired.
        expect(readRetiredKeys(dataDir, Buffer.from(key, 'hex')).at(-1)?.key).toBe(lastCommitted);
      }
      const raw = rawOpen(join(dataDir, 'paydesk.db'), key, { readonly: true });
      expect(raw.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get('test.filler')).toBe(FILLER_ROWS);
      raw.close();
      const recovery = testRouter(dataDir);
      // The recovery key on paper opens whichever key the data is under.
      await ok(recovery, 'session.unlockWithRecoveryKey', { recoveryKey });
      recovery.close();
      knownKey = key;
    }
    // The kills did land inside rekeys, not only between them.
    expect(left).toContain('staging');
  }, 180_000);
});
