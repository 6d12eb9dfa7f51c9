import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths } from '../../src-main/store/paths';
import { ADMIN, TELLER, ok, setUpRouter, tempDataDir, testRouter } from '../support/temp-data';

const WRONG = 'not the passphrase 1';

describe('a folder whose keyslots.json is lost', () => {
  it('is not set up again over its database, and the recovery key writes a new keyslots.json', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    await ok(router, 'session.lock', {});
    const paths = dataPaths(dataDir);
    rmSync(paths.keyslots);
    const database = readFileSync(paths.database);

    expect(await ok(router, 'app.status', {})).toMatchObject({ initialized: true, unlocked: false });
    const setup = await router.invoke('setup.init', { username: 'mallory', displayName: 'Mallory', passphrase: ADMIN.passphrase });
    expect(setup).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED', details: { file: 'keyslots.json' } } });
    const unlock = await router.invoke('session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(unlock).toMatchObject({ ok: false, error: { code: 'DATA_DAMAGED', details: { file: 'keyslots.json' } } });
    expect(readFileSync(paths.database).equals(database)).toBe(true);
    expect(existsSync(paths.keyslots)).toBe(false);

    const wrongKey = await router.invoke('session.unlockWithRecoveryKey', { recoveryKey: 'ab'.repeat(32) });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(existsSync(paths.keyslots)).toBe(false);

    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey });
    expect((await ok(router, 'staff.list', {})).map((s) => s.username)).toEqual(['admin', 'tina']);
    await ok(router, 'staff.resetPassphrase', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(router, 'session.lock', {});
    expect(await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })).toMatchObject({ role: 'admin' });
  });

  it('discards the half-made database of an interrupted first setup', async () => {
    const dataDir = tempDataDir();
    const paths = dataPaths(dataDir);
    writeFileSync(paths.setupMarker, 'interrupted');
    writeFileSync(paths.database, 'half-made');
    const router = testRouter(dataDir);
    expect(await ok(router, 'app.status', {})).toMatchObject({ initialized: false });
    await ok(router, 'setup.init', ADMIN);
    expect(existsSync(paths.setupMarker)).toBe(false);
    expect(await ok(router, 'app.status', {})).toMatchObject({ initialized: true, unlocked: true });
  });
});

describe('the unlock count', () => {
  it('counts guesses sent in parallel before checking them, so at most five are tried', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'session.lock', {});
    const guesses = [...Array.from({ length: 12 }, () => WRONG), ADMIN.passphrase];
    const answers = await Promise.all(guesses.map((passphrase) => router.invoke('session.unlock', { username: ADMIN.username, passphrase })));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'AUTH_FAILED').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'LOCKED_OUT').length).toBeGreaterThanOrEqual(8);
    expect(codes.at(-1)).toBe('LOCKED_OUT');
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: false });
  });

  it('answers an unknown name exactly as a known one, up to the lockout', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'session.lock', {});
    for (const username of [ADMIN.username, 'nobody']) {
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const answer = await router.invoke('session.unlock', { username, passphrase: WRONG });
        expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { attemptsLeft: 5 - attempt } } });
      }
      expect(await router.invoke('session.unlock', { username, passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    }
  });

  it('counts wrong current passphrases when changing one, and the fifth ends the session', async () => {
    const { router, dataDir } = await setUpRouter();
    const keyslots = readFileSync(join(dataDir, 'keyslots.json'), 'utf8');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await router.invoke('session.changePassphrase', { current: WRONG, next: 'a brand new passphrase 9' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { field: 'current', attemptsLeft: 5 - attempt } } });
    }
    const fifth = await router.invoke('session.changePassphrase', { current: WRONG, next: 'a brand new passphrase 9' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    expect(await ok(router, 'app.status', {})).toMatchObject({ unlocked: false });
    expect(readFileSync(join(dataDir, 'keyslots.json'), 'utf8')).toBe(keyslots);
  });
});

describe('jobs', () => {
  it('shows a rekey job, and its result, only to the session that started it', async () => {
    const { router } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    const { jobId } = await ok(router, 'keys.rekey', {});
    const done = await router.state.jobs.wait(jobId);
    expect(done).toMatchObject({ state: 'done', result: { recoveryKey: null } });
    expect(await ok(router, 'jobs.get', { id: jobId })).toMatchObject({ state: 'done' });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    expect(await router.invoke('jobs.get', { id: jobId })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    await ok(router, 'session.lock', {});
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await router.invoke('jobs.get', { id: jobId })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });
});

describe('reserved names', () => {
  it.each(['system', 'recovery'])('refuses a staff account named %s with INVALID_INPUT and adds nobody', async (username) => {
    const { router, dataDir } = await setUpRouter();
    const keyslots = readFileSync(join(dataDir, 'keyslots.json'), 'utf8');
    const answer = await router.invoke('staff.add', { ...TELLER, username });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'username' } } });
    expect((await ok(router, 'staff.list', {})).map((s) => s.username)).toEqual(['admin']);
    expect(readFileSync(join(dataDir, 'keyslots.json'), 'utf8')).toBe(keyslots);
  });
});
