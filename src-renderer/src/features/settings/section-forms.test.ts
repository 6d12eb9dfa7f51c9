import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import i18next, { type i18n, type TFunction } from 'i18next';
import { z } from 'zod';
import { DEFAULT_SETTINGS, SETTINGS_SECTIONS, settingsSchema, type Settings } from '../../../../src-shared/settings';
import { COUNTER_ROLES } from '../../../../src-shared/settings/counter-limits';
import type { SettingsSection } from '../../../../src-shared/settings/define';
import { resourcesFromFiles } from '../../i18n';
import { validationErrorMap } from '../../i18n/validation-message';
import { SECTION_CARDS } from './section-cards';
import { SECTION_FORMS, type SectionForm } from './section-forms';

// Every settings section of src-shared has a form on the Settings screen, with a label and a line
// of description for each of its settings. The form shows what is saved and reads it back
// unchanged, and says each problem in our words, in English and Chinese, on the field it concerns.

const resources = resourcesFromFiles(import.meta.glob<Record<string, unknown>>('../../i18n/*/*.json', { eager: true, import: 'default' }));
const ZOD_WORDS = /expected|Too small|Too big|Invalid input|received|数值过小|数值过大|无效输入|期望/;

let translator: i18n;
let t: TFunction;

beforeAll(async () => {
  translator = i18next.createInstance();
  await translator.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } });
  t = translator.t;
  z.config({ localeError: validationErrorMap(() => translator.t) });
});

afterAll(() => {
  z.config({ localeError: undefined });
});

function formOf(domain: string): SectionForm<object> {
  const form = (SECTION_FORMS as Record<string, SectionForm<object>>)[domain];
  if (!form) throw new Error(`no form for the ${domain} settings`);
  return form;
}

/** What each field of `domain`'s form says is wrong after `edit`, keyed by the field's path. */
function problems(domain: string, edit: (form: Record<string, unknown>) => void, settings: Settings = DEFAULT_SETTINGS): Record<string, string> {
  const values = structuredClone(formOf(domain).toForm(settings)) as Record<string, unknown>;
  edit(values);
  const result = formOf(domain).schema(t).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

/** Valid settings of every shape the sections allow: fees and limits for some currencies, none for others. */
const anySettings: fc.Arbitrary<Settings> = fc
  .record({
    idleLockMinutes: fc.integer({ min: 1, max: 240 }),
    enabledCurrencies: fc.uniqueArray(fc.constantFrom('CNY', 'USD', 'JPY', 'KWD', 'HKD'), { minLength: 1, maxLength: 5 }),
    paymentFeeBps: fc.integer({ min: 0, max: 10_000 }),
    paymentFeeBpsByCurrency: fc.dictionary(fc.constantFrom('CNY', 'USD', 'JPY'), fc.integer({ min: 0, max: 10_000 })),
    operationLimits: fc.record(Object.fromEntries(COUNTER_ROLES.map((role) => [role, fc.dictionary(fc.constantFrom('CNY', 'JPY', 'EUR'), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { minKeys: 1 })])), { requiredKeys: [] }),
    approvalThresholds: fc.dictionary(fc.constantFrom('CNY', 'USD', 'KWD'), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
    loyalty: fc.constant(DEFAULT_SETTINGS.loyalty),
    businessTimeZone: fc.constantFrom(null, 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York'),
    authorizationHoldDays: fc.integer({ min: 1, max: 30 }),
    payoutItemLimits: fc.dictionary(fc.constantFrom('CNY', 'USD', 'JPY'), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
    payoutSecondApprovalAbove: fc.dictionary(fc.constantFrom('CNY', 'KWD'), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  })
  .map((settings) => settingsSchema.parse(settings));

/** The sections the Settings screen edits, and those it leads to a screen of their own (the loyalty rules). */
const EDITED_HERE = SETTINGS_SECTIONS.filter((section: SettingsSection) => section.editedAt === undefined);
const EDITED_ELSEWHERE = SETTINGS_SECTIONS.filter((section: SettingsSection) => section.editedAt !== undefined);

describe('the Settings forms', () => {
  it('cover every section of src-shared, and every setting in it has a label and a description', () => {
    for (const section of EDITED_ELSEWHERE) {
      for (const part of ['title', 'description']) expect(translator.exists(`settings:section.${section.domain}.${part}`), `${section.domain}.${part}`).toBe(true);
    }
    for (const section of EDITED_HERE) {
      expect(formOf(section.domain).section).toBe(section);
      expect(SECTION_CARDS[section.domain], `${section.domain} card`).toBeTypeOf('function');
      for (const key of Object.keys(section.schema.shape)) {
        for (const part of ['label', 'hint']) expect(translator.exists(`settings:field.${key}.${part}`), `${key}.${part}`).toBe(true);
      }
      for (const part of ['title', 'description']) expect(translator.exists(`settings:section.${section.domain}.${part}`), `${section.domain}.${part}`).toBe(true);
    }
  });

  it('read back what they show, for the defaults and for any valid settings', () => {
    const check = (settings: Settings) => {
      for (const section of EDITED_HERE) {
        const form = formOf(section.domain);
        expect(form.schema(t).parse(form.toForm(settings))).toEqual(section.schema.parse(settings));
      }
    };
    check(DEFAULT_SETTINGS);
    fc.assert(fc.property(anySettings, check));
  });

  it('show the fee as a percentage and the limits in major units', () => {
    const settings = { ...DEFAULT_SETTINGS, enabledCurrencies: ['CNY', 'USD'], paymentFeeBpsByCurrency: { USD: 125 } };
    expect(formOf('wallets').toForm(settings)).toEqual({ enabledCurrencies: ['CNY', 'USD'], paymentFeeBps: '0.50', paymentFeeBpsByCurrency: { CNY: '', USD: '1.25' } });
    const counter = formOf('counter').toForm({ ...settings, operationLimits: { teller: { CNY: 5_000_000 } }, approvalThresholds: { CNY: 1_000_000 } });
    expect(counter).toMatchObject({ operationLimits: { teller: { CNY: '50000.00', USD: '' } }, approvalThresholds: { CNY: '10000.00', USD: '' } });
  });

  it('send a blank fee per currency as the general rate and a blank limit as no limit', () => {
    const wallets = formOf('wallets');
    expect(wallets.schema(t).parse({ enabledCurrencies: ['CNY', 'USD'], paymentFeeBps: '0.5', paymentFeeBpsByCurrency: { CNY: '', USD: '0.3' } })).toMatchObject({ paymentFeeBps: 50, paymentFeeBpsByCurrency: { USD: 30 } });
    const counter = formOf('counter');
    expect(counter.schema(t).parse({ operationLimits: { teller: { CNY: '' }, admin: { CNY: '1,000.5' } }, approvalThresholds: { CNY: '' } })).toEqual({ operationLimits: { admin: { CNY: 100_050 } }, approvalThresholds: {} });
  });

  it("show the workstation's time zone as blank, send blank as null, and read the hold days as days", () => {
    const cards = formOf('cards');
    expect(cards.toForm(DEFAULT_SETTINGS)).toEqual({ businessTimeZone: '', authorizationHoldDays: '7' });
    expect(cards.schema(t).parse({ businessTimeZone: '', authorizationHoldDays: '7' })).toEqual({ businessTimeZone: null, authorizationHoldDays: 7 });
    expect(cards.schema(t).parse({ businessTimeZone: 'Europe/Berlin', authorizationHoldDays: '30' })).toEqual({ businessTimeZone: 'Europe/Berlin', authorizationHoldDays: 30 });
  });

  it('refuse a zone the runtime does not know and hold days outside 1 to 30, in English and in Chinese', async () => {
    expect(problems('cards', (form) => (form.businessTimeZone = 'Mars/Olympus'))).toEqual({ businessTimeZone: 'Choose a time zone from the list.' });
    expect(problems('cards', (form) => (form.authorizationHoldDays = '31'))).toEqual({ authorizationHoldDays: 'Enter 30 or less.' });
    await translator.changeLanguage('zh-CN');
    expect(problems('cards', (form) => (form.authorizationHoldDays = '0'))).toEqual({ authorizationHoldDays: '请输入不小于 1 的数。' });
    expect(problems('cards', (form) => (form.businessTimeZone = 'Mars/Olympus'))).toEqual({ businessTimeZone: '请从列表中选择一个时区。' });
    await translator.changeLanguage('en');
  });

  it('ask for a whole number of idle-lock minutes when 1.5 is typed, in English and in Chinese', async () => {
    expect(problems('session', (form) => (form.idleLockMinutes = '1.5'))).toEqual({ idleLockMinutes: 'Enter a whole number.' });
    await translator.changeLanguage('zh-CN');
    expect(problems('session', (form) => (form.idleLockMinutes = '1.5'))).toEqual({ idleLockMinutes: '请输入整数。' });
    await translator.changeLanguage('en');
  });

  it('state the limits of the idle lock and the fee in our words, the fee as a percentage', () => {
    expect(problems('session', (form) => (form.idleLockMinutes = '0'))).toEqual({ idleLockMinutes: 'Enter 1 or more.' });
    expect(problems('session', (form) => (form.idleLockMinutes = ''))).toEqual({ idleLockMinutes: 'Fill in this field.' });
    expect(problems('wallets', (form) => (form.paymentFeeBps = '100.01'))).toEqual({ paymentFeeBps: 'Enter 100.00% or less.' });
    expect(problems('wallets', (form) => (form.paymentFeeBpsByCurrency = { CNY: '0.555' }))).toEqual({ 'paymentFeeBpsByCurrency.CNY': 'At most 2 decimal places.' });
    expect(problems('wallets', (form) => (form.paymentFeeBps = 'half'))).toEqual({ paymentFeeBps: 'Enter a percentage such as 0.50.' });
  });

  it('refuse an amount the currency cannot hold on its own cell, and no currency at all', () => {
    expect(problems('counter', (form) => ((form.operationLimits as Record<string, Record<string, string>>).teller = { CNY: '12.345' }))).toEqual({
      'operationLimits.teller.CNY': 'CNY has at most 2 decimal places.',
    });
    expect(problems('counter', (form) => (form.approvalThresholds = { CNY: '0' }))).toEqual({ 'approvalThresholds.CNY': 'The amount must be more than zero.' });
    expect(problems('wallets', (form) => (form.enabledCurrencies = []))).toEqual({ enabledCurrencies: 'Choose at least 1.' });
  });

  it('show the payout limit and second-approval threshold in major units, and send a blank one as none', () => {
    const payouts = formOf('payouts');
    const settings = { ...DEFAULT_SETTINGS, enabledCurrencies: ['CNY', 'USD'], payoutSecondApprovalAbove: { CNY: 100_000_000 } };
    expect(payouts.toForm(settings)).toEqual({ payoutItemLimits: { CNY: '50000.00', USD: '' }, payoutSecondApprovalAbove: { CNY: '1000000.00', USD: '' } });
    expect(payouts.schema(t).parse({ payoutItemLimits: { CNY: '20,000', USD: '' }, payoutSecondApprovalAbove: { CNY: '', USD: '99.99' } })).toEqual({
      payoutItemLimits: { CNY: 2_000_000 },
      payoutSecondApprovalAbove: { USD: 9_999 },
    });
  });

  it('refuse a payout limit the currency cannot hold on its own cell, in English and in Chinese', async () => {
    expect(problems('payouts', (form) => (form.payoutItemLimits = { CNY: '1.005' }))).toEqual({ 'payoutItemLimits.CNY': 'CNY has at most 2 decimal places.' });
    await translator.changeLanguage('zh-CN');
    expect(problems('payouts', (form) => (form.payoutSecondApprovalAbove = { CNY: '-5' }))).toEqual({ 'payoutSecondApprovalAbove.CNY': '金额不能为负数。' });
    await translator.changeLanguage('en');
  });

  it('never show zod’s own words', async () => {
    for (const language of ['en', 'zh-CN']) {
      await translator.changeLanguage(language);
      const all = [
        problems('session', (form) => (form.idleLockMinutes = 'x')),
        problems('wallets', (form) => Object.assign(form, { paymentFeeBps: '200', enabledCurrencies: ['CNY', 'CNY'] })),
        problems('counter', (form) => (form.approvalThresholds = { CNY: '1e5' })),
        problems('cards', (form) => Object.assign(form, { businessTimeZone: 'Nowhere', authorizationHoldDays: '2.5' })),
        problems('payouts', (form) => (form.payoutItemLimits = { CNY: '1e5' })),
      ];
      for (const found of all) for (const message of Object.values(found)) expect(message).not.toMatch(ZOD_WORDS);
    }
    await translator.changeLanguage('en');
  });
});
