import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Router } from '../../src-main/api/router';
import { INPUT_LIMITS } from '../../src-shared/contract/common';
import { ADMIN, TELLER, ok, tempDataDir, testRouter } from '../support/temp-data';
import { folderBytes } from '../support/files';
import { runCli } from '../support/cli';
import { addMember, counterRouter, depositTo, snapshot } from './members-fixtures';

// Oversized input is INVALID_INPUT naming the field, never INTERNAL, and no answer or printed
// message repeats it whole. Names never hold NUL or text-direction controls. Each refusal leaves
// the data as it was.

/** An answer's code, field, reason and how long its text is, and whether any of it quotes `sample`. */
async function refusal(router: Router, channel: string, input: unknown, sample: string) {
  const answer = await router.call(channel, input);
  if (answer.ok) throw new Error(`${channel} answered ok`);
  const text = JSON.stringify(answer.error);
  return { code: answer.error.code, field: answer.error.details?.field, reason: answer.error.details?.reason, short: text.length < 2_000, quotes: text.includes(sample) };
}

const BIDI_NAMES = ['Ada\u0000Admin', 'Ada \u202Enimda', '\u2066Bob\u2069', 'Li\u200FMei', '张\u202A三'];

describe('input size limits', () => {
  it('refuses 20k and 200k transfer kinds on wallets.history (a teller channel) as INVALID_INPUT naming kinds', async () => {
    const { router } = await counterRouter('teller');
    const member = await addMember(router);
    const before = snapshot(router);
    for (const count of [INPUT_LIMITS.list + 1, 20_000, 200_000]) {
      const kinds = Array.from({ length: count }, (_, i) => `kind-number-${i}`);
      const refused = await refusal(router, 'wallets.history', { memberId: member.id, currency: 'CNY', kinds }, 'kind-number-20');
      expect(refused).toEqual({ code: 'INVALID_INPUT', field: 'kinds', reason: 'too_big', short: true, quotes: false });
    }
    expect(snapshot(router)).toEqual(before);
  });

  it('refuses a 20 MB backup path and a 1 MB unknown key without repeating them, and writes nothing', async () => {
    const { router } = await counterRouter('admin');
    const before = { rows: snapshot(router), backups: await ok(router, 'backup.list', {}) };
    const path = `/tmp/${'p'.repeat(20 * 1024 * 1024)}`;
    expect(await refusal(router, 'backup.create', { path }, 'p'.repeat(1_000))).toEqual({ code: 'INVALID_INPUT', field: 'path', reason: 'too_big', short: true, quotes: false });
    const key = 'k'.repeat(1024 * 1024);
    expect(await refusal(router, 'staff.list', { [key]: 1 }, 'k'.repeat(1_000))).toMatchObject({ code: 'INVALID_INPUT', short: true, quotes: false });
    expect(await refusal(router, 'c'.repeat(1024 * 1024), {}, 'c'.repeat(1_000))).toMatchObject({ code: 'INVALID_INPUT', field: 'channel', short: true, quotes: false });
    expect({ rows: snapshot(router), backups: await ok(router, 'backup.list', {}) }).toEqual(before);
  });

  it('refuses an option longer than a path with exit 2 and a short message, before touching the folder', async () => {
    const dataDir = tempDataDir();
    const long = `${dataDir}/${'x'.repeat(100_000)}`;
    const runs = await Promise.all([
      runCli(['backup', '--data', dataDir, '--out', long], { PAYDESK_PASSPHRASE: ADMIN.passphrase }),
      runCli(['verify', '--data', long], { PAYDESK_PASSPHRASE: ADMIN.passphrase }),
      runCli(['verify', '--data', dataDir, `--${'o'.repeat(100_000)}`]),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2]);
    expect(runs.map((run) => run.stderr.length < 1_500 && run.stdout.length < 1_500)).toEqual([true, true, true]);
    expect(runs[0]!.stderr).toContain('INVALID_INPUT: --out is longer than 4096 characters.');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('names without control or text-direction characters', () => {
  it('refuses them in the first admin\'s name and leaves the folder unset', async () => {
    const dataDir = tempDataDir();
    const router = testRouter(dataDir);
    for (const displayName of BIDI_NAMES) {
      expect(await refusal(router, 'setup.init', { ...ADMIN, displayName }, displayName)).toMatchObject({ code: 'INVALID_INPUT', field: 'displayName', reason: 'control_characters' });
    }
    expect(existsSync(join(dataDir, 'keyslots.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'paydesk.db'))).toBe(false);
  });

  it('refuses them in staff, member and merchant names, and nothing changes', async () => {
    const { router } = await counterRouter('admin');
    const member = await addMember(router, { name: '李四' });
    await depositTo(router, member.id, 10_000);
    const before = { rows: snapshot(router), staff: await ok(router, 'staff.list', {}) };
    for (const name of BIDI_NAMES) {
      const refusals = [
        await refusal(router, 'staff.add', { ...TELLER, displayName: name }, name),
        await refusal(router, 'members.create', { name, phone: '13900000001' }, name),
        await refusal(router, 'members.update', { id: member.id, name }, name),
        await refusal(router, 'wallets.pay', { memberId: member.id, amount: 100, currency: 'CNY', idempotencyKey: `pay-${name.length}`, merchant: name }, name),
      ];
      expect(refusals.map((r) => [r.code, r.field, r.reason])).toEqual([
        ['INVALID_INPUT', 'displayName', 'control_characters'],
        ['INVALID_INPUT', 'name', 'control_characters'],
        ['INVALID_INPUT', 'name', 'control_characters'],
        ['INVALID_INPUT', 'merchant', 'control_characters'],
      ]);
    }
    expect({ rows: snapshot(router), staff: await ok(router, 'staff.list', {}) }).toEqual(before);
  });

  it('refuses them in `staff add --name` with exit 2', async () => {
    const dataDir = tempDataDir();
    expect((await runCli(['init', '--data', dataDir, '--admin', 'admin'], { PAYDESK_PASSPHRASE: ADMIN.passphrase })).code).toBe(0);
    const before = folderBytes(dataDir);
    const run = await runCli(['staff', 'add', '--data', dataDir, '--username', 'tina', '--role', 'teller', '--name', 'Tina \u202Erellet'], {
      PAYDESK_PASSPHRASE: ADMIN.passphrase,
      PAYDESK_NEW_PASSPHRASE: TELLER.passphrase,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INVALID_INPUT: displayName: control or text-direction characters are not allowed in names');
    // Signing in appends to the audit log, so the database may differ; the staff and their keyslots may not.
    expect(folderBytes(dataDir)['keyslots.json']).toBe(before['keyslots.json']);
    const staff = await runCli(['staff', 'list', '--data', dataDir, '--json'], { PAYDESK_PASSPHRASE: ADMIN.passphrase });
    expect((JSON.parse(staff.stdout) as { username: string }[]).map((s) => s.username)).toEqual(['admin']);
  });
});
