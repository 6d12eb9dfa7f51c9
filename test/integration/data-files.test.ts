import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, TELLER, ok, setUpRouter, tempDataDir, testRouter } from '../support/temp-data';
import { jsonOf, runCli } from '../support/cli';

// Issue 7, item 1: nothing is ever silently created over or instead of data. paydesk.db and
// keyslots.json come as a pair: one missing, empty, cut short or from another folder is
// DATA_DAMAGED (CLI exit 4) naming the file, and every file keeps its bytes. A recovery key is
// proven against the data before anything is written.

type FileState = 'ok' | 'missing' | 'empty' | 'truncated' | 'foreign';
const STATES: FileState[] = ['ok', 'missing', 'empty', 'truncated', 'foreign'];
const FILES = ['paydesk.db', 'keyslots.json'] as const;

/** sha256 of every file in the folder (the lock folder aside), to prove a refusal wrote nothing. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.name === 'open') continue;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex');
    }
  };
  walk('');
  return out;
}

/** Three closed folders: the one to damage, and two others (same admin, same passphrase) to take foreign files from. */
let pristine: string;
let foreignDb: string;
let foreignKeyslots: string;
let pristineRecoveryKey: string;

const kept = mkdtempSync(join(tmpdir(), 'paydesk-data-files-'));
afterAll(() => rmSync(kept, { recursive: true, force: true }));

/** A set-up folder with a teller, closed, copied where the per-test cleanup does not remove it. */
async function closedFolder(name: string): Promise<{ dataDir: string; recoveryKey: string }> {
  const { router, dataDir, recoveryKey } = await setUpRouter();
  await ok(router, 'staff.add', TELLER);
  router.close();
  cpSync(dataDir, join(kept, name), { recursive: true });
  return { dataDir: join(kept, name), recoveryKey };
}

beforeAll(async () => {
  const made = await Promise.all([closedFolder('pristine'), closedFolder('foreign-db'), closedFolder('foreign-keyslots')]);
  [pristine, foreignDb, foreignKeyslots] = made.map((folder) => folder.dataDir) as [string, string, string];
  pristineRecoveryKey = made[0]!.recoveryKey;
}, 60_000);

function damagedCopy(db: FileState, keyslots: FileState): string {
  const dataDir = tempDataDir();
  cpSync(pristine, dataDir, { recursive: true });
  const states = { 'paydesk.db': db, 'keyslots.json': keyslots };
  for (const name of FILES) {
    const path = join(dataDir, name);
    const state = states[name];
    if (state === 'missing') rmSync(path);
    if (state === 'empty') writeFileSync(path, '');
    if (state === 'truncated') truncateSync(path, Math.floor(readFileSync(path).length / 2) + 100);
    if (state === 'foreign') cpSync(join(name === 'paydesk.db' ? foreignDb : foreignKeyslots, name), path);
  }
  return dataDir;
}

const COMBINATIONS = STATES.flatMap((db) => STATES.map((keyslots) => [db, keyslots] as const))
  .filter(([db, keyslots]) => !(db === 'ok' && keyslots === 'ok') && !(db === 'missing' && keyslots === 'missing'));

describe('paydesk.db and keyslots.json, one of them missing, empty, cut short or foreign', () => {
  it.each(COMBINATIONS)('paydesk.db %s, keyslots.json %s: DATA_DAMAGED naming the file (CLI exit 4), no setup over it, every sha256 unchanged', async (db, keyslots) => {
    const dataDir = damagedCopy(db, keyslots);
    const before = hashes(dataDir);
    const router = testRouter(dataDir);

    const unlock = await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(unlock).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED' } });
    const named = !unlock.ok && unlock.error.details?.file;
    expect(FILES).toContain(named);
    expect(!unlock.ok && unlock.error.message).toContain(named);
    if (db === 'ok' && keyslots === 'foreign') expect(!unlock.ok && unlock.error.message).toMatch(/do not belong together/);
    const setup = await router.invoke('setup.init', ADMIN);
    expect(!setup.ok && setup.error.code).toMatch(/^(DATA_DAMAGED|ALREADY_INITIALIZED)$/);
    router.close();

    const cli = await runCli(['verify', '--data', dataDir, '--user', 'admin', '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(cli.code).toBe(4);
    expect(jsonOf(cli)).toMatchObject({ error: { code: 'DATA_DAMAGED' } });
    expect(hashes(dataDir)).toEqual(before);
  }, 30_000);

  it('answers an empty paydesk.db with DATA_DAMAGED instead of making a new, empty ledger in it', async () => {
    const dataDir = damagedCopy('empty', 'ok');
    const answer = await testRouter(dataDir).invoke('session.unlockWithRecoveryKey', { recoveryKey: pristineRecoveryKey });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED', message: 'paydesk.db is empty (0 bytes).', details: { file: 'paydesk.db' } } });
    expect(readFileSync(join(dataDir, 'paydesk.db')).length).toBe(0);
  });

  it.each([['ok', 'missing'], ['missing', 'ok'], ['empty', 'ok']] as const)('paydesk.db %s, keyslots.json %s: `paydesk init` exits 4 and writes nothing', async (db, keyslots) => {
    const dataDir = damagedCopy(db, keyslots);
    const before = hashes(dataDir);
    const run = await runCli(['init', '--data', dataDir, '--admin', 'mallory', '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(run.code).toBe(4);
    expect(jsonOf(run)).toMatchObject({ error: { code: 'DATA_DAMAGED' } });
    expect(hashes(dataDir)).toEqual(before);
  });

  it('sets up only a folder that has neither file', async () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'notes.txt'), 'not ours');
    await ok(testRouter(dataDir), 'setup.init', ADMIN);
    expect(existsSync(join(dataDir, 'keyslots.json'))).toBe(true);
  });
});

describe('a random recovery key', () => {
  const random = () => randomBytes(32).toString('hex');

  it.each([['with', 'ok'], ['without', 'missing']] as const)('%s keyslots.json never signs in (exit 3) and writes nothing', async (_with, keyslots) => {
    const dataDir = damagedCopy('ok', keyslots);
    const before = hashes(dataDir);
    const answer = await testRouter(dataDir).invoke('session.unlockWithRecoveryKey', { recoveryKey: random() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const cli = await runCli(['verify', '--data', dataDir, '--json'], { PAYDESK_RECOVERY_KEY: random() });
    expect(cli.code).toBe(3);
    expect(hashes(dataDir)).toEqual(before);
  });

  it('without keyslots.json and without the copy of the recovery slot never signs in either', async () => {
    const dataDir = damagedCopy('ok', 'missing');
    rmSync(join(dataDir, 'recovery-slot.json'));
    const before = hashes(dataDir);
    const cli = await runCli(['verify', '--data', dataDir], { PAYDESK_RECOVERY_KEY: random() });
    expect(cli.code).toBe(3);
    expect(hashes(dataDir)).toEqual(before);
  });
});

describe('a lost keyslots.json', () => {
  it('is rebuilt by the recovery key the same way in the CLI as in the app: only the recovery slot, then passphrases are set again', async () => {
    const [app, cli] = [damagedCopy('ok', 'missing'), damagedCopy('ok', 'missing')];
    const router = testRouter(app);
    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey: pristineRecoveryKey });
    router.close();
    const run = await runCli(['staff', 'list', '--data', cli, '--json'], { PAYDESK_RECOVERY_KEY: pristineRecoveryKey });
    expect(run.code).toBe(0);

    for (const dataDir of [app, cli]) {
      const rebuilt = JSON.parse(readFileSync(join(dataDir, 'keyslots.json'), 'utf8')) as { version: number; slots: { kind: string }[] };
      expect(rebuilt).toMatchObject({ version: 2, slots: [{ kind: 'recovery' }] });
      expect(rebuilt.slots).toHaveLength(1);
    }
    const again = testRouter(cli);
    expect(await again.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await ok(again, 'session.unlockWithRecoveryKey', { recoveryKey: pristineRecoveryKey });
    await ok(again, 'staff.resetPassphrase', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(again, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  });

  it('with a passphrase in the CLI is DATA_DAMAGED naming keyslots.json (exit 4), not NOT_INITIALIZED', async () => {
    const dataDir = damagedCopy('ok', 'missing');
    const run = await runCli(['verify', '--data', dataDir, '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect(run.code).toBe(4);
    expect(jsonOf(run)).toMatchObject({ error: { code: 'DATA_DAMAGED', details: { file: 'keyslots.json' } } });
  });
});
