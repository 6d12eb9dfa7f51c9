import { AppError } from '../../../src-shared/errors';
import { MEMBER_STATUSES, type MemberStatus } from '../../../src-shared/contract/members';
import { expectOk, stringOption, type CliCommand } from '../command';
import { UNLOCK_OPTIONS, withUnlockedRouter } from '../unlock';

export const membersListCommand: CliCommand = {
  name: 'members list',
  summary: 'List or search members (name substring, member number, phone prefix).',
  usage: 'members list --data DIR [--query Q] [--status active|frozen|closed] [--limit N] [--offset N] [--user NAME | --recovery-key-stdin | --recovery] [--json]',
  options: { ...UNLOCK_OPTIONS, query: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(ctx) {
    const status = stringOption(ctx, 'status');
    if (status !== undefined && !MEMBER_STATUSES.includes(status as MemberStatus)) {
      throw new AppError('INVALID_INPUT', `--status must be one of ${MEMBER_STATUSES.join(', ')}.`, { field: 'status' });
    }
    return withUnlockedRouter(ctx, async (router) => {
      const page = expectOk(
        await router.invoke('members.search', {
          query: stringOption(ctx, 'query') ?? '',
          ...(status ? { status: status as MemberStatus } : {}),
          limit: Number(stringOption(ctx, 'limit') ?? 100),
          offset: Number(stringOption(ctx, 'offset') ?? 0),
        }),
      );
      const lines = page.rows.map((m) => `${m.memberNumber}  ${m.status.padEnd(6)}  ${m.phone.padEnd(15)}  ${m.name}`);
      lines.push(`${page.rows.length} of ${page.total} members`);
      return { exitCode: 0, json: page, text: lines.join('\n') };
    });
  },
};
