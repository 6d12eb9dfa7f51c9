import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resourcesFromFiles } from '../i18n';
import { systemMemo } from '../../../src-shared/system-memo';
import { memoText } from './memo-text';

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../i18n/*/*.json', { eager: true, import: 'default' }));

async function tIn(language: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
  return instance.t;
}

let en: TFunction;
let zh: TFunction;

beforeAll(async () => {
  en = await tIn('en');
  zh = await tIn('zh-CN');
});

describe('memoText', () => {
  const fee = systemMemo({ memo: 'payment_fee', merchant: '星巴克' });
  const payment = systemMemo({ memo: 'payment', merchant: 'Café <Ω>' });

  it('renders a system memo from its parts in the reader’s language', () => {
    expect(memoText(en, fee)).toBe('Fee on payment to 星巴克');
    expect(memoText(zh, fee)).toBe('向星巴克付款的手续费');
    expect(memoText(en, payment)).toBe('Payment to Café <Ω>');
    expect(memoText(zh, payment)).toBe('向Café <Ω>付款');
  });

  it('shows what staff typed, and the English sentences older builds stored, verbatim in every language', () => {
    for (const t of [en, zh]) {
      expect(memoText(t, 'Rent for March')).toBe('Rent for March');
      expect(memoText(t, 'Fee on payment to 星巴克')).toBe('Fee on payment to 星巴克');
      expect(memoText(t, '{"memo":"refund","merchant":"x"}')).toBe('{"memo":"refund","merchant":"x"}');
      expect(memoText(t, '{"memo":')).toBe('{"memo":');
    }
  });

  it('renders no memo as an empty string', () => {
    expect(memoText(zh, null)).toBe('');
    expect(memoText(zh, undefined)).toBe('');
  });
});
