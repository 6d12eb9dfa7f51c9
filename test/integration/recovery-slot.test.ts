import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from '../../src-shared/recovery-key';
import { hkdf, hmac } from '../../src-main/store/crypto';
import { readKeyslotFile, unwrapStaffSlot, type StaffSlot } from '../../src-main/store/keyslots';
import { readRetiredKeys } from '../../src-main/store/retired-keys';
import type { Router } from '../../src-main/api/router';
import { ADMIN, TELLER, ok, setUpRouter, testRouter } from '../support/temp-data';
import { jobResult } from '../support/jobs';
import { jsonOf, runCli } from '../support/cli';
import { databaseKeyHex } from '../support/database-key';
import { folderBytes, rawOpen } from '../support/files';

// Issue 7, item 2: the recovery key is not the master key. It unwraps a recovery keyslot (as in
// LUKS), so what a staff keyslot yields (the database key) never signs in as the recovery admin.

function opensWith(dataDir: string, hexKey: string): boolean {
  const raw = rawOpen(join(dataDir, 'paydesk.db'), hexKey, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM staff').pluck().get() !== undefined;
  } catch {
    return false;
  } finally {
    raw.close();
  }
}

function liveKey(router: Router): string {
  return Buffer.from(router.state.requireStore().masterKey).toString('hex');
}

describe('the recovery slot', () => {
  it('is written at setup beside the staff slot, and alone in recovery-slot.json; the recovery key is not the database key', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    const file = readKeyslotFile(join(dataDir, 'keyslots.json'));
    expect(file.version).toBe(2);
    expect(file.slots.map((slot) => slot.kind)).toEqual(['staff', 'recovery']);
    const copy = JSON.parse(readFileSync(join(dataDir, 'recovery-slot.json'), 'utf8')) as { slot: unknown };
    expect(copy.slot).toEqual(file.slots[1]);
    expect(parseRecoveryKey(recoveryKey)).not.toBe(liveKey(router));
    expect(databaseKeyHex(dataDir, recoveryKey)).toBe(liveKey(router));
    expect(opensWith(dataDir, parseRecoveryKey(recoveryKey)!)).toBe(false);
  });

  it('cannot be reached from a teller\'s keyslot: the database key it yields does not sign in as the recovery admin', async () => {
    const { router, dataDir } = await setUpRouter();
    await ok(router, 'staff.add', TELLER);
    router.close();
    const tellerSlot = readKeyslotFile(join(dataDir, 'keyslots.json')).slots.find((slot): slot is StaffSlot => slot.kind === 'staff' && slot.username === TELLER.username)!;
    const fromTellerSlot = (await unwrapStaffSlot(tellerSlot, TELLER.passphrase))!.toString('hex');
    expect(opensWith(dataDir, fromTellerSlot)).toBe(true);
    const before = folderBytes(dataDir);

    const answer = await testRouter(dataDir).invoke('session.unlockWithRecoveryKey', { recoveryKey: fromTellerSlot });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: { field: 'recoveryKey' } } });
    const cli = await runCli(['db-key', '--data', dataDir], { PAYDESK_RECOVERY_KEY: fromTellerSlot });
    expect(cli.code).toBe(3);
    expect(folderBytes(dataDir)).toEqual(before);
  });
});

describe('the database key for a standard SQLCipher tool', () => {
  it('is given to a session unlocked with the recovery key, audited, and refused (FORBIDDEN) to an admin signed in with a passphrase', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    expect(await router.invoke('session.databaseKey', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(router, 'session.unlockWithRecoveryKey', { recoveryKey });
    const { databaseKey } = await ok(router, 'session.databaseKey', {});
    expect(opensWith(dataDir, databaseKey)).toBe(true);
    const { rows } = await ok(router, 'audit.list', { action: 'session.databaseKey' });
    expect(rows).toMatchObject([{ actor: 'recovery' }]);
    expect(JSON.stringify(rows)).not.toContain(databaseKey.slice(0, 16));
  });

  it('is printed by `paydesk db-key` from PAYDESK_RECOVERY_KEY or standard input; a wrong key exits 3, a key on the command line exits 2', async () => {
    const { router, dataDir, recoveryKey } = await setUpRouter();
    router.close();
    // One after another, as an auditor types them.
    const fromEnv = await runCli(['db-key', '--data', dataDir, '--json'], { PAYDESK_RECOVERY_KEY: recoveryKey });
    const fromStdin = await runCli(['db-key', '--data', dataDir, '--recovery-key-stdin'], {}, `${recoveryKey}\n`);
    const wrong = await runCli(['db-key', '--data', dataDir], { PAYDESK_RECOVERY_KEY: 'ab'.repeat(32) });
    const onCommandLine = await runCli(['db-key', '--data', dataDir, '--recovery-key', recoveryKey]);
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const { databaseKey } = jsonOf<{ databaseKey: string }>(fromEnv);
    expect(databaseKey).toMatch(/^[0-9a-f]{64}$/);
    expect(opensWith(dataDir, databaseKey)).toBe(true);
    expect(fromStdin.stdout.split('\n')[0]).toBe(databaseKey);
    expect([fromEnv.code, fromStdin.code, wrong.code, onCommandLine.code]).toEqual([0, 0, 3, 2]);
  });
});

/**
 * A folder as Paydesk wrote it before the recovery slot: keyslots.json version 1 with staff slots
 * only (same slot fields), its MAC as that code computed it, no recovery-slot.json, and a
 * recovery key that is the database key itself.
 */
async function oldFormatFolder(): Promise<{ router: Router; dataDir: string; oldRecoveryKey: string }> {
  const { router, dataDir } = await setUpRouter();
  await ok(router, 'staff.add', TELLER);
  const masterKey = Buffer.from(router.state.requireStore().masterKey);
  router.close();
  const slots = readKeyslotFile(join(dataDir, 'keyslots.json')).slots.filter((slot) => slot.kind === 'staff');
  const mac = hmac(hkdf(masterKey, 'paydesk/keyslots-mac'), JSON.stringify({ format: 'paydesk-keyslots', version: 1, slots })).toString('hex');
  writeFileSync(join(dataDir, 'keyslots.json'), `${JSON.stringify({ format: 'paydesk-keyslots', version: 1, slots, mac }, null, 2)}\n`);
  rmSync(join(dataDir, 'recovery-slot.json'));
  return { router: testRouter(dataDir), dataDir, oldRecoveryKey: formatRecoveryKey(masterKey.toString('hex')) };
}

describe('a folder from before the recovery slot', () => {
  it('keeps working with its passphrases; its recovery key (the database key, which every staff slot gives) holds no role until a rekey', async () => {
    const { router, oldRecoveryKey } = await oldFormatFolder();
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const auditRows = (await ok(router, 'audit.list', { limit: 1 })).total;
    router.close();

    expect(await router.invoke('session.unlockWithRecoveryKey', { recoveryKey: oldRecoveryKey })).toMatchObject({ ok: false, error: { code: 'NOT_CERTIFIED' } });
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    // One audit row more: the admin's sign-in. The refused key wrote nothing.
    expect((await ok(router, 'audit.list', { limit: 1 })).total).toBe(auditRows + 1);
    await ok(router, 'staff.resetPassphrase', { username: TELLER.username, passphrase: 'a new teller passphrase 9' });
    await ok(router, 'session.unlock', { username: TELLER.username, passphrase: 'a new teller passphrase 9' });
  });

  it('is migrated by a rekey: a recovery slot under a new recovery key shown once; the old key then opens only older backups', async () => {
    const { router, dataDir, oldRecoveryKey } = await oldFormatFolder();
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { recoveryKey } = await jobResult<'keys.rekey', { recoveryKey: string | null }>(router, 'keys.rekey', {});
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    expect(recoveryKey).not.toBe(oldRecoveryKey);

    const file = readKeyslotFile(join(dataDir, 'keyslots.json'));
    expect(file.version).toBe(2);
    expect(file.slots.map((slot) => slot.kind)).toEqual(['staff', 'staff', 'recovery']);
    expect(existsSync(join(dataDir, 'recovery-slot.json'))).toBe(true);
    expect(databaseKeyHex(dataDir, recoveryKey!)).toBe(liveKey(router));
    expect(parseRecoveryKey(recoveryKey!)).not.toBe(liveKey(router));
    expect(readRetiredKeys(dataDir, Buffer.from(liveKey(router), 'hex')).map((entry) => entry.key)).toEqual([parseRecoveryKey(oldRecoveryKey)]);

    const fresh = testRouter(dataDir);
    expect(await fresh.invoke('session.unlockWithRecoveryKey', { recoveryKey: oldRecoveryKey })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    await ok(fresh, 'session.unlockWithRecoveryKey', { recoveryKey: recoveryKey! });
    await ok(fresh, 'session.unlock', { username: TELLER.username, passphrase: TELLER.passphrase });
    await ok(fresh, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await jobResult<'keys.rekey', { recoveryKey: string | null }>(fresh, 'keys.rekey', {})).toEqual({ recoveryKey: null });
    await ok(fresh, 'session.unlockWithRecoveryKey', { recoveryKey: recoveryKey! });
  });
});
