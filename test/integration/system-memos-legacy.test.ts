import { describe, expect, it, vi } from 'vitest';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey } from './members-fixtures';

// A folder written by a build before memos were stored as parts: its payment legs carry the
// English sentences. Those rows stay as they were hashed, and verify (this build's code, once the
// old build is switched off) must stay green on them.
const oldBuild = vi.hoisted(() => ({ writing: false }));
vi.mock('../../src-shared/system-memo', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src-shared/system-memo')>();
  const sentences = { payment: 'Payment to', payment_fee: 'Fee on payment to' } as const;
  return {
    ...actual,
    systemMemo: (parts: { memo: keyof typeof sentences; merchant: string }) => (oldBuild.writing ? `${sentences[parts.memo]} ${parts.merchant}` : actual.systemMemo(parts)),
  };
});

describe('system memos in a folder from an older build', () => {
  it('verifies payments whose legs carry the old English memos', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router);
    await depositTo(router, member.id, 100_000);
    oldBuild.writing = true;
    await ok(router, 'wallets.pay', { memberId: member.id, amount: 30_000, currency: 'CNY', merchant: '星巴克', idempotencyKey: nextKey() });
    oldBuild.writing = false;
    await ok(router, 'wallets.pay', { memberId: member.id, amount: 20_000, currency: 'CNY', merchant: '星巴克', idempotencyKey: nextKey() });
    const history = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', offset: 0, limit: 10 });
    const memos = history.rows.map((row) => row.memo);
    expect(memos).toContain('Fee on payment to 星巴克');
    expect(memos).toContain('{"memo":"payment_fee","merchant":"星巴克"}');
    const report = await ok(router, 'system.verify', {});
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });
});
