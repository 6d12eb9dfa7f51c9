import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { folderBytes } from '../support/files';
import { databaseKeyHex } from '../support/database-key';
import { ADMIN, TELLER, ok, setUpRouter, testRouter } from '../support/temp-data';

describe('first-run setup', () => {
  it('creates an encrypted database that a standard SQLCipher tool opens with the key the recovery key unwraps', async () => {
    const { dataDir, recoveryKey } = await setUpRouter();
    const header = readFileSync(join(dataDir, 'paydesk.db')).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    const raw = new Database(join(dataDir, 'paydesk.db'), { readonly: true });
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${databaseKeyHex(dataDir, recoveryKey)}'"`);
    expect(raw.prepare('SELECT username, role FROM staff').all()).toEqual([{ username: 'admin', role: 'admin' }]);
    raw.close();
  });

  it('refuses a second setup with ALREADY_INITIALIZED and keeps the first admin', async () => {
    const { router } = await setUpRouter();
    const again = await router.invoke('setup.init', { ...ADMIN, username: 'mallory' });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
    expect((await ok(router, 'staff.list', {})).map((s) => s.username)).toEqual(['admin']);
  });

  it('refuses a weak passphrase with WEAK_PASSPHRASE and creates nothing', async () => {
    const router = testRouter();
    const answer = await router.invoke('setup.init', { ...ADMIN, passphrase: 'password1234' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', details: { field: 'passphrase' } } });
    expect(await ok(router, 'app.status', {})).toMatchObject({ initialized: false, unlocked: false });
  });
});

describe('unlocking', () => {
  it('unlocks a teller who sees no staff management', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await ok(router, 'session.lock', {});
    const session = await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(session).toMatchObject({ username: 'tina', role: 'teller', recovery: false });
    const forbidden = await router.invoke('staff.add', { ...TELLER, username: 'eve' });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers AUTH_FAILED for a wrong passphrase and locks the account at the fifth failure', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'session.lock', {});
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await router.invoke('session.unlock', { username: 'admin', passphrase: 'not the passphrase 1' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { attemptsLeft: 5 - attempt } } });
    }
    const fifth = await router.invoke('session.unlock', { username: 'admin', passphrase: 'not the passphrase 1' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    const evenRight = await router.invoke('session.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(evenRight).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: false });
  });

  it('keeps the lockout across a restart', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'session.lock', {});
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await router.invoke('session.unlock', { username: 'admin', passphrase: 'not the passphrase 1' });
    }
    const restarted = testRouter(dataDir);
    const answer = await restarted.invoke('session.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it('records failed unlocks in the audit log at the next successful unlock', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'session.lock', {});
    await router.invoke('session.unlock', { username: 'admin', passphrase: 'not the passphrase 1' });
    await ok(router, 'session.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    const { rows } = await ok(router, 'audit.list', { action: 'session.unlockFailed' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'admin', entityId: 'admin' });
  });

  it('does not unlock disabled staff', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await ok(router, 'staff.disable', { username: TELLER.username });
    await ok(router, 'session.lock', {});
    const answer = await router.invoke('session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: false });
  });

  it('unlocks with the recovery key in any case and spacing, and refuses a wrong one', async () => {
    const { router, recoveryKey } = await setUpRouter();
    await ok(router, 'session.lock', {});
    const wrong = await router.invoke('session.unlockWithRecoveryKey', { recoveryKey: 'ab'.repeat(32) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    const session = await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    expect(session).toMatchObject({ username: 'recovery', role: 'admin', recovery: true });
  });

  it('tells a recovery key of the wrong form (too short, not hex) from a wrong key, and writes nothing', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    await ok(router, 'session.lock', {});
    const before = folderBytes(dataDir);
    expect(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey: recoveryKey.slice(0, -5) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'recoveryKey', reason: 'recovery_key_length', count: 60 } },
    });
    expect(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey: `${recoveryKey.slice(0, -1)}G` })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'recoveryKey', reason: 'recovery_key_not_hex' } },
    });
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it('refuses a new passphrase that is the current one with INVALID_INPUT on `next`, and keeps the slot', async () => {
    const { router, dataDir } = await setUpRouter();
    const slots = readFileSync(join(dataDir, 'keyslots.json'), 'utf8');
    expect(await router.invoke('session.changePassphrase', { current: ADMIN.passphrase, next: ADMIN.passphrase })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'next', reason: 'same_as_current' } },
    });
    expect(readFileSync(join(dataDir, 'keyslots.json'), 'utf8')).toBe(slots);
  });

  it('answers DATA_DAMAGED for a tampered keyslots.json and leaves it as it was', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'session.lock', {});
    const path = join(dataDir, 'keyslots.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.mac = file.mac.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const tampered = JSON.stringify(file);
    writeFileSync(path, tampered);
    const answer = await router.invoke('session.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED' } });
    expect(readFileSync(path, 'utf8')).toBe(tampered);
  });
});

describe('the router', () => {
  it('refuses a staff change by an auditor with FORBIDDEN and writes nothing', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', { ...TELLER, username: 'audrey', role: 'auditor' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: 'audrey', passphrase: TELLER.passphrase });
    const auditBefore = await ok(router, 'audit.list', {});
    const answer = await router.invoke('staff.add', { ...TELLER, username: 'eve' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(router, 'staff.list', {})).map((s) => s.username)).toEqual(['admin', 'audrey']);
    expect((await ok(router, 'audit.list', {})).total).toBe(auditBefore.total);
  });

  it('names the field of invalid input', async () => {
    const { router } = await setUpRouter();
    const answer = await router.call('staff.add', { username: 'Bad Name!', displayName: 'x', role: 'teller', passphrase: TELLER.passphrase });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'username' } } });
    const role = await router.call('staff.add', { ...TELLER, role: 'root' });
    expect(role).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'role' } } });
    expect((await ok(router, 'staff.list', {})).map((s) => s.username)).toEqual(['admin']);
  });

  it('answers LOCKED to a signed-out caller', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'session.lock', {});
    expect(await router.invoke('staff.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
