import { ROLES, type Role } from '../../../src-shared/permissions';
import { AppError } from '../../../src-shared/errors';
import { expectOk, stringOption, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

export const staffListCommand: CliCommand = {
  name: 'staff list',
  summary: 'List staff accounts.',
  usage: 'staff list --data DIR [--user NAME] [--json]',
  options: UNLOCK_OPTIONS,
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const staff = expectOk(await router.invoke('staff.list', {}));
      const text = staff.map((s) => `${s.username.padEnd(16)} ${s.role.padEnd(8)} ${s.status.padEnd(9)} ${s.displayName}`).join('\n');
      return { exitCode: 0, json: staff, text: text || 'no staff' };
    }),
};

export const staffAddCommand: CliCommand = {
  name: 'staff add',
  summary: 'Add a staff account (its passphrase from PAYDESK_NEW_PASSPHRASE).',
  usage: 'staff add --data DIR --username NAME --role admin|teller|finance|auditor [--name "Display"] [--user NAME] [--json]',
  options: { ...UNLOCK_OPTIONS, username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const username = stringOption(ctx, 'username', true)!;
      const role = stringOption(ctx, 'role', true)!;
      if (!ROLES.includes(role as Role)) throw new AppError('INVALID_INPUT', `--role must be one of ${ROLES.join(', ')}.`, { field: 'role' });
      const passphrase = ctx.env.PAYDESK_NEW_PASSPHRASE;
      if (!passphrase) throw new AppError('INVALID_INPUT', 'Set PAYDESK_NEW_PASSPHRASE to the new account\'s passphrase.', { field: 'PAYDESK_NEW_PASSPHRASE' });
      const added = expectOk(await router.invoke('staff.add', { username, role: role as Role, displayName: stringOption(ctx, 'name') ?? username, passphrase }));
      return { exitCode: 0, json: added, text: `Added ${added.username} (${added.role}).` };
    }),
};

export const staffDisableCommand: CliCommand = {
  name: 'staff disable',
  summary: 'Disable a staff account and remove its keyslot.',
  usage: 'staff disable --data DIR --username NAME [--user NAME] [--json]',
  options: { ...UNLOCK_OPTIONS, username: { type: 'string' } },
  run: (ctx) =>
    withUnlockedRouter(ctx, async (router) => {
      const disabled = expectOk(await router.invoke('staff.disable', { username: stringOption(ctx, 'username', true)! }));
      return { exitCode: 0, json: disabled, text: `Disabled ${disabled.username}.` };
    }),
};
