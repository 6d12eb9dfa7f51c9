import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resourcesFromFiles } from '../../i18n';
import type { CheckResult } from '../../../../src-shared/contract/verify';
import { checkWords } from './check-words';

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../../i18n/*/*.json', { eager: true, import: 'default' }));

async function translator(language: string) {
  const missing: string[] = [];
  const instance = i18next.createInstance();
  await instance.init({
    resources, lng: language, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false },
    saveMissing: true, missingKeyHandler: (_languages, namespace, key) => missing.push(`${namespace}:${key}`),
  });
  return { i18n: instance, missing };
}

const check = (name: string, counts: Record<string, number>): CheckResult => ({ name, ok: true, detail: 'x', counts, firstViolation: null });

describe('checkWords', () => {
  it('names a check and what it looked at in the reader’s language, numbers in the locale', async () => {
    const en = await translator('en');
    expect(checkWords(check('ledger.totals', { transfers: 1_234_567, accounts: 1 }), en.i18n.t, en.i18n)).toEqual({
      name: 'Account totals',
      description: 'Every account’s running totals equal a replay of its transfers.',
      counts: ['1,234,567 transfers', '1 account'],
    });
    const zh = await translator('zh-CN');
    expect(checkWords(check('members.search.trigrams', { members: 10_000 }), zh.i18n.t, zh.i18n)).toMatchObject({ name: '姓名搜索索引', counts: ['10,000 名会员'] });
  });

  it('shows a check and a count it does not know by their raw names, without reporting a missing key', async () => {
    const en = await translator('en');
    expect(checkWords(check('loans.schedule', { instalments: 3 }), en.i18n.t, en.i18n)).toEqual({ name: 'loans.schedule', description: null, counts: ['instalments: 3'] });
    expect(en.missing).toEqual([]);
  });
});
