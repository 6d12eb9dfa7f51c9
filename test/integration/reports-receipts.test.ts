import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src-shared/contract/reports';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, signInAs, snapshot } from './members-fixtures';

// Counter receipts: a teller sees their own; people who may read the ledger see every teller's.

const rowsOf = (report: ReportDocument, id: string) => report.sections.find((s) => s.id === id)!.rows;

describe('counter receipts report', () => {
  it("shows a teller only their own receipts, and finance every teller's with totals that add up", async () => {
    const { router } = await counterRouter('admin', ['teller', 'finance']);
    const member = await addMember(router, { name: '=HYPERLINK("http://x","y")' });
    await depositTo(router, member.id, 5_000);
    await signInAs(router, 'teller');
    await depositTo(router, member.id, 1_250);
    await ok(router, 'wallets.withdraw', { memberId: member.id, amount: 250, currency: 'CNY', idempotencyKey: 'receipts-withdraw' });

    const own = await ok(router, 'reports.run', { report: 'receipts', params: {} });
    expect(own.header.parameters.actor).toBe('tina');
    expect(rowsOf(own, 'receipts').map((r) => [r.operation, r.amount, r.teller])).toEqual([
      ['deposit', 1_250, 'tina'],
      ['withdrawal', 250, 'tina'],
    ]);
    // User text goes through as written; the CSV writer neutralizes it, the preview shows it.
    expect(rowsOf(own, 'receipts')[0]!.memberName).toBe('=HYPERLINK("http://x","y")');

    const before = snapshot(router);
    const other = await router.invoke('reports.run', { report: 'receipts', params: { actor: 'admin' } });
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN');
    expect(snapshot(router)).toEqual(before);

    await signInAs(router, 'finance');
    const all = await ok(router, 'reports.run', { report: 'receipts', params: {} });
    expect(all.header.parameters.actor).toBeUndefined();
    const receipts = rowsOf(all, 'receipts');
    expect(receipts.map((r) => r.teller)).toEqual(['admin', 'tina', 'tina']);
    expect(all.sections[0]!.totalRows).toBe(3);
    const deposits = rowsOf(all, 'totals').find((t) => t.operation === 'deposit')!;
    expect(deposits).toMatchObject({ currency: 'CNY', receipts: 2, amount: 6_250, fee: 0 });
    const adminOnly = await ok(router, 'reports.run', { report: 'receipts', params: { actor: 'admin' } });
    expect(rowsOf(adminOnly, 'receipts').map((r) => r.amount)).toEqual([5_000]);
  });

  it('answers an empty period with no rows, and a period starting in the future with a coded refusal', async () => {
    const { router } = await counterRouter('admin');
    const empty = await ok(router, 'reports.run', { report: 'receipts', params: { from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' } });
    expect(empty.sections.map((s) => s.rows.length)).toEqual([0, 0]);
    const before = snapshot(router);
    const future = await router.invoke('reports.run', { report: 'receipts', params: { from: '2999-01-01T00:00:00.000Z' } });
    expect(future.ok ? null : [future.error.code, future.error.details?.reason]).toEqual(['INVALID_INPUT', 'future']);
    expect(snapshot(router)).toEqual(before);
  });
});
