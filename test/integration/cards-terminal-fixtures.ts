import { expect, onTestFinished } from 'vitest';
import { createRouter, type Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import type { IssuedCard, SpendingLimits } from '../../src-shared/contract/cards';
import { ADMIN, ok, tempDataDir } from '../support/temp-data';
import { cardSnapshot, createProgram, issueCard } from './cards-fixtures';
import { addMember, depositTo, nextKey } from './members-fixtures';

// Shared by the card terminal tests (authorize, limits, capture): a branch on a clock the test
// sets, an admin signed in, a program, a member with money and an active card; the terminal's
// input for that card; and the check every decline must pass.

export interface CardDesk {
  router: Router;
  now(): Date;
  /** Moves the router's clock to `iso`. */
  at(iso: string): void;
  member: { id: number };
  program: { id: number };
  card: IssuedCard;
}

/** An active card of a new member holding `balance` CNY, on a clock at `start`, with the card's `limits`. */
export async function cardDesk(start = '2024-03-04T09:00:00.000Z', balance = 100_000, limits: SpendingLimits = {}): Promise<CardDesk> {
  let now = new Date(start);
  const router = createRouter({ dataDir: tempDataDir(), clock: () => now, background: false });
  onTestFinished(() => router.close());
  await ok(router, 'setup.init', ADMIN);
  const program = await createProgram(router);
  const member = await addMember(router, { name: '李四' });
  if (balance > 0) await depositTo(router, member.id, balance);
  const card = await activeCard(router, member.id, program.id, limits);
  return { router, now: () => now, at: (iso) => (now = new Date(iso)), member, program, card };
}

export async function activeCard(router: Router, memberId: number, programId: number, limits: SpendingLimits = {}): Promise<IssuedCard> {
  const card = await issueCard(router, memberId, programId, { limits });
  await ok(router, 'cards.activate', { cardId: card.card.id });
  return card;
}

/** The terminal's input for `card`: its number, expiry and CVV as printed, `amount` at Tea House, a new key. */
export function terminalInput(card: IssuedCard, amount: number, fields: Partial<ChannelInput<'cards.authorize'>> = {}): ChannelInput<'cards.authorize'> {
  return { pan: card.pan, expiry: card.expiry, cvv: card.cvv, amount, merchant: 'Tea House', idempotencyKey: nextKey(), ...fields };
}

export async function authorize(desk: CardDesk, amount: number, fields: Partial<ChannelInput<'cards.authorize'>> = {}, card = desk.card) {
  return ok(desk.router, 'cards.authorize', terminalInput(card, amount, fields));
}

export async function walletOf(router: Router, memberId: number) {
  const summary = await ok(router, 'wallets.summary', { memberId });
  return summary.wallets.find((wallet) => wallet.currency === 'CNY')!;
}

type AuthorizationRow = { id: number; status: string; decline_code: string | null; decline_interval: string | null; counted_amount: number; hold_id: number | null; card_id: number | null; masked_pan: string };

/**
 * Sends `input` to the terminal and expects the decline `code`: the wallet, the journal, the
 * holds, the audit log and every card row as they were, and one declined attempt added, holding
 * no money and no clear card number. Answers the error and that row.
 */
export async function expectDeclined(router: Router, input: ChannelInput<'cards.authorize'>, code: string) {
  const before = cardSnapshot(router);
  const answer = await router.invoke('cards.authorize', input);
  expect(answer.ok ? null : answer.error.code).toBe(code);
  const after = cardSnapshot(router);
  // A decline adds its attempt and the audit row that records it; nothing else moves.
  expect({ ...after, authorizations: null, audit: null }).toEqual({ ...before, authorizations: null, audit: null });
  expect(after.authorizations.slice(0, before.authorizations.length)).toEqual(before.authorizations);
  expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
  const added = after.authorizations.slice(before.authorizations.length) as AuthorizationRow[];
  expect(added).toHaveLength(1);
  const row = added[0]!;
  expect(row).toMatchObject({ status: 'declined', decline_code: code, counted_amount: 0, hold_id: null });
  const audited = router.state.requireStore().sqlite.prepare('SELECT action, entity_id, after_json FROM audit_log WHERE id > ?').all((before.audit.at(-1) as { id: number } | undefined)?.id ?? 0) as { action: string; entity_id: string; after_json: string }[];
  expect(audited.map((a) => [a.action, a.entity_id])).toEqual([['card.decline', String(row.id)]]);
  const digits = input.pan.replace(/[\s-]/g, '');
  for (const kept of [JSON.stringify(row), audited[0]!.after_json]) {
    expect(kept).not.toContain(digits);
    expect(kept).not.toContain(digits.slice(6, 12));
  }
  if (answer.ok) throw new Error('unreachable');
  expect(answer.error.details).toMatchObject({ authorizationId: row.id });
  return { error: answer.error, row };
}
