import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src-shared/contract/reports';
import { isCreditNormal } from '../../src-main/ledger/effects';
import type { AccountKind } from '../../src-shared/contract/ledger';
import type { Router } from '../../src-main/api/router';
import { ok, signInAs } from '../support/temp-data';
import { authorize, cardDesk } from './cards-terminal-fixtures';
import { depositTo, nextKey, snapshot } from './members-fixtures';

// The trial balance as of a moment takes back from today's running totals what was posted after
// it. These tests check it against the other way round: a replay of the journal up to the moment.

interface Line {
  code: string;
  currency: string;
  debits: number;
  credits: number;
  balance: number;
}

/** Every account's posted debits and credits from the journal's rows up to `asOf` (holds and voids move only pending totals). */
function replayUpTo(router: Router, asOf: string): Line[] {
  const { sqlite } = router.state.requireStore();
  const accounts = sqlite.prepare('SELECT id, code, kind, currency, created_at FROM accounts ORDER BY code').all() as { id: number; code: string; kind: AccountKind; currency: string; created_at: string }[];
  const moved = new Map<number, { debits: number; credits: number }>(accounts.map((a) => [a.id, { debits: 0, credits: 0 }]));
  const transfers = sqlite.prepare("SELECT debit_account_id, credit_account_id, amount, state FROM transfers WHERE created_at <= ? ORDER BY id").all(asOf) as { debit_account_id: number; credit_account_id: number; amount: number; state: string }[];
  for (const t of transfers) {
    if (t.state !== 'posted' && t.state !== 'reversal' && t.state !== 'post_pending') continue;
    moved.get(t.debit_account_id)!.debits += t.amount;
    moved.get(t.credit_account_id)!.credits += t.amount;
  }
  return accounts
    .filter((a) => a.created_at <= asOf)
    .map((a) => {
      const { debits, credits } = moved.get(a.id)!;
      return { code: a.code, currency: a.currency, debits, credits, balance: isCreditNormal(a.kind) ? credits - debits : debits - credits };
    });
}

function linesOf(report: ReportDocument): Line[] {
  const accounts = report.sections.find((s) => s.id === 'accounts')!;
  return accounts.rows.map((r) => ({ code: r.code as string, currency: r.currency as string, debits: r.debits as number, credits: r.credits as number, balance: r.balance as number }));
}

describe('trial balance as of a moment', () => {
  it('equals a replay of the journal up to each moment, holds, partial captures, voids and reversals included', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000);
    const { router, member } = desk;
    const moments: string[] = [desk.now().toISOString()];
    const step = async (iso: string, work: () => Promise<unknown>) => {
      desk.at(iso);
      await work();
      moments.push(iso);
    };
    let holdId = 0;
    await step('2024-03-04T10:00:00.000Z', async () => (holdId = (await authorize(desk, 3_000)).authorization.id));
    await step('2024-03-04T10:30:00.000Z', () => ok(router, 'cards.capture', { authorizationId: holdId, amount: 2_000, idempotencyKey: nextKey() }));
    let voided = 0;
    await step('2024-03-04T11:00:00.000Z', async () => (voided = (await authorize(desk, 1_500)).authorization.id));
    await step('2024-03-04T11:30:00.000Z', () => ok(router, 'cards.void', { authorizationId: voided, idempotencyKey: nextKey() }));
    let deposited = 0;
    await step('2024-03-05T09:00:00.000Z', async () => (deposited = (await depositTo(router, member.id, 7_777)).transferIds[0]!));
    await step('2024-03-05T09:30:00.000Z', () => ok(router, 'wallets.reverse', { transferId: deposited, reason: 'keyed twice', idempotencyKey: nextKey() }));
    desk.at('2024-03-06T09:00:00.000Z');

    for (const asOf of moments) {
      const report = await ok(router, 'reports.run', { report: 'trial-balance', params: { asOf } });
      expect(report.header.parameters).toEqual({ asOf });
      expect(linesOf(report)).toEqual(replayUpTo(router, asOf));
      for (const total of report.sections.find((s) => s.id === 'totals')!.rows) expect(total.difference).toBe(0);
    }
    // Without a moment it is taken now, and equals the running totals as they stand.
    const now = await ok(router, 'reports.run', { report: 'trial-balance', params: {} });
    expect(linesOf(now)).toEqual(replayUpTo(router, desk.now().toISOString()));
    const before = await ok(router, 'reports.run', { report: 'trial-balance', params: { asOf: moments[1] } });
    expect(linesOf(before)).not.toEqual(linesOf(now));
  });

  it('states both chain heads and the trust fingerprint, and refuses a moment in the future, changing nothing', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000);
    const { router } = desk;
    const report = await ok(router, 'reports.run', { report: 'trial-balance', params: {} });
    const { sqlite } = router.state.requireStore();
    const head = (table: string) => sqlite.prepare(`SELECT id, hash FROM ${table} ORDER BY id DESC LIMIT 1`).get();
    expect(report.header.heads).toEqual({ journal: head('transfers'), audit: head('audit_log') });
    expect(report.header.trustFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
    expect(report.header.madeBy).toBe('admin');

    const before = snapshot(router);
    const answer = await router.invoke('reports.run', { report: 'trial-balance', params: { asOf: '2024-03-05T00:00:00.000Z' } });
    expect(answer.ok ? null : [answer.error.code, answer.error.details?.reason]).toEqual(['INVALID_INPUT', 'future']);
    expect(snapshot(router)).toEqual(before);
  });

  it('is refused to a teller in the router, and a teller may still run a statement', async () => {
    const desk = await cardDesk('2024-03-04T09:00:00.000Z', 100_000);
    const { router } = desk;
    await ok(router, 'staff.add', { username: 'tina', displayName: 'Tina Teller', role: 'teller', passphrase: 'teller passphrase 2026' });
    await signInAs(router, { username: 'tina', passphrase: 'teller passphrase 2026' });
    const before = snapshot(router);
    const answer = await router.invoke('reports.run', { report: 'trial-balance', params: {} });
    expect(answer.ok ? null : answer.error.code).toBe('FORBIDDEN');
    expect(snapshot(router)).toEqual(before);
    expect(await ok(router, 'reports.available', {})).toEqual(['statement', 'receipts']);
  });
});
