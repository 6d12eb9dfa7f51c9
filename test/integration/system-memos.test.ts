import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { parseSystemMemo } from '../../src-shared/system-memo';
import { resourcesFromFiles } from '../../src-renderer/src/i18n';
import { memoText } from '../../src-renderer/src/ui/memo-text';
import { ok } from '../support/temp-data';
import { addMember, counterRouter, depositTo, nextKey } from './members-fixtures';

// The memos the system writes on a payment's legs are stored as parts (src-shared/system-memo.ts)
// and read in the reader's language; what staff typed is kept verbatim.

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../../src-renderer/src/i18n/*/*.json', { eager: true, import: 'default' }));

async function tIn(language: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return instance.t;
}

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = await tIn('zh-CN');
  en = await tIn('en');
});

async function paidAtStarbucks(memo?: string) {
  const { router } = await counterRouter();
  const member = await addMember(router, { name: '王小明' });
  await depositTo(router, member.id, 100_000);
  await ok(router, 'wallets.pay', { memberId: member.id, amount: 30_000, currency: 'CNY', merchant: '星巴克', idempotencyKey: nextKey(), ...(memo === undefined ? {} : { memo }) });
  const history = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', offset: 0, limit: 10 });
  const memoOf = (kind: string) => history.rows.find((row) => row.kind === kind)?.memo ?? null;
  return { router, memoOf };
}

describe('system memos', () => {
  it('stores a payment’s memos as their parts, not as English sentences', async () => {
    const { memoOf } = await paidAtStarbucks();
    expect(parseSystemMemo(memoOf('payment'))).toEqual({ memo: 'payment', merchant: '星巴克' });
    expect(parseSystemMemo(memoOf('fee'))).toEqual({ memo: 'payment_fee', merchant: '星巴克' });
  });

  it('reads them in the reader’s language', async () => {
    const { memoOf } = await paidAtStarbucks();
    expect(memoText(zh, memoOf('payment'))).toBe('向星巴克付款');
    expect(memoText(zh, memoOf('fee'))).toBe('向星巴克付款的手续费');
    expect(memoText(en, memoOf('fee'))).toBe('Fee on payment to 星巴克');
  });

  it('keeps a memo staff typed on the payment verbatim, beside the fee’s system memo', async () => {
    const { memoOf } = await paidAtStarbucks('午餐 team lunch');
    expect(memoOf('payment')).toBe('午餐 team lunch');
    expect(memoText(zh, memoOf('payment'))).toBe('午餐 team lunch');
    expect(memoText(zh, memoOf('fee'))).toBe('向星巴克付款的手续费');
  });

  it('refuses a staff memo written in the stored form of a system memo (INVALID_INPUT, system_memo), posting nothing', async () => {
    const { router } = await counterRouter();
    const member = await addMember(router, { name: '王小明' });
    await depositTo(router, member.id, 100_000);
    const before = await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', offset: 0, limit: 10 });
    for (const memo of ['{"memo":"payment","merchant":"星巴克"}', '  {"memo":"payment_fee","merchant":"X"}  ']) {
      const answer = await router.invoke('wallets.deposit', { memberId: member.id, amount: 1_000, currency: 'CNY', memo, idempotencyKey: nextKey() });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'memo', reason: 'system_memo' } } });
    }
    expect(await ok(router, 'wallets.history', { memberId: member.id, currency: 'CNY', offset: 0, limit: 10 })).toEqual(before);
  });

  it('verifies a folder whose payments carry the parts (the hash chain covers the stored text)', async () => {
    const { router } = await paidAtStarbucks();
    const report = await ok(router, 'system.verify', {});
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
