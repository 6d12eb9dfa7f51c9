import { describe, expect, expectTypeOf, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName, type Contract } from '../../src-shared/contract';
import type { ChannelDefinition } from '../../src-shared/contract/define';
import { can } from '../../src-shared/permissions';

// A mutation channel names, in its contract definition, the queries its success makes stale, and
// the renderer refreshes exactly those (src-renderer/src/api/queries.ts). A channel that declares
// `invalidates` is a mutation; every other channel is a query, whose cached answers can go stale.

/** Reads that only people allowed to change something may make: the backups and where they go are for those who back up; checking a payout file is for those who import one. */
const READS_UNDER_A_WRITE_PERMISSION: readonly ChannelName[] = ['backup.list', 'backup.location', 'payouts.validate'];

function definition(name: ChannelName): ChannelDefinition {
  return contract[name];
}

const mutations = CHANNEL_NAMES.filter((name) => definition(name).invalidates !== undefined);
const queries = new Set(CHANNEL_NAMES.filter((name) => definition(name).invalidates === undefined));

/** A permission the auditor lacks changes something: auditors see everything and change nothing (DESIGN.md §1). */
function needsAWritePermission(name: ChannelName): boolean {
  const { access } = definition(name);
  return access !== 'public' && access !== 'session' && !can('auditor', access);
}

describe('what a mutation makes stale', () => {
  it.each(mutations)('%s names only query channels, each once', (name) => {
    const stale = definition(name).invalidates ?? [];
    expect(stale.filter((query) => !queries.has(query as ChannelName))).toEqual([]);
    expect(new Set(stale).size).toBe(stale.length);
  });

  it('is declared by every channel that needs a write permission', () => {
    const undeclared = CHANNEL_NAMES.filter((name) => needsAWritePermission(name) && !READS_UNDER_A_WRITE_PERMISSION.includes(name) && !mutations.includes(name));
    expect(undeclared).toEqual([]);
  });

  it('leaves the reads under a write permission to be queries', () => {
    for (const name of READS_UNDER_A_WRITE_PERMISSION) expect(queries.has(name)).toBe(true);
  });

  it('is checked by the compiler too: a typo or a mutation among the names does not build', () => {
    type Declared<C extends ChannelName> = Contract[C] extends { invalidates: readonly (infer N)[] } ? N : never;
    type MutationName = { [C in ChannelName]: Contract[C] extends { invalidates: readonly string[] } ? C : never }[ChannelName];
    type NotAQuery = Exclude<{ [C in ChannelName]: Declared<C> }[ChannelName], Exclude<ChannelName, MutationName>>;
    expectTypeOf<NotAQuery>().toEqualTypeOf<never>();
  });
});
