import type { Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey, snapshot } from './members-fixtures';

// Shared by the cards-* tests: a data folder with a card program, a member with money, cards
// issued through the router, and a snapshot of every row a refused card operation must leave alone.

/** A CNY test program on a Visa-like 8-digit BIN, 16 digits, 36 months, no default limits. */
export const TEST_PROGRAM: ChannelInput<'cards.createProgram'> = { name: 'Paydesk Virtual', bin: '42424200', currency: 'CNY' };

export async function createProgram(router: Router, fields: Partial<ChannelInput<'cards.createProgram'>> = {}) {
  return ok(router, 'cards.createProgram', { ...TEST_PROGRAM, ...fields });
}

/**
 * An admin signed in (admins hold every card permission), one program, one member holding
 * `balance` CNY (minor units) in their wallet.
 */
export async function cardRouter(balance = 100_000) {
  const { router, dataDir } = await counterRouter('admin');
  const program = await createProgram(router);
  const member = await addMember(router, { name: '李四' });
  if (balance > 0) await depositTo(router, member.id, balance);
  return { router, dataDir, program, member };
}

export async function issueCard(router: Router, memberId: number, programId: number, fields: Partial<ChannelInput<'cards.issue'>> = {}) {
  return ok(router, 'cards.issue', { memberId, programId, idempotencyKey: nextKey(), ...fields });
}

/** Every row a refused card operation could have touched, besides what snapshot() covers. */
export function cardSnapshot(router: Router) {
  const { sqlite } = router.state.requireStore();
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    ...snapshot(router),
    programs: all('SELECT * FROM card_programs ORDER BY id'),
    cards: all('SELECT * FROM cards ORDER BY id'),
    events: all('SELECT * FROM card_events ORDER BY id'),
    memberLimits: all('SELECT * FROM member_card_limits ORDER BY member_id, currency'),
    authorizations: all('SELECT * FROM card_authorizations ORDER BY id'),
    bankCards: all('SELECT * FROM bank_cards ORDER BY id'),
  };
}
