import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type ChannelName } from '../../src-shared/contract';
import { can, ROLES, type Role } from '../../src-shared/permissions';
import { COMMANDS } from '../../src-main/cli/commands';
import { ADMIN, ok, setUpRouter, tempDataDir, testRouter } from '../support/temp-data';
import { jobResult } from '../support/jobs';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli';

// Every CLI command, run as each role, against the permission matrix: a command may do exactly
// what the channel it calls allows the signed-in role, as in the app (DESIGN.md §8). A role
// without the permission gets exit 5 (FORBIDDEN) and the data is unchanged.

const STAFF: Record<Role, { username: string; passphrase: string }> = {
  admin: { username: ADMIN.username, passphrase: ADMIN.passphrase },
  teller: { username: 'tina', passphrase: 'teller passphrase 2026' },
  finance: { username: 'finn', passphrase: 'finance passphrase 2026' },
  auditor: { username: 'audrey', passphrase: 'auditor passphrase 2026' },
};
/** A teller every admin run of `staff disable` may disable. */
const LEAVER = { username: 'leaver', displayName: 'Leaver', role: 'teller' as const, passphrase: 'leaver passphrase 2026' };

interface Folder {
  dataDir: string;
  /** A backup of the folder as set up, holding all four people. */
  backup: string;
  scratch: string;
}

interface CommandCase {
  /** The channel whose permission decides; null for a command that signs nobody in. */
  channel: ChannelName | null;
  args(folder: Folder, role: Role): string[];
  /**
   * Needs the folder quiet: a backup compares its copy with the live data, and restore and rekey
   * take the folder exclusively. The admin runs these one at a time, after the rest.
   */
  alone?: true;
}

const COMMAND_CASES: Record<string, CommandCase> = {
  // init makes a new folder and its first admin; nobody is signed in to check.
  init: { channel: null, args: () => [] },
  // db-key answers only a session opened with the recovery key, which no role's passphrase gives.
  'db-key': { channel: null, args: () => [] },
  // With --anchor, verify calls system.verifyAnchor (checked below to ask what system.verify asks).
  verify: { channel: 'system.verifyAnchor', args: (f) => ['--anchor', f.backup] },
  'staff list': { channel: 'staff.list', args: () => [] },
  'staff add': { channel: 'staff.add', args: (_f, role) => ['--username', `new-${role}`, '--role', 'admin'] },
  'staff disable': { channel: 'staff.disable', args: () => ['--username', LEAVER.username] },
  backup: { channel: 'backup.create', args: (f, role) => ['--out', join(f.scratch, `by-${role}.pdbk`)], alone: true },
  restore: { channel: 'backup.restore', args: (f) => ['--from', f.backup], alone: true },
  rekey: { channel: 'keys.rekey', args: () => [], alone: true },
  demo: { channel: 'demo.load', args: () => ['--members', '2', '--transfers', '2'] },
  'members list': { channel: 'members.search', args: () => [] },
  'jobs run': { channel: 'jobs.runDue', args: () => [] },
  // Both name a member, and this folder has none: cli-points.test.ts runs them as each role on a member with points.
  'points show': { channel: null, args: () => [] },
  'points redeem': { channel: null, args: () => [] },
  'cards programs': { channel: 'cards.programs', args: () => [] },
  'cards list': { channel: 'cards.list', args: () => [] },
  // These name a member, a card or an authorization, and this folder has none: cli-cards.test.ts runs them as each role on a folder with cards.
  'cards issue': { channel: null, args: () => [] },
  'cards activate': { channel: null, args: () => [] },
  'cards freeze': { channel: null, args: () => [] },
  'cards unfreeze': { channel: null, args: () => [] },
  'cards cancel': { channel: null, args: () => [] },
  'cards authorize': { channel: null, args: () => [] },
  'cards capture': { channel: null, args: () => [] },
  'cards void': { channel: null, args: () => [] },
  'bank-cards link': { channel: null, args: () => [] },
  'bank-cards list': { channel: null, args: () => [] },
  'payouts list': { channel: 'payouts.list', args: () => [] },
  // The template's default currency is the funding account's, read with payouts.funding.
  'payouts template': { channel: 'payouts.funding', args: (f, role) => ['--out', join(f.scratch, `template-${role}.csv`)] },
  // These read a file or name a batch, and this folder has none; fund moves money, which the read-only rule here forbids finance:
  // cli-payouts.test.ts runs them as the roles that matter on a folder with batches.
  'payouts validate': { channel: null, args: () => [] },
  'payouts import': { channel: null, args: () => [] },
  'payouts submit': { channel: null, args: () => [] },
  'payouts approve': { channel: null, args: () => [] },
  'payouts reject': { channel: null, args: () => [] },
  'payouts cancel': { channel: null, args: () => [] },
  'payouts execute': { channel: null, args: () => [] },
  'payouts show': { channel: null, args: () => [] },
  'payouts export': { channel: null, args: () => [] },
  'payouts fund': { channel: null, args: () => [] },
  'payouts settle': { channel: null, args: () => [] },
  'payouts return': { channel: null, args: () => [] },
  // Each report has its own permission (not its channel's), and an export is audited, which the read-only check here forbids:
  // cli-reports.test.ts runs both as the roles that matter.
  report: { channel: null, args: () => [] },
  'export journal': { channel: null, args: () => [] },
};

const CHECKED = COMMANDS.filter((c) => COMMAND_CASES[c.name]?.channel);

function runAs(folder: Folder, role: Role, command: string): Promise<CliRun> {
  const who = STAFF[role];
  return runCli([...command.split(' '), '--data', folder.dataDir, '--user', who.username, ...COMMAND_CASES[command]!.args(folder, role)], {
    PAYDESK_PASSPHRASE: who.passphrase,
    PAYDESK_NEW_PASSPHRASE: 'a new passphrase 2026',
  });
}

function expectedExit(role: Role, command: string): number {
  return can(role, contract[COMMAND_CASES[command]!.channel!].access) ? 0 : 5;
}

/** Child processes take about a second each on two cores: a few at a time keeps the machine responsive. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

async function setUpFolder(): Promise<Folder> {
  const { router, dataDir } = await setUpRouter();
  for (const role of ['teller', 'finance', 'auditor'] as const) {
    await ok(router, 'staff.add', { ...STAFF[role], displayName: STAFF[role].username, role });
  }
  await ok(router, 'staff.add', LEAVER);
  const scratch = tempDataDir();
  const backup = join(scratch, 'as-set-up.pdbk');
  await jobResult(router, 'backup.create', { path: backup });
  router.close();
  return { dataDir, backup, scratch };
}

/** What a command could change, read as the admin; sign-ins (session.*) are left out of the audit trail. */
async function contents(folder: Folder) {
  const router = testRouter(folder.dataDir);
  try {
    await ok(router, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const audit = (await ok(router, 'audit.list', { limit: 1000 })).rows.filter((row) => !row.action.startsWith('session.'));
    const trial = await ok(router, 'ledger.trialBalance', {});
    return {
      keyslots: readFileSync(join(folder.dataDir, 'keyslots.json'), 'utf8'),
      staff: (await ok(router, 'staff.list', {})).map((s) => [s.username, s.role, s.status]),
      members: (await ok(router, 'members.search', {})).total,
      transfers: [trial.transferCount, trial.head],
      audit: audit.map((row) => [row.id, row.action, row.actor]),
      backups: (await ok(router, 'backup.list', {})).map((b) => b.name),
      outside: ROLES.filter((role) => existsSync(join(folder.scratch, `by-${role}.pdbk`))),
      settings: await ok(router, 'settings.get', {}),
    };
  } finally {
    router.close();
  }
}

describe('paydesk as each role', () => {
  it('knows which channel decides every command, so a new command cannot skip the matrix', () => {
    expect(COMMANDS.map((c) => c.name).filter((name) => !(name in COMMAND_CASES))).toEqual([]);
  });

  it('asks the same permission of verify with and without --anchor', () => {
    expect(contract['system.verifyAnchor'].access).toBe(contract['system.verify'].access);
  });

  it('has no command that reaches a service or the store except through the router', () => {
    const dir = join(REPO_ROOT, 'src-main/cli/commands');
    const below = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/from '\.\.\/\.\.\/([\w-]+\/[\w-]+)'/g)].map((m) => `${file}: ${m[1]}`),
    );
    // isInitialized only looks whether keyslots.json is there, to choose restore into an empty folder.
    expect(below.filter((line) => !line.endsWith(': api/router'))).toEqual(['backup.ts: staff/unlock']);
  });

  it('runs each command as teller, finance and auditor exactly as the permission matrix allows, and the refused ones change nothing', async () => {
    const folder = await setUpFolder();
    const before = await contents(folder);
    // Two sign-ins per person at a time: more would trip the lockout, which counts each attempt before checking it.
    const runs = CHECKED.flatMap((command) => (['teller', 'finance', 'auditor'] as const).map((role) => ({ role, command: command.name })));
    const results = await inBatches(runs, 6, async ({ role, command }) => ({ role, command, run: await runAs(folder, role, command) }));

    const seen = results.map(({ role, command, run }) => `${role} ${command}: ${run.code}${run.code === 5 ? ` ${/FORBIDDEN/.test(run.stderr)}` : ''}`);
    const wanted = results.map(({ role, command }) => `${role} ${command}: ${expectedExit(role, command)}${expectedExit(role, command) === 5 ? ' true' : ''}`);
    expect(seen).toEqual(wanted);
    // Only reads were allowed to these three roles, so nothing may differ.
    expect(await contents(folder)).toEqual(before);
  }, 300_000);

  it('lets the admin run every command: the changes first, then restore and rekey on their own', async () => {
    const folder = await setUpFolder();
    const shared = CHECKED.filter((c) => !COMMAND_CASES[c.name]!.alone).map((c) => c.name);
    const runs = await inBatches(shared, 4, (command) => runAs(folder, 'admin', command));
    expect(runs.map((run, i) => `${shared[i]}: ${run.code}`)).toEqual(shared.map((command) => `${command}: 0`));
    const after = await contents(folder);
    expect(after.staff).toContainEqual(['new-admin', 'admin', 'active']);
    expect(after.staff).toContainEqual([LEAVER.username, 'teller', 'disabled']);
    expect(after.members).toBe(2);

    for (const command of CHECKED.filter((c) => COMMAND_CASES[c.name]!.alone).map((c) => c.name)) {
      expect(`${command}: ${(await runAs(folder, 'admin', command)).code}`).toBe(`${command}: 0`);
    }
    expect(existsSync(join(folder.scratch, 'by-admin.pdbk'))).toBe(true);
    // The restored backup was taken at set-up: no demo members, nobody added.
    expect((await contents(folder)).members).toBe(0);
  }, 180_000);

  it('restores a backup into an empty folder only for a person who may restore in it; the others leave the folder empty', async () => {
    const folder = await setUpFolder();
    const targets = Object.fromEntries(ROLES.map((role) => [role, tempDataDir()])) as Record<Role, string>;
    const runs = await Promise.all(
      ROLES.map((role) =>
        runCli(['restore', '--data', targets[role], '--from', folder.backup, '--user', STAFF[role].username], { PAYDESK_PASSPHRASE: STAFF[role].passphrase }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual(ROLES.map((role) => (can(role, 'backup.restore') ? 0 : 5)));
    for (const [i, role] of ROLES.entries()) {
      if (can(role, 'backup.restore')) continue;
      expect(runs[i]!.stderr).toContain('FORBIDDEN');
      expect(['paydesk.db', 'keyslots.json'].filter((name) => existsSync(join(targets[role], name)))).toEqual([]);
    }
  }, 120_000);
});
