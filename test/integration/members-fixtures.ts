import type { Router } from '../../src-main/api/router';
import type { ChannelInput } from '../../src-shared/contract';
import { ADMIN, TELLER, ok, setUpRouter } from '../support/temp-data';

// Shared by the members-* and wallets-* tests: a router with a teller signed in, member factories,
// and a snapshot of everything a refused operation must leave as it was.

export const FINANCE = { username: 'fiona', displayName: 'Fiona Finance', role: 'finance' as const, passphrase: 'finance passphrase 2026' };

let phoneSequence = 0;

/** A unique mainland mobile number for each call. */
export function nextPhone(): string {
  phoneSequence += 1;
  return `139${String(phoneSequence).padStart(8, '0')}`;
}

export async function addMember(router: Router, fields: Partial<ChannelInput<'members.create'>> = {}) {
  return ok(router, 'members.create', { name: '张三', phone: nextPhone(), ...fields });
}

const PEOPLE = { admin: ADMIN, teller: TELLER, finance: FINANCE };

/**
 * A set-up data folder, signed in as `as`. Only the people a test names get accounts: each one
 * costs a scrypt derivation (N = 2^15).
 */
export async function counterRouter(as: 'admin' | 'teller' | 'finance' = 'admin', others: ('teller' | 'finance')[] = []): Promise<{ router: Router; dataDir: string }> {
  const { router, dataDir } = await setUpRouter();
  for (const who of new Set([...others, ...(as === 'admin' ? [] : [as])])) await ok(router, 'staff.add', PEOPLE[who]);
  if (as !== 'admin') await signInAs(router, as);
  return { router, dataDir };
}

/**
 * Payments earn no points (α = 0), for tests of money alone: from issue 9 a payment also posts
 * its points and can lift the member's tier, which changes the next payment's fee and the journal.
 * Needs an admin signed in.
 */
export async function paymentsEarnNoPoints(router: Router): Promise<void> {
  const { rules } = await ok(router, 'points.rules', {});
  await ok(router, 'points.updateRules', { rules: { ...rules, pointsPerUnitPaid: 0 } });
}

export async function signInAs(router: Router, who: 'admin' | 'teller' | 'finance'): Promise<void> {
  const person = PEOPLE[who];
  await ok(router, 'session.lock', {});
  await ok(router, 'session.unlock', { username: person.username, passphrase: person.passphrase });
}

let keySequence = 0;

export function nextKey(): string {
  keySequence += 1;
  return `test-key-${keySequence}`;
}

export async function depositTo(router: Router, memberId: number, amount: number, currency = 'CNY') {
  return ok(router, 'wallets.deposit', { memberId, amount, currency, idempotencyKey: nextKey() });
}

/** Every row a refused operation could have touched: accounts, journal, receipts, members, audit. */
export function snapshot(router: Router) {
  const { sqlite } = router.state.requireStore();
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    accounts: all('SELECT * FROM accounts ORDER BY id'),
    transfers: all('SELECT id, hash FROM transfers ORDER BY id'),
    receipts: all('SELECT id, receipt_number FROM wallet_receipts ORDER BY id'),
    wallets: all('SELECT * FROM member_wallets ORDER BY member_id, currency'),
    members: all('SELECT * FROM members ORDER BY id'),
    audit: all('SELECT id, hash FROM audit_log ORDER BY id'),
  };
}
