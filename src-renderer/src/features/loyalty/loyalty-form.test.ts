import { describe, expect, it } from 'vitest';
import { DEFAULT_LOYALTY_RULES } from '../../../../src-shared/settings/loyalty-settings';
import { translatorForTests } from '../../i18n/test-translator';
import { blankTier, loyaltyFormSchema, NO_CAP, rulesToForm, type LoyaltyForm } from './loyalty-form';

// The Loyalty screen's form shows the saved rules as text and reads that text back into the very
// same rules; a problem (a field that is not a number, or one of the points domain's own reasons:
// thresholds not rising, the first tier above 0, an id twice) is said in our words on its field,
// in English and Chinese.

const ZOD_WORDS = /expected|Too small|Too big|Invalid input|received|each threshold|lowercase/;

const translator = translatorForTests();

function problems(form: LoyaltyForm): Record<string, string> {
  const read = loyaltyFormSchema(translator().t).safeParse(form);
  if (read.success) return {};
  return Object.fromEntries(read.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

function edited(change: (form: LoyaltyForm) => void): LoyaltyForm {
  const form = rulesToForm(DEFAULT_LOYALTY_RULES);
  change(form);
  return form;
}

describe('the loyalty rules as the form edits them', () => {
  it('shows the defaults as typed text and reads them back unchanged', () => {
    const form = rulesToForm(DEFAULT_LOYALTY_RULES);
    expect(form.tiers[1]).toEqual({ id: 'gold', name: '', threshold: '100', feePercent: '0.40', multiplier: '1.25' });
    expect(form.tiers[0]?.feePercent).toBe('');
    expect(form).toMatchObject({ pointsPerUnitPaid: '1.00', referralCap: { count: '5', period: 'month' }, neverExpire: false, expiryMonths: '12' });
    expect(loyaltyFormSchema(translator().t).parse(form)).toEqual(DEFAULT_LOYALTY_RULES);
  });

  it('reads no cap, never expiring points, a blank fee as the currency\'s rate and a factor in hundredths', () => {
    const form = edited((f) => {
      f.reviewCap = { count: '5', period: NO_CAP };
      f.neverExpire = true;
      f.expiryMonths = 'not read';
      f.tiers[1] = { ...f.tiers[1]!, feePercent: ' ', multiplier: '1.5', name: '金卡会员' };
      f.pointsPerUnitPaid = '0.5';
    });
    expect(loyaltyFormSchema(translator().t).parse(form)).toMatchObject({
      reviewCap: null,
      expiryMonths: null,
      pointsPerUnitPaid: 50,
      tiers: [{ id: 'standard' }, { id: 'gold', name: '金卡会员', paymentFeeBps: null, multiplier: 150 }, { id: 'diamond' }, { id: 'vip' }],
    });
  });

  it('refuses thresholds that do not rise, on the tier that breaks the order, in our words', () => {
    expect(problems(edited((f) => (f.tiers[2]!.threshold = '100')))).toEqual({ 'tiers.2.threshold': 'Each threshold must be above the one before.' });
  });

  it('refuses a first tier above 0 and a new tier with an id already used or not an id', () => {
    expect(problems(edited((f) => (f.tiers[0]!.threshold = '10')))).toEqual({ 'tiers.0.threshold': 'The first tier starts at 0 points.' });
    expect(problems(edited((f) => f.tiers.push({ ...blankTier(), id: 'gold', threshold: '5000' })))).toEqual({ 'tiers.4.id': 'Another tier has this id.' });
    expect(problems(edited((f) => f.tiers.push({ ...blankTier(), id: 'Platinum', threshold: '5000' })))).toEqual({ 'tiers.4.id': 'Use lowercase letters, digits or _, starting with a letter.' });
  });

  it('names every field that is not a number, and the schema\'s limits, without zod\'s words', () => {
    const found = problems(
      edited((f) => {
        f.tiers[1]!.threshold = 'a hundred';
        f.tiers[1]!.feePercent = '0.405';
        f.tiers[1]!.multiplier = '1.25%';
        f.pointsPerReferral = '';
        f.referralCap.count = '2.5';
        f.pointsPerUnitPaid = '5000';
      }),
    );
    expect(found).toEqual({
      'tiers.1.threshold': 'Enter a whole number.',
      'tiers.1.feePercent': expect.any(String),
      'tiers.1.multiplier': 'Type a number such as 1.25.',
      pointsPerReferral: 'Fill in this field.',
      'referralCap.count': 'Enter a whole number.',
      pointsPerUnitPaid: 'Enter 1000.00 or less.',
    });
    expect(problems(edited((f) => (f.tierWindowMonths = '0')))).toEqual({ tierWindowMonths: 'Enter 1 or more.' });
    for (const message of Object.values(found)) expect(message).not.toMatch(ZOD_WORDS);
  });

  it('says the reasons in Chinese too', async () => {
    await translator().changeLanguage('zh-CN');
    try {
      expect(problems(edited((f) => (f.tiers[3]!.threshold = '500')))).toEqual({ 'tiers.3.threshold': '每个门槛都要高于前一个。' });
    } finally {
      await translator().changeLanguage('en');
    }
  });
});
